using System.Text.Json;
using ClaimVision.Integration.Tests.Runtime;

namespace ClaimVision.Integration.Tests;

/// <summary>
/// `process`, `analyze` and `evaluate fields` read ClaimVision__Ocr__* from the environment as `serve`, the Worker and
/// `bench` do, so a deployment's OCR settings hold however the pipeline runs, and a data scientist measures the same
/// settings the deployment uses. Each test starts the CLI as its own process: setting the
/// variables in this one would reach the other tests.
/// </summary>
public sealed class CliEnvironmentTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "cv-cli-env-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("process")]
    [InlineData("analyze")]
    [InlineData("evaluate")]
    [InlineData("explain")]
    [InlineData("bench")]
    public async Task A_misspelt_ocr_variable_stops_the_command_naming_it(string command)
    {
        var claim = Path.Combine(Checkout.Root, "samples", "claims", "03-en-partial-deductible");
        string[] arguments = command switch
        {
            "process" => ["process", claim, "--out", _out],
            "analyze" => ["analyze", Path.Combine(claim, "1-outpatient-invoice.jpg")],
            "explain" => ["explain", Path.Combine(claim, "1-outpatient-invoice.jpg")],
            "bench" => ["bench", "--input", claim, "--count", "1", "--workers", "1", "--warmup", "0", "--no-baselines"],
            _ => ["evaluate", "fields", "--dataset", claim, "--format", "generated", "--ocr", "engine"],
        };

        var (exit, output) = await ClaimVisionCli.RunAsync(arguments, new() { ["ClaimVision__Ocr__RemoveSeal"] = "false" });

        Assert.Equal(2, exit);
        Assert.Contains("ClaimVision:Ocr", output, StringComparison.Ordinal);
        Assert.Contains("'RemoveSeal'", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bench")]
    [InlineData("analyze")]
    public async Task An_ocr_option_out_of_its_range_stops_the_command_in_one_message(string command)
    {
        var claim = Path.Combine(Checkout.Root, "samples", "claims", "03-en-partial-deductible");
        string[] arguments = command == "bench"
            ? ["bench", "--input", claim, "--count", "1", "--workers", "1", "--warmup", "0", "--no-baselines"]
            : ["analyze", Path.Combine(claim, "1-outpatient-invoice.jpg")];

        var (exit, output) = await ClaimVisionCli.RunAsync(arguments, new() { ["ClaimVision__Ocr__ScaleUpBelowTextHeight"] = "0" });

        Assert.Equal(2, exit);
        Assert.Contains($"{command}: ScaleUpBelowTextHeight must be between 8 and 36 px", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal); // no stack trace
    }

    [Fact]
    public async Task Process_keeps_seals_when_the_environment_says_so_and_the_recommendation_records_which()
    {
        var claim = Path.Combine(Checkout.Root, "samples", "claims", "03-en-partial-deductible");
        var (faded, fadedOutput) = await ClaimVisionCli.RunAsync(["process", claim, "--out", Path.Combine(_out, "faded")], []);
        var (kept, keptOutput) = await ClaimVisionCli.RunAsync(["process", claim, "--out", Path.Combine(_out, "kept")], new() { ["ClaimVision__Ocr__RemoveSeals"] = "false" });

        Assert.True(faded == 0, fadedOutput);
        Assert.True(kept == 0, keptOutput);
        Assert.Equal("seals-removed", ModelVersions(Path.Combine(_out, "faded")).GetProperty("seals").GetString());
        Assert.False(ModelVersions(Path.Combine(_out, "kept")).TryGetProperty("seals", out _));
    }

    [Fact]
    public async Task Evaluate_fields_on_a_sroie_folder_keeps_the_ocr_beside_each_image_and_reuses_it()
    {
        // A one-receipt SROIE folder: the image, a box file and the key the extractor is scored against.
        var dataset = Path.Combine(_out, "sroie");
        foreach (var sub in new[] { "img", "box", "key" }) Directory.CreateDirectory(Path.Combine(dataset, sub));
        File.Copy(Path.Combine(Checkout.Root, "samples", "claims", "03-en-partial-deductible", "1-outpatient-invoice.jpg"),
            Path.Combine(dataset, "img", "000.jpg"));
        File.WriteAllText(Path.Combine(dataset, "box", "000.csv"), "10,10,200,10,200,30,10,30,RIVERSIDE\n");
        File.WriteAllText(Path.Combine(dataset, "key", "000.json"), """{ "company": "X", "date": "01/02/2026", "address": "Y", "total": "1.00" }""");
        string[] arguments = ["evaluate", "fields", "--dataset", dataset, "--format", "sroie", "--ocr", "engine", "--ocr-cache", "--tune-count", "1"];

        var (firstExit, first) = await ClaimVisionCli.RunAsync(arguments, []);
        var cache = Path.Combine(dataset, "img", "000.ocr.json");
        Assert.True(firstExit == 0, first);
        Assert.True(File.Exists(cache), first);
        var written = File.GetLastWriteTimeUtc(cache);
        var (secondExit, second) = await ClaimVisionCli.RunAsync(arguments, []);

        Assert.True(secondExit == 0, second);
        Assert.Equal(written, File.GetLastWriteTimeUtc(cache)); // read, not written again
        Assert.Equal(Table(first), Table(second));

        // The classifier commands read through the same cache: the OCR evaluate fields kept is not done again.
        var (evaluatedExit, evaluated) = await ClaimVisionCli.RunAsync(["evaluate", "classifier", "--samples", Path.Combine(dataset, "img")]);
        Assert.True(evaluatedExit == 0, evaluated);
        Assert.Contains("000.jpg", evaluated, StringComparison.Ordinal);
        Assert.Equal(written, File.GetLastWriteTimeUtc(cache));

        // Read as the classifier calls it (the committed model), as process would: what it was called is printed.
        var (classifiedExit, classified) = await ClaimVisionCli.RunAsync([.. arguments, "--classify"], []);
        Assert.True(classifiedExit == 0, classified);
        Assert.Matches(@"doc-classifier-\S+ called the 1 receipts: [a-z-]+ 1 \([01] at 0\.6 or more\)", classified);
        // The table's title wraps where the console width puts it: compared without escapes and spaces.
        var compact = System.Text.RegularExpressions.Regex.Replace(classified, @"\x1b\[[0-9;]*m|\s", "");
        Assert.Contains("eachreceiptreadasthetypetheclassifierchose", compact, StringComparison.Ordinal);
        static string Table(string output) => output[output.IndexOf("SROIE fields", StringComparison.Ordinal)..];
    }

    [Fact]
    public async Task Evaluate_fields_refuses_to_classify_what_it_cannot()
    {
        var claim = Path.Combine(Checkout.Root, "samples", "claims", "03-en-partial-deductible");
        var (exit, output) = await ClaimVisionCli.RunAsync(["evaluate", "fields", "--dataset", claim, "--format", "generated", "--ocr", "engine", "--classify"], []);

        Assert.Equal(2, exit);
        Assert.Contains("--classify", output, StringComparison.Ordinal);
        Assert.Contains("--format sroie", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    private static JsonElement ModelVersions(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "CV-2026-03.recommendation.json")));
        return document.RootElement.GetProperty("modelVersions").Clone();
    }
}
