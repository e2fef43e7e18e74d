using System.Diagnostics;
using System.Text.Json;
using ClaimVision.Contracts;
using ClaimVision.Domain.Privacy;
using ClaimVision.Intelligence;
using ClaimVision.Pipeline.Storage;
using ClaimVision.Pipeline.Telemetry;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace ClaimVision.Pipeline.Messaging;

/// <summary>
/// Analyses one document: blob → <see cref="IDocumentAnalyzer"/> → report blob → outcome in the claim store.
/// Idempotent: the store records only a document's first outcome, and a redelivered message for a document
/// that already has one only makes sure the claim's assessment was triggered.
/// </summary>
public sealed partial class AnalyzeDocumentConsumer(
    IClaimStore store,
    IBlobStore blobs,
    IDocumentAnalyzer analyzer,
    ClaimVisionMetrics metrics,
    ILogger<AnalyzeDocumentConsumer> logger) : IConsumer<AnalyzeDocument>
{
    public async Task Consume(ConsumeContext<AnalyzeDocument> context)
    {
        var message = context.Message;
        var doc = message.Document;
        var ct = context.CancellationToken;
        var document = await store.GetDocumentAsync(doc.DocumentId, ct)
            ?? throw new MissingRecordException($"Document {doc.DocumentId} of claim {message.ClaimId} is not in the claim store.");
        if (document.Status != DocumentStatus.Pending)
        {
            metrics.Redelivered(nameof(AnalyzeDocument));
            await AssessmentTrigger.EnsureTriggeredAsync(context, store, message.ClaimId, message.CorrelationId, ct);
            return;
        }

        using var inFlight = metrics.BeginAnalysis();
        var fetch = Stopwatch.StartNew();
        var bytes = await blobs.GetAsync(doc.BlobKey, ct);
        metrics.Stage("fetch", fetch.Elapsed.TotalMilliseconds);
        if (bytes is null)
        {
            await RejectAsync(context, "blob-missing", $"The image blob '{doc.BlobKey}' of {doc.FileName} does not exist.");
            return;
        }

        var analysis = Stopwatch.StartNew();
        // Seconds of CPU-bound native work: on a thread of its own, not a thread-pool thread. With one engine per core,
        // analyses held every pool thread, and the I/O continuations of everything else (store, blobs, broker, the
        // API's requests and health checks) waited until the pool injected more threads.
        var report = await Task.Factory.StartNew(() => analyzer.Analyze(doc.FileName, bytes, ct), ct,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
        metrics.Stage("analyze", analysis.Elapsed.TotalMilliseconds);
        RecordStageTimings(report.TimingsMs);
        if (report.Error is { } error)
        {
            await RejectAsync(context, error.Code, error.Message);
            return;
        }

        var reportKey = PipelineJson.ReportKey(doc.DocumentId);
        var store1 = Stopwatch.StartNew();
        await blobs.PutAsync(reportKey, JsonSerializer.SerializeToUtf8Bytes(report, PipelineJson.Options), "application/json", ct);
        var outcome = await store.RecordOutcomeAsync(doc.DocumentId, DocumentStatus.Analyzed, reportKey, null, null, ct);
        metrics.Stage("store", store1.Elapsed.TotalMilliseconds);
        if (outcome.FirstOutcome)
        {
            var type = report.DocumentType?.Label.Label ?? "unknown";
            metrics.DocumentAnalyzed(type);
            await context.Publish(new DocumentAnalyzed
            {
                ClaimId = message.ClaimId,
                CorrelationId = message.CorrelationId,
                DocumentId = doc.DocumentId,
                ReportKey = reportKey,
                DocumentType = type,
                Confidence = report.DocumentType?.Confidence ?? 0,
                TimingsMs = Timings(report.TimingsMs),
            }, ct);
            LogAnalyzed(logger, doc.DocumentId, message.ClaimId, type, report.TimingsMs.Total);
        }
        await AssessmentTrigger.AfterOutcomeAsync(context, store, message.ClaimId, message.CorrelationId, outcome, ct);
    }

    private async Task RejectAsync(ConsumeContext<AnalyzeDocument> context, string code, string reason)
    {
        var message = context.Message;
        var documentId = message.Document.DocumentId;
        var outcome = await store.RecordOutcomeAsync(documentId, DocumentStatus.Rejected, null, code, reason, context.CancellationToken);
        if (outcome.FirstOutcome)
        {
            metrics.DocumentRejected(code);
            await context.Publish(new DocumentRejected
            {
                ClaimId = message.ClaimId,
                CorrelationId = message.CorrelationId,
                DocumentId = documentId,
                ReasonCode = code,
                Reason = reason,
            }, context.CancellationToken);
            // The reason names the uploaded file for the uploader (the stored reason, the event); the log names the document
            // by its id, and people name photos after whom they show.
            LogRejected(logger, documentId, message.ClaimId, code, Mask.FileNameIn(reason, message.Document.FileName));
        }
        await AssessmentTrigger.AfterOutcomeAsync(context, store, message.ClaimId, message.CorrelationId, outcome, context.CancellationToken);
    }

    private static Dictionary<string, double> Timings(StageTimings t) => new()
    {
        ["decode"] = t.Decode,
        ["preprocess"] = t.Preprocess,
        ["classify"] = t.Classify,
        ["ocr"] = t.Ocr,
        ["extract"] = t.Extract,
        ["total"] = t.Total,
    };

    private void RecordStageTimings(StageTimings t)
    {
        if (t.Total <= 0) return;
        foreach (var (stage, ms) in Timings(t))
            if (stage != "total") metrics.Stage(stage, ms);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} of claim {ClaimId} analysed as {Type} in {Milliseconds:F0} ms")]
    private static partial void LogAnalyzed(ILogger logger, string documentId, string claimId, string type, double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Document {DocumentId} of claim {ClaimId} rejected: {Code}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string documentId, string claimId, string code, string reason);
}

/// <summary>A message names a claim or document the store does not know: permanent, so it is not retried.</summary>
public sealed class MissingRecordException(string message) : Exception(message);
