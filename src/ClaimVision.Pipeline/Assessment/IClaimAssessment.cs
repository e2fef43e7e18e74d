using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Pipeline.Storage;

namespace ClaimVision.Pipeline.Assessment;

/// <summary>A recommendation and the history of earlier claims it rested on (null when it read none).</summary>
public sealed record AssessedClaim(Recommendation Recommendation, HistoryCheck? History);

/// <summary>
/// Turns a complete claim (every document analysed or rejected) into a recommendation. The policy engine
/// (ClaimAssessor) implements it; the pipeline only decides when it runs and stores what it returns.
/// </summary>
public interface IClaimAssessment
{
    /// <summary>Assesses the claim; <paramref name="documents"/> holds one entry per document, failed ones with their error.</summary>
    Task<Recommendation> AssessAsync(ClaimRecord claim, IReadOnlyList<AnalyzedDocument> documents, CancellationToken ct = default);

    /// <summary>
    /// As <see cref="AssessAsync"/>, also saying which earlier claims the recommendation rests on, so the store can refuse
    /// it when they changed before it was saved (<see cref="IClaimStore.SaveRecommendationIfCurrentAsync"/>).
    /// An assessment that reads no history need not implement it.
    /// </summary>
    async Task<AssessedClaim> AssessWithHistoryAsync(ClaimRecord claim, IReadOnlyList<AnalyzedDocument> documents, CancellationToken ct = default) =>
        new(await AssessAsync(claim, documents, ct).ConfigureAwait(false), null);
}
