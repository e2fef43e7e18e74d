using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Policies;
using ClaimVision.Pipeline.Storage;

namespace ClaimVision.Pipeline.Assessment;

/// <summary>
/// The production <see cref="IClaimAssessment"/>: <see cref="ClaimAssessor"/> over the claim's policy from the catalogue and
/// the insured registry. Earlier claims are not consulted here (the claim store has no history query yet), so duplicates
/// and per-year limits are checked within the claim only.
/// </summary>
public sealed class PolicyClaimAssessment(PolicyCatalog policies, InsuredRegistry registry, IReadOnlyDictionary<string, string> modelVersions, TimeProvider time) : IClaimAssessment
{
    public Task<Recommendation> AssessAsync(ClaimRecord claim, IReadOnlyList<AnalyzedDocument> documents, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var policy = policies.Get(claim.Request.PolicyId);
        return Task.FromResult(ClaimAssessor.Assess(claim.Request, documents, policy, registry, ClaimHistory.Empty, time.GetUtcNow(), modelVersions));
    }
}
