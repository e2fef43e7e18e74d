using ClaimVision.Contracts;
using ClaimVision.Domain.Privacy;
using ClaimVision.Pipeline.Storage;
using ClaimVision.Pipeline.Telemetry;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace ClaimVision.Pipeline.Messaging;

/// <summary>
/// A poison <see cref="AnalyzeDocument"/> (one that failed every retry) sits in the analyze-document_error
/// queue with its exception; this consumer gives its document the outcome "rejected" with that reason, so the
/// claim still completes and an adjuster sees why.
/// </summary>
public sealed partial class AnalyzeDocumentFaultConsumer(
    IClaimStore store,
    ClaimVisionMetrics metrics,
    ILogger<AnalyzeDocumentFaultConsumer> logger) : IConsumer<Fault<AnalyzeDocument>>
{
    public const string Code = "analysis-failed";

    public async Task Consume(ConsumeContext<Fault<AnalyzeDocument>> context)
    {
        var failed = context.Message.Message;
        var exception = context.Message.Exceptions.FirstOrDefault();
        var reason = exception is null ? "Analysis failed after every retry." : $"{exception.ExceptionType}: {exception.Message}";
        if (await store.GetDocumentAsync(failed.Document.DocumentId, context.CancellationToken) is null)
        {
            LogUnknown(logger, failed.Document.DocumentId, Mask.FileNameIn(reason, failed.Document.FileName));
            return;
        }
        var outcome = await store.RecordOutcomeAsync(failed.Document.DocumentId, DocumentStatus.Rejected, null, Code, reason, context.CancellationToken);
        if (outcome.FirstOutcome)
        {
            metrics.DocumentRejected(Code);
            await context.Publish(new DocumentRejected { ClaimId = failed.ClaimId, CorrelationId = failed.CorrelationId, DocumentId = failed.Document.DocumentId, ReasonCode = Code, Reason = reason }, context.CancellationToken);
            LogPoison(logger, failed.Document.DocumentId, failed.ClaimId, Mask.FileNameIn(reason, failed.Document.FileName));
        }
        await AssessmentTrigger.AfterOutcomeAsync(context, store, failed.ClaimId, failed.CorrelationId, outcome, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Document {DocumentId} of claim {ClaimId} failed every retry and is rejected: {Reason}")]
    private static partial void LogPoison(ILogger logger, string documentId, string claimId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Poison message for unknown document {DocumentId}: {Reason}")]
    private static partial void LogUnknown(ILogger logger, string documentId, string reason);
}
