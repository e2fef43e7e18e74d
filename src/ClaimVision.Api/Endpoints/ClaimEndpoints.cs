using ClaimVision.Domain.Privacy;
using ClaimVision.Pipeline.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace ClaimVision.Api.Endpoints;

/// <summary>Claims, the adjusters' queue, decisions, and document images and OCR results.</summary>
internal static partial class ClaimEndpoints
{
    private static readonly HashSet<string> QueueStatuses = ["pending", "decided", "all"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/claims", (HttpContext http, ClaimIntake intake) => intake.SubmitAsync(http))
            .DisableAntiforgery()
            .WithName("SubmitClaim")
            .WithSummary("Submit a claim: multipart/form-data with a 'claim' part (claim.json) and one 'files' part per image.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<SubmissionAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413RequestEntityTooLarge);

        app.MapGet("/claims/{id}", GetClaimAsync)
            .WithName("GetClaim").WithSummary("A claim: status per document, the recommendation when ready, the decision when made.")
            .Produces<ClaimView>().ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/recommendations", ListAsync)
            .WithName("ListRecommendations").WithSummary("The adjusters' queue: status=pending|decided|all, paged.")
            .Produces<QueuePage>().ProducesProblem(StatusCodes.Status400BadRequest);

        app.MapPost("/claims/{id}/decision", DecideAsync)
            .WithName("DecideClaim").WithSummary("An adjuster accepts or overrides the recommendation (an override needs a reason).")
            .Produces<ClaimView>().ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        app.MapGet("/documents/{id}/image", ImageAsync)
            .WithName("GetDocumentImage").WithSummary("The document image as uploaded.")
            .ProducesProblem(StatusCodes.Status404NotFound);

        app.MapGet("/documents/{id}/ocr", OcrAsync)
            .WithName("GetDocumentOcr").WithSummary("The document's analysis report: OCR lines with boxes, type, fields.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> GetClaimAsync(string id, IClaimStore store, CancellationToken ct) =>
        await store.GetClaimAsync(id, ct) is { } claim
            ? Results.Ok(ClaimView.From(claim))
            : ClaimIntake.Problem(StatusCodes.Status404NotFound, "No such claim", $"There is no claim '{id}'.");

    private static async Task<IResult> ListAsync(IClaimStore store, CancellationToken ct, string status = "pending", int page = 1, int pageSize = 20)
    {
        if (!QueueStatuses.Contains(status))
            return ClaimIntake.Problem(StatusCodes.Status400BadRequest, "Invalid status", $"status is '{status}'; expected pending, decided or all.");
        if (page < 1 || pageSize < 1 || pageSize > 200)
            return ClaimIntake.Problem(StatusCodes.Status400BadRequest, "Invalid paging", "page must be ≥ 1 and pageSize between 1 and 200.");
        var claims = await store.ListRecommendationsAsync(status, page, pageSize, ct);
        var items = claims.Where(c => c.Recommendation is not null).Select(c => new QueueItem(
            c.ClaimId, c.Request.PolicyId, c.Decision is null ? "pending" : "decided", c.Documents.Count,
            c.Recommendation!.Decision, c.Recommendation.PayableAmount, c.Recommendation.Currency,
            c.Recommendation.Confidence, c.Recommendation.CreatedAt)).ToList();
        return Results.Ok(new QueuePage(status, page, pageSize, items));
    }

    private static async Task<IResult> DecideAsync(string id, DecisionRequest body, IClaimStore store, ILoggerFactory loggers, CancellationToken ct)
    {
        var action = body.Action?.Trim().ToLowerInvariant();
        if (string.IsNullOrWhiteSpace(body.Adjuster))
            return ClaimIntake.Problem(StatusCodes.Status400BadRequest, "Missing adjuster", "A decision names the adjuster who made it.");
        if (action is not ("accept" or "override"))
            return ClaimIntake.Problem(StatusCodes.Status400BadRequest, "Invalid action", $"action is '{body.Action}'; expected accept or override.");
        if (action == "override" && string.IsNullOrWhiteSpace(body.Reason))
            return ClaimIntake.Problem(StatusCodes.Status400BadRequest, "Missing reason", "An override needs a reason: it becomes a labelled training sample.");
        if (action == "override" && body.Decision is null && body.PayableAmount is null)
            return ClaimIntake.Problem(StatusCodes.Status400BadRequest, "Nothing overridden", "An override sets decision, payableAmount or both.");
        if (body.PayableAmount is < 0)
            return ClaimIntake.Problem(StatusCodes.Status400BadRequest, "Invalid amount", "payableAmount cannot be negative.");

        var claim = await store.GetClaimAsync(id, ct);
        if (claim is null)
            return ClaimIntake.Problem(StatusCodes.Status404NotFound, "No such claim", $"There is no claim '{id}'.");
        if (claim.Recommendation is not { } recommendation)
            return ClaimIntake.Problem(StatusCodes.Status409Conflict, "No recommendation yet", $"Claim '{id}' is still being analysed; decide once its recommendation is ready.");
        if (claim.Decision is not null)
            return ClaimIntake.Problem(StatusCodes.Status409Conflict, "Already decided", $"Claim '{id}' was already decided by an adjuster.");

        var decision = new AdjusterDecision
        {
            Adjuster = body.Adjuster.Trim(),
            Action = action,
            Decision = action == "accept" ? recommendation.Decision : body.Decision ?? recommendation.Decision,
            PayableAmount = action == "accept" ? recommendation.PayableAmount : body.PayableAmount ?? recommendation.PayableAmount,
            Reason = body.Reason?.Trim() ?? "",
            DecidedAt = DateTimeOffset.UtcNow,
        };
        await store.SaveDecisionAsync(id, decision, ct);
        var maskedAdjuster = Mask.Name(decision.Adjuster);
        var logger = loggers.CreateLogger("ClaimVision.Api.Decisions");
        LogDecided(logger, id, maskedAdjuster, action);
        var updated = await store.GetClaimAsync(id, ct) ?? claim;
        return Results.Ok(ClaimView.From(updated));
    }

    private static async Task<IResult> ImageAsync(string id, IClaimStore store, IBlobStore blobs, CancellationToken ct)
    {
        var document = await store.GetDocumentAsync(id, ct);
        if (document is null)
            return ClaimIntake.Problem(StatusCodes.Status404NotFound, "No such document", $"There is no document '{id}'.");
        var bytes = await blobs.GetAsync(document.BlobKey, ct);
        return bytes is null
            ? ClaimIntake.Problem(StatusCodes.Status404NotFound, "Image missing", $"The image of document '{id}' is no longer in the blob store.")
            : Results.File(bytes, ImageTypes.Sniff(bytes), document.FileName);
    }

    private static async Task<IResult> OcrAsync(string id, IClaimStore store, IBlobStore blobs, CancellationToken ct)
    {
        var document = await store.GetDocumentAsync(id, ct);
        if (document is null)
            return ClaimIntake.Problem(StatusCodes.Status404NotFound, "No such document", $"There is no document '{id}'.");
        if (document.Status == DocumentStatus.Pending)
            return ClaimIntake.Problem(StatusCodes.Status409Conflict, "Not analysed yet", $"Document '{id}' is still waiting for analysis.");
        if (document.ReportKey is null)
            return ClaimIntake.Problem(StatusCodes.Status404NotFound, "No OCR result",
                $"Document '{id}' was rejected ({document.ErrorCode}: {document.ErrorMessage}); it has no OCR result.");
        var json = await blobs.GetAsync(document.ReportKey, ct);
        return json is null
            ? ClaimIntake.Problem(StatusCodes.Status404NotFound, "OCR result missing", $"The report of document '{id}' is no longer in the blob store.")
            : Results.Bytes(json, "application/json");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Claim {ClaimId}: adjuster {Adjuster} chose {Action}")]
    private static partial void LogDecided(ILogger logger, string claimId, string adjuster, string action);
}

/// <summary>Content type from the first bytes: the blob store keeps bytes, the browser needs a type.</summary>
internal static class ImageTypes
{
    public static string Sniff(ReadOnlySpan<byte> b) => b switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', ..] => "image/png",
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [(byte)'I', (byte)'I', 0x2A, 0x00, ..] or [(byte)'M', (byte)'M', 0x00, 0x2A, ..] => "image/tiff",
        [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "application/pdf",
        [(byte)'G', (byte)'I', (byte)'F', ..] => "image/gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        [(byte)'B', (byte)'M', ..] => "image/bmp",
        _ => "application/octet-stream",
    };
}
