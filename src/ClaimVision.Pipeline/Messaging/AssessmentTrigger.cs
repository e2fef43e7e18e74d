using ClaimVision.Contracts;
using ClaimVision.Pipeline.Storage;
using MassTransit;

namespace ClaimVision.Pipeline.Messaging;

/// <summary>Decides when a claim's assessment is requested.</summary>
internal static class AssessmentTrigger
{
    /// <summary>The store says exactly one outcome completed the claim; that one requests the assessment.
    /// A repeated outcome (redelivery) re-checks, in case the first attempt died before publishing.</summary>
    public static Task AfterOutcomeAsync(ConsumeContext context, IClaimStore store, string claimId, Guid correlationId, OutcomeRecorded outcome, CancellationToken ct)
    {
        if (outcome.ClaimComplete)
            return context.Publish(new AssessClaim { ClaimId = claimId, CorrelationId = correlationId }, ct);
        return outcome.FirstOutcome ? Task.CompletedTask : EnsureTriggeredAsync(context, store, claimId, correlationId, ct);
    }

    /// <summary>Requests assessment again when the claim is complete but has no recommendation; the assessment consumer is idempotent.</summary>
    public static async Task EnsureTriggeredAsync(ConsumeContext context, IClaimStore store, string claimId, Guid correlationId, CancellationToken ct)
    {
        var claim = await store.GetClaimAsync(claimId, ct);
        if (claim is { Recommendation: null } && claim.Documents.All(d => d.Status != DocumentStatus.Pending))
            await context.Publish(new AssessClaim { ClaimId = claimId, CorrelationId = correlationId }, ct);
    }
}
