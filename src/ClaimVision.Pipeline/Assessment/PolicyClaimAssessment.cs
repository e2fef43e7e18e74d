using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Policies;
using ClaimVision.Pipeline.Storage;

namespace ClaimVision.Pipeline.Assessment;

/// <summary>
/// The production <see cref="IClaimAssessment"/>: <see cref="ClaimAssessor"/> over the claim's policy from the catalogue and
/// the insured registry, with the earlier claims the claim store recorded (<see cref="IClaimStore.FindHistoryAsync"/>):
/// an invoice number or image already claimed is a duplicate, and per-year caps and deductibles count what the same
/// person was paid earlier in the year. The caller records this claim's history with its recommendation, checked against
/// the history returned here (<see cref="AssessmentRecorder"/>).
/// </summary>
public sealed class PolicyClaimAssessment(PolicyCatalog policies, InsuredRegistry registry, IClaimStore store, IReadOnlyDictionary<string, string> modelVersions, TimeProvider time) : IClaimAssessment
{
    public async Task<Recommendation> AssessAsync(ClaimRecord claim, IReadOnlyList<AnalyzedDocument> documents, CancellationToken ct = default) =>
        (await AssessWithHistoryAsync(claim, documents, ct).ConfigureAwait(false)).Recommendation;

    public async Task<AssessedClaim> AssessWithHistoryAsync(ClaimRecord claim, IReadOnlyList<AnalyzedDocument> documents, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var policy = policies.Get(claim.Request.PolicyId);
        var now = time.GetUtcNow();
        var lookup = ClaimAssessor.Lookup(claim.Request, documents, policy, registry, now);
        var history = await store.FindHistoryAsync(lookup, ct).ConfigureAwait(false);
        return new AssessedClaim(ClaimAssessor.Assess(claim.Request, documents, policy, registry, history, now, modelVersions), new HistoryCheck(lookup, history));
    }
}
