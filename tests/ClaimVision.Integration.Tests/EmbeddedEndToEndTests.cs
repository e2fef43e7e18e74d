using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClaimVision.Intelligence;
using ClaimVision.Integration.Tests.Runtime;
using ClaimVision.TestWorker;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimVision.Integration.Tests;

/// <summary>`claimvision serve`'s shape: API + consumers in one process, in-memory bus, filesystem blobs, SQLite — over real HTTP.</summary>
public sealed class EmbeddedEndToEndTests
{
    [Fact]
    public async Task Every_submitted_claim_gets_one_recommendation_with_rejected_documents_explained()
    {
        using var data = new TempFolder();
        await using var api = await ApiHost.StartEmbeddedAsync(data.Path);
        var run = Guid.NewGuid().ToString("n")[..8];
        var expected = new Dictionary<string, decimal>();
        for (var i = 0; i < 5; i++)
        {
            var id = $"emb-{run}-{i}";
            using var response = await api.Client.SubmitAsync(id,
                ("invoice.png", ScriptedAnalyzer.Document(100 + i, id)), ("list.png", ScriptedAnalyzer.Document(10 * i, id)));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal($"/claims/{id}", response.Headers.Location?.OriginalString);
            expected[id] = 100 + i + 10 * i;
        }
        var corrupt = $"emb-{run}-corrupt";
        (await api.Client.SubmitAsync(corrupt, ("a.png", ScriptedAnalyzer.Document(7, corrupt)), ("b.png", "not an image"u8.ToArray()))).Dispose();
        var poison = $"emb-{run}-poison";
        (await api.Client.SubmitAsync(poison, ("a.png", ScriptedAnalyzer.Document(9, poison)), ("crash.png", ScriptedAnalyzer.Poison(poison)))).Dispose();

        var unassessable = $"emb-{run}-unassessable";
        (await api.Client.SubmitAsync(unassessable, ("a.png", ScriptedAnalyzer.Document(SumAssessment.CrashingTotal, unassessable)))).Dispose();

        var all = expected.Keys.Append(corrupt).Append(poison).Append(unassessable).ToList();
        var claims = await api.Client.WaitForRecommendationsAsync(all, TimeSpan.FromSeconds(60));

        foreach (var (id, amount) in expected)
        {
            var claim = claims[id];
            Assert.Equal("recommended", (string?)claim["status"]);
            Assert.Equal("approve", (string?)claim["recommendation"]!["decision"]);
            Assert.Equal(amount, (decimal)claim["recommendation"]!["payableAmount"]!);
            Assert.All(claim["documents"]!.AsArray(), d => Assert.Equal("analyzed", (string?)d!["status"]));
        }
        var rejected = claims[corrupt]["documents"]!.AsArray().Single(d => (string?)d!["status"] == "rejected")!;
        Assert.Equal("corrupt-image", (string?)rejected["errorCode"]);
        Assert.Contains("b.png", (string?)rejected["errorMessage"]);
        Assert.Equal("review", (string?)claims[corrupt]["recommendation"]!["decision"]);
        var crashed = claims[poison]["documents"]!.AsArray().Single(d => (string?)d!["status"] == "rejected")!;
        Assert.Equal("analysis-failed", (string?)crashed["errorCode"]);
        Assert.Contains("crashed on this document", (string?)crashed["errorMessage"]);
        Assert.Equal(7m, (decimal)claims[corrupt]["recommendation"]!["payableAmount"]!);

        // An assessment that throws on every retry still ends in a recommendation: review, nothing payable, the cause named.
        var failed = claims[unassessable]["recommendation"]!;
        Assert.Equal("review", (string?)failed["decision"]);
        Assert.Equal(0m, (decimal)failed["payableAmount"]!);
        Assert.Equal(0d, (double)failed["confidence"]!);
        var factor = failed["factors"]!.AsArray().Single()!;
        Assert.Equal("assessment-failed", (string?)factor["name"]);
        Assert.Contains("the assessment crashed on claim", (string?)factor["reason"]);
        Assert.Equal("assessment-failed", (string?)failed["reviewItems"]!.AsArray().Single()!["factor"]);
        Assert.All(claims[unassessable]["documents"]!.AsArray(), d => Assert.Equal("analyzed", (string?)d!["status"]));
        var queue = await api.Client.Http.GetFromJsonAsync<JsonObject>("/recommendations?status=pending&pageSize=50");
        Assert.Contains(queue!["items"]!.AsArray(), i => (string?)i!["claimId"] == unassessable);

        // Analyses hold their thread for seconds of CPU: never a thread-pool thread, which the store, blob and HTTP
        // continuations need.
        var analyzer = (ScriptedAnalyzer)api.Services.GetRequiredService<IDocumentAnalyzer>();
        Assert.True(analyzer.Calls >= all.Count, $"{analyzer.Calls} analyses");
        Assert.Equal(0, analyzer.CallsOnPoolThreads);
    }

    [Fact]
    public async Task Adjuster_queue_lists_pending_recommendations_and_a_decision_moves_the_claim_out()
    {
        using var data = new TempFolder();
        await using var api = await ApiHost.StartEmbeddedAsync(data.Path);
        var ids = Enumerable.Range(0, 3).Select(i => $"queue-{i}").ToList();
        foreach (var id in ids)
            (await api.Client.SubmitAsync(id, ("x.png", ScriptedAnalyzer.Document(50, id)))).Dispose();
        await api.Client.WaitForRecommendationsAsync(ids, TimeSpan.FromSeconds(30));

        var page1 = await api.Client.Http.GetFromJsonAsync<JsonObject>("/recommendations?status=pending&page=1&pageSize=2");
        var page2 = await api.Client.Http.GetFromJsonAsync<JsonObject>("/recommendations?status=pending&page=2&pageSize=2");
        var listed = page1!["items"]!.AsArray().Concat(page2!["items"]!.AsArray()).Select(i => (string)i!["claimId"]!).ToList();
        Assert.Equal(2, page1["items"]!.AsArray().Count);
        Assert.Equal(ids.Order(), listed.Order());

        using var missingReason = await api.Client.Http.PostAsJsonAsync("/claims/queue-0/decision", new { adjuster = "李四", action = "override", decision = "Reject" });
        Assert.Equal(HttpStatusCode.BadRequest, missingReason.StatusCode);
        Assert.Contains("reason", await missingReason.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        using var overridden = await api.Client.Http.PostAsJsonAsync("/claims/queue-0/decision",
            new { adjuster = "李四", action = "override", decision = "Partial", payableAmount = 20m, reason = "receipt is a copy" });
        Assert.Equal(HttpStatusCode.OK, overridden.StatusCode);
        var claim = await api.Client.GetClaimAsync("queue-0");
        Assert.Equal("override", (string?)claim!["decision"]!["action"]);
        Assert.Equal(20m, (decimal)claim["decision"]!["payableAmount"]!);
        Assert.Equal("receipt is a copy", (string?)claim["decision"]!["reason"]);

        var pending = await api.Client.Http.GetFromJsonAsync<JsonObject>("/recommendations?status=pending&pageSize=10");
        Assert.DoesNotContain("queue-0", pending!["items"]!.AsArray().Select(i => (string)i!["claimId"]!));
        var decided = await api.Client.Http.GetFromJsonAsync<JsonObject>("/recommendations?status=decided");
        Assert.Equal(["queue-0"], decided!["items"]!.AsArray().Select(i => (string)i!["claimId"]!));
    }

    [Fact]
    public async Task Document_image_and_ocr_result_are_served()
    {
        using var data = new TempFolder();
        await using var api = await ApiHost.StartEmbeddedAsync(data.Path);
        var bytes = ScriptedAnalyzer.Document(42, "img");
        (await api.Client.SubmitAsync("docs-1", ("scan.png", bytes))).Dispose();
        var claim = (await api.Client.WaitForRecommendationsAsync(["docs-1"], TimeSpan.FromSeconds(30)))["docs-1"];
        var document = claim["documents"]![0]!;

        using var image = await api.Client.Http.GetAsync((string)document["imageUrl"]!);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(bytes, await image.Content.ReadAsByteArrayAsync());
        var ocr = await api.Client.Http.GetFromJsonAsync<JsonObject>((string)document["ocrUrl"]!);
        Assert.Equal("合计 42", (string?)ocr!["lines"]![0]!["text"]);
        Assert.Equal("inpatient-invoice", (string?)ocr["documentType"]!["label"]);
    }
}

/// <summary>The "ClaimVision" meter reports what operators watch.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Analysed_and_rejected_documents_and_stage_latencies_are_measured()
    {
        var counts = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        var stages = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ClaimVision.Pipeline.Telemetry.ClaimVisionMetrics.MeterName) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var claim = tags.ToArray().FirstOrDefault(t => t.Key is "reason" or "type").Value as string;
            counts.AddOrUpdate($"{instrument.Name}/{claim}", value, (_, n) => n + value);
        });
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
        {
            var stage = tags.ToArray().FirstOrDefault(t => t.Key == "stage").Value as string;
            stages.AddOrUpdate($"{instrument.Name}/{stage}", 1, (_, n) => n + 1);
        });
        listener.Start();

        using var data = new TempFolder();
        await using var api = await ApiHost.StartEmbeddedAsync(data.Path);
        (await api.Client.SubmitAsync("metrics-1", ("a.png", ScriptedAnalyzer.Document(1, "m1")), ("b.png", ScriptedAnalyzer.Document(2, "m2")), ("c.png", "garbage"u8.ToArray()))).Dispose();
        await api.Client.WaitForRecommendationsAsync(["metrics-1"], TimeSpan.FromSeconds(30));

        // Other tests in this process may add to the same instruments: at least this claim's share must be there.
        Assert.True(counts.GetValueOrDefault("claimvision.documents.analyzed/inpatient-invoice") >= 2);
        Assert.True(counts.GetValueOrDefault("claimvision.documents.rejected/corrupt-image") >= 1);
        Assert.Contains(counts.Keys, k => k.StartsWith("claimvision.claims.recommended", StringComparison.Ordinal));
        foreach (var stage in new[] { "fetch", "analyze", "store", "assess", "ocr" })
            Assert.True(stages.ContainsKey($"claimvision.stage.duration/{stage}"), $"no latency recorded for stage {stage}");
    }
}
