using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;

namespace ClaimVision.Pipeline.Storage;

/// <summary>Where a stored blob lives. Keys are content-addressed ("sha256/ab/cd/abcd…") so a re-upload is a no-op.</summary>
public sealed record BlobRef(string Key, string Sha256, long Length, string ContentType);

/// <summary>Image and result storage: the filesystem (embedded) or Azure Blob Storage (scaled out).</summary>
public interface IBlobStore
{
    /// <summary>Stores the bytes under their SHA-256; idempotent.</summary>
    Task<BlobRef> PutAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken ct = default);
    /// <summary>Stores under an explicit key (results, reports); overwrites.</summary>
    Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct = default);
    /// <summary>The bytes, or null when the key does not exist.</summary>
    Task<byte[]?> GetAsync(string key, CancellationToken ct = default);
    Task<bool> DeleteAsync(string key, CancellationToken ct = default);
    IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken ct = default);
    /// <summary>For readiness checks: can the store be reached right now?</summary>
    Task<bool> PingAsync(CancellationToken ct = default);
    /// <summary>Creates what the store needs before first use (a container); idempotent. Most stores need nothing.</summary>
    Task InitializeAsync(CancellationToken ct = default) => Task.CompletedTask;
}

public enum DocumentStatus { Pending, Analyzed, Rejected }

public enum ClaimStatus { Processing, Recommended, Decided }

public sealed record DocumentRecord
{
    public required string DocumentId { get; init; }
    public required string ClaimId { get; init; }
    public required string FileName { get; init; }
    public required string BlobKey { get; init; }
    public required string Sha256 { get; init; }
    public DocumentStatus Status { get; init; }
    /// <summary>Blob key of the analysis report JSON once analysed.</summary>
    public string? ReportKey { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
}

public sealed record ClaimRecord
{
    public required string ClaimId { get; init; }
    public required ClaimRequest Request { get; init; }
    public ClaimStatus Status { get; init; }
    public DateTimeOffset SubmittedAt { get; init; }
    public IReadOnlyList<DocumentRecord> Documents { get; init; } = [];
    public Recommendation? Recommendation { get; init; }
    public AdjusterDecision? Decision { get; init; }
}

/// <summary>What an adjuster did with a recommendation.</summary>
public sealed record AdjusterDecision
{
    public required string Adjuster { get; init; }
    /// <summary>"accept" or "override".</summary>
    public required string Action { get; init; }
    public Decision? Decision { get; init; }
    public decimal? PayableAmount { get; init; }
    public required string Reason { get; init; }
    public DateTimeOffset DecidedAt { get; init; }
}

/// <summary>The outcome of recording one document's result.</summary>
/// <param name="FirstOutcome">False when this document already had an outcome (a redelivery): nothing changed.</param>
/// <param name="ClaimComplete">True for exactly one caller: the one whose outcome completed the claim.</param>
public sealed record OutcomeRecorded(bool FirstOutcome, bool ClaimComplete);

/// <summary>
/// What an assessment rested on: the history lookup it ran and the earlier claims the store answered. Saving with it
/// lets the store refuse a recommendation whose history changed before it could be stored.
/// </summary>
public sealed record HistoryCheck(HistoryLookup Lookup, ClaimHistory Seen);

/// <summary>What <see cref="IClaimStore.SaveRecommendationIfCurrentAsync"/> did.</summary>
public enum SaveOutcome
{
    /// <summary>The recommendation and its history were stored.</summary>
    Saved,
    /// <summary>The claim already had a recommendation (a redelivery): nothing changed.</summary>
    AlreadyRecommended,
    /// <summary>
    /// The earlier claims differ from those the assessment saw (another claim with the same invoice, image or yearly cap
    /// was stored, or a decision changed what was paid): nothing was stored; assess again with the fresh history.
    /// </summary>
    Stale,
}

/// <summary>Claims, documents, recommendations and decisions: SQLite (embedded) or PostgreSQL (scaled out).</summary>
public interface IClaimStore
{
    Task InitializeAsync(CancellationToken ct = default);
    /// <summary>Creates the claim with its pending documents; idempotent for the same claim id.</summary>
    Task CreateClaimAsync(ClaimRecord claim, CancellationToken ct = default);
    Task<ClaimRecord?> GetClaimAsync(string claimId, CancellationToken ct = default);
    Task<DocumentRecord?> GetDocumentAsync(string documentId, CancellationToken ct = default);
    /// <summary>Atomically records a document's first outcome; correct under concurrent completions and redelivery.</summary>
    Task<OutcomeRecorded> RecordOutcomeAsync(string documentId, DocumentStatus status, string? reportKey, string? errorCode, string? errorMessage, CancellationToken ct = default);
    /// <summary>Stores the recommendation once; returns false when one already existed (idempotent).</summary>
    Task<bool> SaveRecommendationAsync(string claimId, Recommendation recommendation, CancellationToken ct = default);
    /// <summary>
    /// Stores the recommendation once and, in the same transaction, what later claims are checked against
    /// (<paramref name="history"/>: invoice numbers, image hashes, insured person, year, amount paid). The insured
    /// person's ID number is kept only as a salted hash. Returns false, recording nothing, when a recommendation already
    /// existed, so a redelivered assessment never counts the claim twice.
    /// </summary>
    Task<bool> SaveRecommendationAsync(string claimId, Recommendation recommendation, PriorClaim history, CancellationToken ct = default);
    /// <summary>
    /// As <see cref="SaveRecommendationAsync(string, Recommendation, PriorClaim, CancellationToken)"/>, but atomic with a
    /// re-check of the history the assessment rested on: under a lock on the claim's keys (insured person, policy and
    /// year; each invoice number; each image) the store re-runs <paramref name="check"/>'s lookup and, when it now finds
    /// other claims or other amounts than <see cref="HistoryCheck.Seen"/>, stores nothing and returns
    /// <see cref="SaveOutcome.Stale"/>. Two claims sharing an invoice or a yearly cap, assessed at the same moment, so
    /// never both pay. A null <paramref name="check"/> (an assessment that read no history) stores without re-checking.
    /// </summary>
    Task<SaveOutcome> SaveRecommendationIfCurrentAsync(string claimId, Recommendation recommendation, PriorClaim history, HistoryCheck? check, CancellationToken ct = default);
    /// <summary>
    /// The recorded earlier claims a claim must be checked against, never the claim itself: every claim that carried one
    /// of <paramref name="lookup"/>'s invoice numbers or images (whatever its decision), and every approved or partly paid
    /// claim of the same insured person under the same policy in the same year. A returned claim's
    /// <see cref="PriorClaim.InsuredIdNumber"/> is the lookup's when the person is the same, else empty: the store holds no plain ID.
    /// </summary>
    Task<ClaimHistory> FindHistoryAsync(HistoryLookup lookup, CancellationToken ct = default);
    /// <summary>
    /// The adjusters' queue: claims with a recommendation, filtered by status ("pending" = not yet decided, "decided",
    /// "all"), newest recommendation first; <paramref name="page"/> starts at 1, <paramref name="pageSize"/> is 1–500.
    /// </summary>
    Task<IReadOnlyList<ClaimRecord>> ListRecommendationsAsync(string status, int page, int pageSize, CancellationToken ct = default);
    /// <summary>Records or replaces the adjuster's decision; its decision and amount also replace what the claim's history counts as paid.</summary>
    Task SaveDecisionAsync(string claimId, AdjusterDecision decision, CancellationToken ct = default);
    Task<bool> PingAsync(CancellationToken ct = default);
}
