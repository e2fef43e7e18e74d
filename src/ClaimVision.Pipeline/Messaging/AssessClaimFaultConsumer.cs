using ClaimVision.Contracts;
using ClaimVision.Domain.Claims;
using ClaimVision.Pipeline.Storage;
using ClaimVision.Pipeline.Telemetry;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace ClaimVision.Pipeline.Messaging;

/// <summary>
/// A poison <see cref="AssessClaim"/> (an assessment that threw on every retry: a report blob gone, a policy the
/// catalogue cannot apply, a bug) would leave its claim with every document read and no recommendation, invisible to
/// the adjusters' queue. This consumer stores a <see cref="Decision.Review"/> recommendation that pays nothing
/// automatically and names the failure, so the claim reaches a person and the failure stays on record.
/// </summary>
/// <remarks>
/// The claim's history (invoice numbers, images, amount paid) is not recorded with it, because no assessment produced
/// one; the adjuster's decision is what counts. A claim that meanwhile got a recommendation is left alone. The currency
/// is the product's default (CNY): the policy that would name another may be what failed, and the amount is zero.
/// </remarks>
public sealed partial class AssessClaimFaultConsumer(
    IClaimStore store,
    ClaimVisionMetrics metrics,
    ILogger<AssessClaimFaultConsumer> logger) : IConsumer<Fault<AssessClaim>>
{
    public const string FactorName = "assessment-failed";

    public async Task Consume(ConsumeContext<Fault<AssessClaim>> context)
    {
        var ct = context.CancellationToken;
        var failed = context.Message.Message;
        var exception = context.Message.Exceptions.FirstOrDefault();
        var cause = exception is null ? "the assessment failed after every retry" : $"{exception.ExceptionType}: {exception.Message}";
        var claim = await store.GetClaimAsync(failed.ClaimId, ct);
        if (claim is null)
        {
            LogUnknown(logger, failed.ClaimId, cause);
            return;
        }
        if (claim.Recommendation is not null) return;

        var recommendation = ForFailure(claim, cause, DateTimeOffset.UtcNow);
        if (!await store.SaveRecommendationAsync(claim.ClaimId, recommendation, ct)) return;
        metrics.Recommended(recommendation.Decision.ToString());
        await context.Publish(new RecommendationReady
        {
            ClaimId = claim.ClaimId,
            CorrelationId = failed.CorrelationId,
            Decision = recommendation.Decision.ToString(),
            PayableAmount = 0m,
            Currency = recommendation.Currency,
            Confidence = 0,
        }, ct);
        LogFailed(logger, claim.ClaimId, cause);
    }

    /// <summary>The recommendation stored for a claim whose assessment failed: review, nothing payable, confidence 0, the cause as its one factor.</summary>
    public static Recommendation ForFailure(ClaimRecord claim, string cause, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var reason = $"The claim could not be assessed automatically ({cause}). Assess it by hand; nothing is payable until then.";
        return new Recommendation
        {
            ClaimId = claim.ClaimId,
            Decision = Decision.Review,
            PayableAmount = 0m,
            Currency = "CNY",
            Confidence = 0,
            PolicyVersion = claim.Request.PolicyId,
            Factors =
            [
                new Factor
                {
                    Name = FactorName,
                    Status = FactorStatus.Fail,
                    Effect = "review",
                    Reason = reason,
                    Evidence = [new Evidence { Source = "assessment" }],
                },
            ],
            Reasons = [reason],
            ReviewItems = [new ReviewItem { Factor = FactorName, Reason = reason }],
            CreatedAt = at,
        };
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Claim {ClaimId} failed assessment on every retry and goes to review with nothing payable: {Cause}")]
    private static partial void LogFailed(ILogger logger, string claimId, string cause);

    [LoggerMessage(Level = LogLevel.Error, Message = "Assessment fault for unknown claim {ClaimId}: {Cause}")]
    private static partial void LogUnknown(ILogger logger, string claimId, string cause);
}
