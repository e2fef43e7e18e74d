using System.Diagnostics;
using System.Text.Json;
using ClaimVision.Contracts;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence;
using ClaimVision.Pipeline.Assessment;
using ClaimVision.Pipeline.Storage;
using ClaimVision.Pipeline.Telemetry;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace ClaimVision.Pipeline.Messaging;

/// <summary>
/// Assesses a claim once every document has an outcome. Requested once by the document whose outcome
/// completed the claim; a repeat (redelivery, re-trigger) finds the stored recommendation and stops, and
/// two racing attempts store one recommendation because the store keeps the first. Two different claims sharing an
/// invoice, image or yearly cap, assessed at once by two workers, are stored one after the other: the later one is
/// re-assessed against the earlier (<see cref="AssessmentRecorder"/>).
/// </summary>
public sealed partial class AssessClaimConsumer(
    IClaimStore store,
    IBlobStore blobs,
    IClaimAssessment assessment,
    ClaimVisionMetrics metrics,
    ILogger<AssessClaimConsumer> logger) : IConsumer<AssessClaim>
{
    public async Task Consume(ConsumeContext<AssessClaim> context)
    {
        var ct = context.CancellationToken;
        var claimId = context.Message.ClaimId;
        var claim = await store.GetClaimAsync(claimId, ct)
            ?? throw new MissingRecordException($"Claim {claimId} is not in the claim store.");
        if (claim.Recommendation is not null)
        {
            metrics.Redelivered(nameof(AssessClaim));
            return;
        }
        if (claim.Documents.Any(d => d.Status == DocumentStatus.Pending))
        {
            LogIncomplete(logger, claimId);
            return;
        }

        var watch = Stopwatch.StartNew();
        var documents = new List<AnalyzedDocument>(claim.Documents.Count);
        foreach (var document in claim.Documents)
            documents.Add(await LoadAsync(document, ct));
        var recorded = await AssessmentRecorder.AssessAndSaveAsync(assessment, store, claim, documents, ct);
        metrics.Stage("assess", watch.Elapsed.TotalMilliseconds);
        if (recorded.Outcome == SaveOutcome.AlreadyRecommended)
        {
            metrics.Redelivered(nameof(AssessClaim));
            return;
        }
        if (recorded.Attempts > 1) LogReassessed(logger, claimId, recorded.Attempts);
        var recommendation = recorded.Recommendation;
        var decision = recommendation.Decision.ToString();
        metrics.Recommended(decision);
        await context.Publish(new RecommendationReady
        {
            ClaimId = claimId,
            CorrelationId = context.Message.CorrelationId,
            Decision = decision,
            PayableAmount = recommendation.PayableAmount,
            Currency = recommendation.Currency,
            Confidence = recommendation.Confidence,
        }, ct);
        LogRecommended(logger, claimId, decision, recommendation.PayableAmount);
    }

    private async Task<AnalyzedDocument> LoadAsync(DocumentRecord document, CancellationToken ct)
    {
        var id = new DocumentId(document.DocumentId);
        if (document.Status == DocumentStatus.Analyzed && document.ReportKey is { } key)
        {
            var json = await blobs.GetAsync(key, ct)
                ?? throw new InvalidOperationException($"The report blob '{key}' of document {document.DocumentId} is missing.");
            var report = JsonSerializer.Deserialize<DocumentReport>(json, PipelineJson.Options)
                ?? throw new InvalidOperationException($"The report blob '{key}' of document {document.DocumentId} is empty.");
            return report.ToAnalyzedDocument(id);
        }
        return new AnalyzedDocument
        {
            DocumentId = id,
            FileName = document.FileName,
            Sha256 = document.Sha256,
            Error = new DocumentError(document.ErrorCode ?? "rejected", document.ErrorMessage ?? "The document was rejected."),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Claim {ClaimId} asked for assessment with documents still pending; ignored")]
    private static partial void LogIncomplete(ILogger logger, string claimId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Claim {ClaimId} was re-assessed: another claim sharing its history was stored meanwhile ({Attempts} assessments)")]
    private static partial void LogReassessed(ILogger logger, string claimId, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Claim {ClaimId} recommended: {Decision}, payable {Amount}")]
    private static partial void LogRecommended(ILogger logger, string claimId, string decision, decimal amount);
}
