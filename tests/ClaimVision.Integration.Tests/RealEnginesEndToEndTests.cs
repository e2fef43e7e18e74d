using System.Net;
using System.Text.Json.Nodes;
using ClaimVision.Api;
using ClaimVision.Integration.Tests.Runtime;
using ClaimVision.Pipeline.Hosting;
using ClaimVision.Pipeline.Processing;
using ClaimVision.Vision.Ocr;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimVision.Integration.Tests;

/// <summary>
/// `claimvision serve` exactly as shipped — the production engines (Tesseract OCR, the committed classifier, the field
/// extractors, the policy assessment) behind the API on the embedded defaults — fed real sample claims over HTTP.
/// </summary>
public sealed class RealEnginesEndToEndTests
{
    /// <summary>The samples' "today" (as in SampleClaimsTests): after every sample's dates, inside the policies' year.</summary>
    private static readonly DateTimeOffset Now = new(2026, 12, 31, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_server_whose_policy_folder_is_missing_fails_at_start_naming_it_instead_of_faulting_every_claim()
    {
        using var data = new TempFolder();
        var missing = Path.Combine(data.Path, "no-such-policies");
        string[] args =
        [
            "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            $"--ClaimVision:DataDirectory={data.Path}",
            $"--ClaimVision:Policies={missing}",
            "--ClaimVision:OcrEngines=1",
        ];
        await using var app = ClaimVisionServer.Create(args, services => services.AddClaimVisionEngines());
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());
        Assert.Contains("analysis engines cannot be built", e.Message, StringComparison.Ordinal);
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_whose_tessdata_lacks_a_language_it_reads_fails_at_start_naming_the_model()
    {
        using var data = new TempFolder();
        await using var app = ClaimVisionServer.Create(WithoutChineseModel(data, warm: true, out var tessdata), services => services.AddClaimVisionEngines());
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => app.StartAsync());
        Assert.Contains(Path.Combine(tessdata, "chi_sim.traineddata"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_told_not_to_warm_its_engines_starts_without_making_one()
    {
        using var data = new TempFolder();
        // The same missing model: the first Chinese page would meet it, not the start.
        await using var app = ClaimVisionServer.Create(WithoutChineseModel(data, warm: false, out _), services => services.AddClaimVisionEngines());
        await Bounded.StartAsync(app, TimeSpan.FromMinutes(1), "The API host's start without warming");
        Assert.Equal(0, app.Services.GetRequiredService<ProductionAnalyzer>().EnginesCreated);
        await app.StopAsync();
    }

    /// <summary>Server arguments reading with a tessdata folder that holds eng and osd but not chi_sim.</summary>
    private static string[] WithoutChineseModel(TempFolder data, bool warm, out string tessdata)
    {
        tessdata = Directory.CreateDirectory(Path.Combine(data.Path, "tessdata")).FullName;
        foreach (var model in new[] { "eng", "osd" })
            File.CreateSymbolicLink(Path.Combine(tessdata, model + ".traineddata"), Path.Combine(OcrOptions.DebianTessdata, model + ".traineddata"));
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        return
        [
            "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            $"--ClaimVision:DataDirectory={data.Path}",
            $"--ClaimVision:Policies={Path.Combine(samples, "policies")}",
            $"--ClaimVision:Ocr:TessdataPath={tessdata}",
            "--ClaimVision:OcrEngines=1",
            $"--ClaimVision:WarmEngines={warm}",
        ];
    }

    [Fact]
    public async Task Sample_claims_submitted_over_http_get_their_expected_recommendations_from_the_real_engines()
    {
        using var data = new TempFolder();
        var samples = Path.Combine(AppContext.BaseDirectory, "samples");
        string[] args =
        [
            "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            $"--ClaimVision:DataDirectory={data.Path}",
            $"--ClaimVision:Policies={Path.Combine(samples, "policies")}",
            $"--ClaimVision:Registry={Path.Combine(samples, "registry", "insured.csv")}",
            "--ClaimVision:OcrEngines=2",
        ];
        await using var app = ClaimVisionServer.Create(args, services =>
        {
            services.AddSingleton<TimeProvider>(new FixedTime(Now));
            services.AddClaimVisionEngines();
        });
        await Bounded.StartAsync(app, TimeSpan.FromMinutes(3), "The API host's start with the real engines");
        Assert.Equal(2, app.Services.GetRequiredService<ProductionAnalyzer>().EnginesCreated); // warmed before it took work
        using var client = new ClaimVisionClient(new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(60) });

        var expected = new Dictionary<string, JsonObject>();
        foreach (var dir in Directory.EnumerateDirectories(Path.Combine(samples, "claims")).Order(StringComparer.Ordinal))
        {
            var claimJson = await File.ReadAllTextAsync(Path.Combine(dir, "claim.json"));
            var claimId = (string)JsonNode.Parse(claimJson)!["claimId"]!;
            var files = Directory.EnumerateFiles(dir, "*.jpg").Order(StringComparer.Ordinal)
                .Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToArray();
            using var response = await client.SubmitRawAsync(claimJson, files);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            expected[claimId] = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "expected.json")))!.AsObject();
        }
        Assert.Equal(2, expected.Count);

        var claims = await client.WaitForRecommendationsAsync(expected.Keys, TimeSpan.FromMinutes(5));
        foreach (var (id, want) in expected)
        {
            var recommendation = claims[id]["recommendation"];
            Assert.NotNull(recommendation);
            Assert.Equal((string?)want["decision"], (string?)recommendation["decision"]);
            Assert.Equal((decimal)want["payableAmount"]!, (decimal)recommendation["payableAmount"]!);
            Assert.NotEmpty(recommendation["factors"]!.AsArray());
            Assert.StartsWith("doc-classifier-", (string?)recommendation["modelVersions"]!["classifier"], StringComparison.Ordinal);
            Assert.StartsWith("tesseract ", (string?)recommendation["modelVersions"]!["ocr"], StringComparison.Ordinal);
        }
        await Bounded.StopAsync(app, "The API host's stop");
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
