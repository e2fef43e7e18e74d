using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Pipeline.Storage;

namespace ClaimVision.Pipeline.Assessment;

/// <summary>
/// Turns a complete claim (every document analysed or rejected) into a recommendation. The policy engine
/// (ClaimAssessor) implements it; the pipeline only decides when it runs and stores what it returns.
/// </summary>
public interface IClaimAssessment
{
    /// <summary>Assesses the claim; <paramref name="documents"/> holds one entry per document, failed ones with their error.</summary>
    Task<Recommendation> AssessAsync(ClaimRecord claim, IReadOnlyList<AnalyzedDocument> documents, CancellationToken ct = default);
}
