using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ClaimVision.Integration.Tests.Runtime;
using ClaimVision.TestWorker;

namespace ClaimVision.Integration.Tests;

/// <summary>The API's limits and errors: specific 4xx problem+json, never a 500.</summary>
public sealed class ApiContractTests : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _data = new();
    private ApiHost _api = null!;

    public async Task InitializeAsync() => _api = await ApiHost.StartEmbeddedAsync(_data.Path, new Dictionary<string, string>
    {
        ["ClaimVision:Api:MaxFileBytes"] = "1000",
        ["ClaimVision:Api:MaxFiles"] = "3",
        ["ClaimVision:Api:MaxTotalBytes"] = "2500",
        ["ClaimVision:Test:AnalysisDelayMs"] = "1500",
    });

    public async Task DisposeAsync() => await _api.DisposeAsync();

    public void Dispose() => _data.Dispose();

    private static async Task<(HttpStatusCode Status, JsonObject Problem)> ProblemOf(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!);
        }
    }

    [Fact]
    public async Task A_file_over_the_per_file_limit_is_413_naming_the_file()
    {
        var (status, problem) = await ProblemOf(await _api.Client.SubmitAsync("big-1", ("huge.png", new byte[1001])));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("huge.png", (string?)problem["detail"]);
        Assert.Null(await _api.Client.GetClaimAsync("big-1"));
    }

    [Fact]
    public async Task Too_many_files_is_400_and_too_many_bytes_in_total_is_413()
    {
        var small = ScriptedAnalyzer.Document(1);
        var (status, problem) = await ProblemOf(await _api.Client.SubmitAsync("many-1", ("1.png", small), ("2.png", small), ("3.png", small), ("4.png", small)));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("at most 3", (string?)problem["detail"]);

        var (total, _) = await ProblemOf(await _api.Client.SubmitAsync("total-1", ("1.png", new byte[900]), ("2.png", new byte[900]), ("3.png", new byte[900])));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, total);
    }

    [Fact]
    public async Task Missing_or_malformed_claim_part_and_missing_files_are_400()
    {
        var file = ("x.png", ScriptedAnalyzer.Document(1));
        Assert.Equal(HttpStatusCode.BadRequest, (await ProblemOf(await _api.Client.SubmitRawAsync(null, file))).Status);
        var (status, problem) = await ProblemOf(await _api.Client.SubmitRawAsync("{\"claimId\": ", file));
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("claim.json", (string?)problem["detail"]);
        Assert.Equal(HttpStatusCode.BadRequest, (await ProblemOf(await _api.Client.SubmitRawAsync(ClaimVisionClient.ClaimJson("../etc"), file))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ProblemOf(await _api.Client.SubmitAsync("nofiles-1"))).Status);
    }

    [Fact]
    public async Task Deciding_before_the_recommendation_is_409_and_unknown_ids_are_404()
    {
        (await _api.Client.SubmitAsync("slow-1", ("x.png", ScriptedAnalyzer.Document(5)))).Dispose();
        var (status, _) = await ProblemOf(await _api.Client.Http.PostAsJsonAsync("/claims/slow-1/decision", new { adjuster = "王五", action = "accept" }));
        Assert.Equal(HttpStatusCode.Conflict, status);
        Assert.Equal(HttpStatusCode.NotFound, (await ProblemOf(await _api.Client.Http.GetAsync("/claims/nope"))).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await ProblemOf(await _api.Client.Http.GetAsync("/documents/nope/image"))).Status);
        Assert.Equal(HttpStatusCode.BadRequest, (await ProblemOf(await _api.Client.Http.GetAsync("/recommendations?status=maybe"))).Status);
    }

    [Fact]
    public async Task Resubmitting_the_same_claim_is_idempotent_and_different_documents_conflict()
    {
        var doc = ScriptedAnalyzer.Document(3, "same");
        using var first = await _api.Client.SubmitAsync("again-1", ("a.png", doc));
        using var second = await _api.Client.SubmitAsync("again-1", ("a.png", doc));
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var ids1 = (await first.Content.ReadFromJsonAsync<JsonObject>())!["documents"]![0]!["documentId"]!.ToString();
        var ids2 = (await second.Content.ReadFromJsonAsync<JsonObject>())!["documents"]![0]!["documentId"]!.ToString();
        Assert.Equal(ids1, ids2);
        Assert.Equal(HttpStatusCode.Conflict, (await ProblemOf(await _api.Client.SubmitAsync("again-1", ("b.png", ScriptedAnalyzer.Document(4, "other"))))).Status);
    }

    [Fact]
    public async Task Health_openapi_and_review_page_are_served()
    {
        using var live = await _api.Client.Http.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var ready = await _api.Client.Http.GetFromJsonAsync<JsonObject>("/health/ready");
        Assert.Equal("Healthy", (string?)ready!["status"]);
        Assert.True(ready["checks"]!.AsObject().ContainsKey("claim-store"));
        Assert.True(ready["checks"]!.AsObject().ContainsKey("blob-store"));
        Assert.Contains(ready["checks"]!.AsObject(), c => c.Key.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
        var openApi = await _api.Client.Http.GetFromJsonAsync<JsonObject>("/openapi/v1.json");
        Assert.True(openApi!["paths"]!.AsObject().ContainsKey("/claims/{id}/decision"));
        var page = await _api.Client.Http.GetStringAsync("/review/");
        Assert.Contains("<html", page, StringComparison.OrdinalIgnoreCase);
    }
}
