using ClaimVision.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace ClaimVision.Pipeline.Messaging;

/// <summary>Fans a submitted claim out into one <see cref="AnalyzeDocument"/> per document (competing consumers share them).</summary>
public sealed partial class ClaimSubmittedConsumer(ILogger<ClaimSubmittedConsumer> logger) : IConsumer<ClaimSubmitted>
{
    public async Task Consume(ConsumeContext<ClaimSubmitted> context)
    {
        var claim = context.Message;
        var commands = claim.Documents
            .Select(d => new AnalyzeDocument { ClaimId = claim.ClaimId, CorrelationId = claim.CorrelationId, Document = d })
            .ToList();
        await context.PublishBatch(commands, context.CancellationToken);
        LogFannedOut(logger, claim.ClaimId, commands.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Claim {ClaimId}: {Count} document(s) queued for analysis")]
    private static partial void LogFannedOut(ILogger logger, string claimId, int count);
}
