using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Pipeline.Storage;

namespace ClaimVision.Pipeline.Assessment;

/// <summary>What <see cref="AssessmentRecorder.AssessAndSaveAsync"/> stored: <see cref="SaveOutcome.Saved"/> or, for a redelivery, <see cref="SaveOutcome.AlreadyRecommended"/>.</summary>
/// <param name="Attempts">1, or more when another claim sharing a key was stored while this one was assessed.</param>
public sealed record RecordedAssessment(Recommendation Recommendation, SaveOutcome Outcome, int Attempts);

/// <summary>Every attempt to store a claim's recommendation found that the earlier claims it rested on had changed.</summary>
public sealed class StaleHistoryException(string message) : Exception(message);

/// <summary>
/// Assesses a complete claim and stores the recommendation with the claim's history, atomically with a re-check of the
/// earlier claims the assessment saw. When another claim sharing an invoice number, image or yearly cap was stored in
/// between (two workers assessing at the same moment), the claim is assessed again with the fresh history, so it is
/// rejected as that claim's duplicate or capped by what it was paid, never paid twice.
/// </summary>
public static class AssessmentRecorder
{
    /// <summary>Assessments per call; each retry means another claim with a shared key was stored meanwhile, so three in a row is no longer bad luck.</summary>
    public const int MaxAttempts = 3;

    /// <exception cref="StaleHistoryException">The history changed during each of <see cref="MaxAttempts"/> assessments; nothing was stored.</exception>
    public static async Task<RecordedAssessment> AssessAndSaveAsync(IClaimAssessment assessment, IClaimStore store, ClaimRecord claim, IReadOnlyList<AnalyzedDocument> documents, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(claim);
        for (var attempt = 1; ; attempt++)
        {
            var assessed = await assessment.AssessWithHistoryAsync(claim, documents, ct).ConfigureAwait(false);
            // The claim's history (invoice numbers, images, amount paid) is stored with the recommendation, for later claims.
            var history = ClaimAssessor.ToPriorClaim(claim.Request, documents, assessed.Recommendation);
            var outcome = await store.SaveRecommendationIfCurrentAsync(claim.ClaimId, assessed.Recommendation, history, assessed.History, ct).ConfigureAwait(false);
            if (outcome != SaveOutcome.Stale) return new RecordedAssessment(assessed.Recommendation, outcome, attempt);
            if (attempt == MaxAttempts)
                throw new StaleHistoryException(
                    $"Claim {claim.ClaimId} was assessed {MaxAttempts} times and each time another claim sharing its invoice numbers, images or " +
                    "yearly cap was stored before it; nothing was stored for it.");
        }
    }
}
