using ClaimVision.Domain.Claims;
using ClaimVision.Pipeline.Storage;

namespace ClaimVision.Api.Endpoints;

/// <summary>A document as the API shows it.</summary>
public sealed record DocumentView(string DocumentId, string FileName, string Status, string? ErrorCode, string? ErrorMessage, string ImageUrl, string? OcrUrl);

/// <summary>A claim as the API shows it: status per document, the recommendation once ready, the adjuster's decision once made.</summary>
public sealed record ClaimView(
    string ClaimId,
    string PolicyId,
    string Status,
    DateTimeOffset SubmittedAt,
    InsuredPerson Insured,
    IReadOnlyList<DocumentView> Documents,
    Recommendation? Recommendation,
    AdjusterDecision? Decision)
{
    public static ClaimView From(ClaimRecord claim) => new(
        claim.ClaimId,
        claim.Request.PolicyId,
        Lower(claim.Status.ToString()),
        claim.SubmittedAt,
        claim.Request.Insured,
        [.. claim.Documents.Select(d => new DocumentView(
            d.DocumentId,
            d.FileName,
            Lower(d.Status.ToString()),
            d.ErrorCode,
            d.ErrorMessage,
            $"/documents/{d.DocumentId}/image",
            d.Status == DocumentStatus.Analyzed ? $"/documents/{d.DocumentId}/ocr" : null))],
        claim.Recommendation,
        claim.Decision);

    private static string Lower(string s) => s.ToLowerInvariant();
}

/// <summary>One row of the adjusters' queue.</summary>
public sealed record QueueItem(string ClaimId, string PolicyId, string Status, int Documents, Decision Decision, decimal PayableAmount, string Currency, double Confidence, DateTimeOffset CreatedAt);

/// <summary>One page of the adjusters' queue.</summary>
public sealed record QueuePage(string Status, int Page, int PageSize, IReadOnlyList<QueueItem> Items);

/// <summary>202 body of a submission.</summary>
public sealed record SubmissionAccepted(string ClaimId, string Location, IReadOnlyList<DocumentView> Documents);

/// <summary>An adjuster's decision on a recommendation.</summary>
public sealed record DecisionRequest
{
    public string? Adjuster { get; init; }
    /// <summary>"accept" or "override".</summary>
    public string? Action { get; init; }
    public Decision? Decision { get; init; }
    public decimal? PayableAmount { get; init; }
    public string? Reason { get; init; }
}
