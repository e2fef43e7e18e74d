using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClaimVision.Contracts;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Privacy;
using ClaimVision.Pipeline.Storage;
using MassTransit;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimVision.Api.Endpoints;

/// <summary>
/// <c>POST /claims</c>: validates the multipart upload, stores the images (content-addressed), records the
/// claim with pending documents and publishes <see cref="ClaimSubmitted"/>. Document ids derive from the
/// claim id, position and content, so a client that retries a failed submission gets the same ids and no duplicates.
/// </summary>
public sealed partial class ClaimIntake(
    IBlobStore blobs,
    IClaimStore store,
    IPublishEndpoint publish,
    IOptions<ApiOptions> options,
    ILogger<ClaimIntake> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IResult> SubmitAsync(HttpContext http)
    {
        var limits = options.Value;
        var ct = http.RequestAborted;
        if (!http.Request.HasFormContentType)
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Expected multipart/form-data",
                "POST /claims takes multipart/form-data: a 'claim' part (claim.json) and one 'files' part per image.");
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limits.MaxTotalBytes + limits.MaxClaimJsonBytes + 64 * 1024;

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions
            {
                MultipartBodyLengthLimit = limits.MaxTotalBytes + limits.MaxClaimJsonBytes,
                ValueLengthLimit = limits.MaxClaimJsonBytes,
            }, ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Problem(StatusCodes.Status413RequestEntityTooLarge, "Upload too large",
                $"The upload exceeds the limit of {limits.MaxTotalBytes} bytes per claim ({e.Message}).");
        }

        var claimPart = await ReadClaimPartAsync(form, ct);
        if (claimPart.Error is { } claimError) return claimError;
        var request = claimPart.Request!;

        var files = form.Files.GetFiles("files");
        if (files.Count == 0)
            return Problem(StatusCodes.Status400BadRequest, "No documents", "The claim has no 'files' parts; attach one part per document image.");
        if (files.Count > limits.MaxFiles)
            return Problem(StatusCodes.Status400BadRequest, "Too many documents",
                $"The claim has {files.Count} files; at most {limits.MaxFiles} are accepted per claim.");
        foreach (var file in files)
        {
            if (file.Length == 0)
                return Problem(StatusCodes.Status400BadRequest, "Empty document", $"The file '{file.FileName}' is empty.");
            if (file.Length > limits.MaxFileBytes)
                return Problem(StatusCodes.Status413RequestEntityTooLarge, "Document too large",
                    $"The file '{file.FileName}' has {file.Length} bytes; at most {limits.MaxFileBytes} are accepted per file.");
        }
        var total = files.Sum(f => f.Length);
        if (total > limits.MaxTotalBytes)
            return Problem(StatusCodes.Status413RequestEntityTooLarge, "Upload too large",
                $"The files total {total} bytes; at most {limits.MaxTotalBytes} are accepted per claim.");

        var documents = new List<DocumentRef>(files.Count);
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var bytes = new byte[file.Length];
            await using (var stream = file.OpenReadStream())
                await stream.ReadExactlyAsync(bytes, ct);
            var contentType = string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType;
            var blob = await blobs.PutAsync(bytes, contentType, ct);
            documents.Add(new DocumentRef
            {
                DocumentId = DocumentIdFor(request.ClaimId, i, blob.Sha256),
                FileName = SafeFileName(file.FileName, i),
                BlobKey = blob.Key,
                Sha256 = blob.Sha256,
                ContentType = contentType,
                Length = blob.Length,
            });
        }

        var existing = await store.GetClaimAsync(request.ClaimId, ct);
        if (existing is not null && !SameDocuments(existing, documents))
            return Problem(StatusCodes.Status409Conflict, "Claim already exists",
                $"Claim '{request.ClaimId}' was already submitted with other documents; submit corrections under a new claim id.");

        var now = DateTimeOffset.UtcNow;
        await store.CreateClaimAsync(new ClaimRecord
        {
            ClaimId = request.ClaimId,
            Request = request,
            Status = ClaimStatus.Processing,
            SubmittedAt = now,
            Documents = [.. documents.Select(d => new DocumentRecord
            {
                DocumentId = d.DocumentId,
                ClaimId = request.ClaimId,
                FileName = d.FileName,
                BlobKey = d.BlobKey,
                Sha256 = d.Sha256,
                Status = DocumentStatus.Pending,
            })],
        }, ct);
        if (existing is null || existing.Documents.Any(d => d.Status == DocumentStatus.Pending))
            await publish.Publish(new ClaimSubmitted
            {
                ClaimId = request.ClaimId,
                CorrelationId = NewId.NextGuid(),
                Documents = documents,
                SubmittedAt = now,
            }, ct);

        var (maskedName, maskedId) = (Mask.Name(request.Insured.Name), Mask.IdNumber(request.Insured.IdNumber));
        LogSubmitted(logger, request.ClaimId, maskedName, maskedId, documents.Count, total);
        var location = $"/claims/{Uri.EscapeDataString(request.ClaimId)}";
        return Results.Accepted(location, new SubmissionAccepted(request.ClaimId, location,
            [.. documents.Select(d => new DocumentView(d.DocumentId, d.FileName, "pending", null, null, $"/documents/{d.DocumentId}/image", null))]));
    }

    private static async Task<(ClaimRequest? Request, IResult? Error)> ReadClaimPartAsync(IFormCollection form, CancellationToken ct)
    {
        string? json = null;
        if (form.Files.GetFile("claim") is { } claimFile)
        {
            using var reader = new StreamReader(claimFile.OpenReadStream(), Encoding.UTF8);
            json = await reader.ReadToEndAsync(ct);
        }
        else if (form.TryGetValue("claim", out var value))
            json = value.ToString();
        if (string.IsNullOrWhiteSpace(json))
            return (null, Problem(StatusCodes.Status400BadRequest, "Missing claim", "The upload has no 'claim' part; send claim.json as the 'claim' part."));
        ClaimRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<ClaimRequest>(json, Json);
        }
        catch (JsonException e)
        {
            return (null, Problem(StatusCodes.Status400BadRequest, "Invalid claim JSON", $"The 'claim' part is not a valid claim.json: {e.Message}"));
        }
        if (request is null)
            return (null, Problem(StatusCodes.Status400BadRequest, "Invalid claim JSON", "The 'claim' part is JSON null."));
        if (!ClaimIdPattern().IsMatch(request.ClaimId))
            return (null, Problem(StatusCodes.Status400BadRequest, "Invalid claim id",
                "claimId must be 1–64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit."));
        if (string.IsNullOrWhiteSpace(request.PolicyId) || string.IsNullOrWhiteSpace(request.Insured.Name))
            return (null, Problem(StatusCodes.Status400BadRequest, "Incomplete claim", "claim.json needs policyId and insured.name."));
        return (request, null);
    }

    private static bool SameDocuments(ClaimRecord existing, IReadOnlyList<DocumentRef> documents) =>
        existing.Documents.Select(d => d.DocumentId).Order(StringComparer.Ordinal)
            .SequenceEqual(documents.Select(d => d.DocumentId).Order(StringComparer.Ordinal));

    internal static string DocumentIdFor(string claimId, int index, string sha256) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{claimId}\n{index}\n{sha256}")))[..32];

    private static string SafeFileName(string? name, int index)
    {
        var file = Path.GetFileName(name ?? "");
        return string.IsNullOrWhiteSpace(file) ? $"document-{index + 1}" : file;
    }

    internal static IResult Problem(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex ClaimIdPattern();

    [LoggerMessage(Level = LogLevel.Information, Message = "Claim {ClaimId} submitted for {Name} ({IdNumber}): {Count} document(s), {Bytes} bytes")]
    private static partial void LogSubmitted(ILogger logger, string claimId, string name, string idNumber, int count, long bytes);
}
