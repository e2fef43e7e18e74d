using System.Text.Json;
using ClaimVision.Contracts;
using ClaimVision.Domain.Claims;
using ClaimVision.Integration.Tests.Runtime;
using ClaimVision.Pipeline.Messaging;
using ClaimVision.Pipeline.Storage;
using ClaimVision.TestWorker;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimVision.Integration.Tests;

/// <summary>A worker that recorded a document's outcome and died before requesting assessment: the redelivery finishes the job.</summary>
public sealed class RedeliveryTests
{
    [Fact]
    public async Task A_redelivered_analysis_of_a_completed_claim_triggers_the_missing_assessment_once()
    {
        using var data = new TempFolder();
        await using var api = await ApiHost.StartEmbeddedAsync(data.Path);
        var store = api.Services.GetRequiredService<IClaimStore>();
        var blobs = api.Services.GetRequiredService<IBlobStore>();

        var image = await blobs.PutAsync(ScriptedAnalyzer.Document(70, "redelivery"), "image/png");
        var document = new DocumentRecord { DocumentId = "redelivered-doc", ClaimId = "redelivered", FileName = "a.png", BlobKey = image.Key, Sha256 = image.Sha256 };
        await store.CreateClaimAsync(new ClaimRecord
        {
            ClaimId = "redelivered",
            Request = new ClaimRequest { ClaimId = "redelivered", PolicyId = "p", Insured = new InsuredPerson { Name = "王五" } },
            SubmittedAt = DateTimeOffset.UtcNow,
            Documents = [document],
        });
        // The first delivery got this far: report stored, outcome recorded (completing the claim) — then the process died.
        var report = new ScriptedAnalyzer(0).Analyze("a.png", ScriptedAnalyzer.Document(70, "redelivery"));
        var reportKey = PipelineJson.ReportKey(document.DocumentId);
        await blobs.PutAsync(reportKey, JsonSerializer.SerializeToUtf8Bytes(report, PipelineJson.Options), "application/json");
        Assert.True((await store.RecordOutcomeAsync(document.DocumentId, DocumentStatus.Analyzed, reportKey, null, null)).ClaimComplete);

        var message = new AnalyzeDocument
        {
            ClaimId = "redelivered",
            CorrelationId = NewId.NextGuid(),
            Document = new DocumentRef { DocumentId = document.DocumentId, FileName = "a.png", BlobKey = image.Key, Sha256 = image.Sha256 },
        };
        var bus = api.Services.GetRequiredService<IBus>();
        await bus.Publish(message);
        await bus.Publish(message);

        var claim = (await api.Client.WaitForRecommendationsAsync(["redelivered"], TimeSpan.FromSeconds(20)))["redelivered"];
        Assert.Equal(70m, (decimal)claim["recommendation"]!["payableAmount"]!);
        var stored = await store.GetClaimAsync("redelivered");
        Assert.Equal(DocumentStatus.Analyzed, stored!.Documents.Single().Status);
        Assert.Equal(reportKey, stored.Documents.Single().ReportKey);
    }
}
