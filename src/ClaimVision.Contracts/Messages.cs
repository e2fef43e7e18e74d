namespace ClaimVision.Contracts;

// MassTransit routes by full type name (urn:message:ClaimVision.Contracts:<Name>), so each contract exists once,
// here. Commands are verb-noun, events noun + past tense. Messages carry blob keys (claim check), never bytes.

/// <summary>One document of a claim as it travels in messages: where its bytes are, not the bytes.</summary>
public sealed record DocumentRef
{
    public required string DocumentId { get; init; }
    public required string FileName { get; init; }
    /// <summary>Blob-store key of the image ("sha256/ab/cd/abcd…").</summary>
    public required string BlobKey { get; init; }
    /// <summary>Hex SHA-256 of the image bytes, checked again on fetch.</summary>
    public required string Sha256 { get; init; }
    public string? ContentType { get; init; }
    public long Length { get; init; }
}

/// <summary>Event: a claim and its documents were accepted and stored; analysis can start.</summary>
public sealed record ClaimSubmitted
{
    public required string ClaimId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required IReadOnlyList<DocumentRef> Documents { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
}

/// <summary>Command: analyse one document (decode, classify, OCR, extract).</summary>
public sealed record AnalyzeDocument
{
    public required string ClaimId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required DocumentRef Document { get; init; }
}

/// <summary>Event: a document was analysed; the full report is in the blob store under <see cref="ReportKey"/>.</summary>
public sealed record DocumentAnalyzed
{
    public required string ClaimId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required string DocumentId { get; init; }
    public required string ReportKey { get; init; }
    /// <summary>Document type name as classified ("Invoice", "ExpenseList" …).</summary>
    public required string DocumentType { get; init; }
    public double Confidence { get; init; }
    /// <summary>Milliseconds spent per stage ("decode", "ocr", "extract" …).</summary>
    public IReadOnlyDictionary<string, double> TimingsMs { get; init; } = new Dictionary<string, double>();
}

/// <summary>Event: a document could not be analysed for a reason that retrying will not fix.</summary>
public sealed record DocumentRejected
{
    public required string ClaimId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required string DocumentId { get; init; }
    /// <summary>Stable machine-readable reason ("corrupt-image", "too-large", "not-a-document" …).</summary>
    public required string ReasonCode { get; init; }
    /// <summary>Human-readable detail: what, which file, why. Never carries personal data unmasked.</summary>
    public required string Reason { get; init; }
}

/// <summary>Command: every document of the claim has an outcome; assess the claim.</summary>
public sealed record AssessClaim
{
    public required string ClaimId { get; init; }
    public required Guid CorrelationId { get; init; }
}

/// <summary>Event: the claim's recommendation is stored and waits for an adjuster.</summary>
public sealed record RecommendationReady
{
    public required string ClaimId { get; init; }
    public required Guid CorrelationId { get; init; }
    /// <summary>"Approve", "Partial", "Reject" or "Review".</summary>
    public required string Decision { get; init; }
    public decimal PayableAmount { get; init; }
    public required string Currency { get; init; }
    public double Confidence { get; init; }
}
