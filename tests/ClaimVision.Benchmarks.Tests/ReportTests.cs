using System.Text.Json;
using System.Xml.Linq;
using ClaimVision.Benchmarks.Reporting;
using ClaimVision.Vision.Ocr;
using Spectre.Console;

namespace ClaimVision.Benchmarks.Tests;

public class ReportTests
{
    [Fact]
    public void Json_report_has_the_documented_shape()
    {
        var report = ReportSamples.Report("embedded", ReportSamples.Run(1, 40, 2000), ReportSamples.Run(2, 20, 2100));
        using var json = JsonDocument.Parse(ReportJson.Serialize(report));
        var root = json.RootElement;
        Assert.Equal("embedded", root.GetProperty("configuration").GetString());
        Assert.Equal(2, root.GetProperty("machine").GetProperty("cores").GetInt32());
        var runs = root.GetProperty("runs");
        Assert.Equal(2, runs.GetArrayLength());
        var second = runs[1];
        Assert.Equal(2, second.GetProperty("workers").GetInt32());
        Assert.Equal(2.0, second.GetProperty("documentsPerSecond").GetDouble());
        Assert.Equal(3150, second.GetProperty("latencyMs").GetProperty("p50").GetDouble());
        foreach (var key in new[] { "p95", "p99", "max", "count", "mean" })
            Assert.True(second.GetProperty("latencyMs").TryGetProperty(key, out _), key);
        Assert.Equal(1000, second.GetProperty("stagesMs").GetProperty("ocr").GetProperty("p50").GetDouble());
        Assert.Equal(2, second.GetProperty("peakMemoryMb").GetArrayLength());
        Assert.True(second.TryGetProperty("cpuSecondsPerDocument", out _));
        Assert.True(second.TryGetProperty("ratioToCeiling", out _));
        // Documents minus failed, over seconds.
        Assert.Equal(2.0, root.GetProperty("ocrCeiling").GetProperty("documentsPerSecond").GetDouble());
        Assert.Equal(1.0, root.GetProperty("tesseractCli").GetProperty("documentsPerSecond").GetDouble());
        Assert.Single(root.GetProperty("tesseractCli").GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public void A_scaled_out_run_reports_cpu_per_process_and_per_server()
    {
        var run = ReportSamples.Run(2, 20, 2000) with
        {
            CpuSecondsPerDocumentByProcess = new Dictionary<string, double> { ["api"] = 0.21, ["workers"] = 1.46 },
            Services =
            [
                new() { Name = "rabbitmq", Endpoint = "127.0.0.1:5672", ProcessId = 4242, Process = "beam.smp", CpuSecondsPerDocument = 0.052 },
                new() { Name = "postgresql", Endpoint = "db.internal:5432", NotMeasured = "not on this machine" },
            ],
        };

        using var json = JsonDocument.Parse(ReportJson.Serialize(ReportSamples.Report("scaled-out", run)));
        var written = json.RootElement.GetProperty("runs")[0];
        Assert.Equal(1.46, written.GetProperty("cpuSecondsPerDocumentByProcess").GetProperty("workers").GetDouble());
        var broker = written.GetProperty("services")[0];
        Assert.Equal(("rabbitmq", 4242, 0.052), (broker.GetProperty("name").GetString(), broker.GetProperty("processId").GetInt32(), broker.GetProperty("cpuSecondsPerDocument").GetDouble()));
        Assert.Equal(JsonValueKind.Null, written.GetProperty("services")[1].GetProperty("cpuSecondsPerDocument").ValueKind);

        Assert.Equal("CPU s per document, 2 worker(s): api 0.210, workers 1.460, rabbitmq 0.052 (beam.smp, pid 4242, with its children), " +
            "postgresql not measured (db.internal:5432: not on this machine)", ReportTable.CpuLine(run));
    }

    [Fact]
    public void Ocr_passes_are_written_by_name_and_shown_per_document()
    {
        var run = ReportSamples.Run(1, 40, 2000) with
        {
            OcrPasses = [new OcrPassTotals(OcrPass.FirstReading, 40, 0, 24, 30, 20), new OcrPassTotals(OcrPass.MissedText, 40, 120, 4, 10, 3.2)],
        };
        using var json = JsonDocument.Parse(ReportJson.Serialize(ReportSamples.Report("embedded", run)));
        var first = json.RootElement.GetProperty("runs")[0].GetProperty("ocrPasses")[0];
        Assert.Equal("FirstReading", first.GetProperty("pass").GetString());
        Assert.Equal(30, first.GetProperty("kept").GetInt64());
        Assert.Equal(20, first.GetProperty("tesseractCpuSeconds").GetDouble());

        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 200;
        console.Write(ReportTable.PassTable(run));
        var lines = writer.ToString().Split('\n');
        var missed = lines.Single(l => l.Contains("MissedText", StringComparison.Ordinal));
        // 40 documents: 120 regions → 3.0 per document, 4 CPU s → 0.100 (3.2 in Tesseract → 0.080), 4 of the 28 s of all passes → 14 %.
        Assert.Contains("3.0", missed);
        Assert.Contains("0.100", missed);
        Assert.Contains("0.080", missed);
        Assert.Contains("14%", missed);
        Assert.Contains("10/40", missed);
        Assert.Contains(lines, l => l.Contains("all passes", StringComparison.Ordinal) && l.Contains("0.700", StringComparison.Ordinal) && l.Contains("0.580", StringComparison.Ordinal));
    }

    [Fact]
    public void The_report_names_the_ocr_options_that_differ_from_the_defaults()
    {
        var defaults = BenchRunner.OcrOverrides(new OcrOptions { PoolSize = 7, Language = "eng" });
        var changed = BenchRunner.OcrOverrides(new OcrOptions { RemoveSeals = false, ScaleUpBelowTextHeight = 16, ScaleUpToTextHeight = 24, FigureLanguage = null });

        Assert.Empty(defaults);
        Assert.Equal(new Dictionary<string, string>
        {
            ["RemoveSeals"] = "false", ["ScaleUpBelowTextHeight"] = "16", ["ScaleUpToTextHeight"] = "24", ["FigureLanguage"] = "null",
        }, changed);
        var line = ReportTable.OcrLine(ReportSamples.Report() with { VisionRevision = "1a2b3c4d", OcrOverrides = changed });
        Assert.Contains("vision 1a2b3c4d", line, StringComparison.Ordinal);
        Assert.Contains("RemoveSeals=false", line, StringComparison.Ordinal);
        Assert.EndsWith("default options", ReportTable.OcrLine(ReportSamples.Report()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_names_the_tuning_variables_that_were_set()
    {
        var set = new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1", ["MALLOC_MMAP_THRESHOLD_"] = "33554432", ["PATH"] = "/usr/bin" };
        var environment = BenchRunner.TuningEnvironment(set.GetValueOrDefault);

        Assert.Equal(new Dictionary<string, string> { ["OMP_THREAD_LIMIT"] = "1", ["MALLOC_MMAP_THRESHOLD_"] = "33554432" }, environment);
        Assert.Equal("environment: OMP_THREAD_LIMIT=1, MALLOC_MMAP_THRESHOLD_=33554432",
            ReportTable.EnvironmentLine(ReportSamples.Report() with { Environment = environment }));
        Assert.StartsWith("environment: none", ReportTable.EnvironmentLine(ReportSamples.Report()), StringComparison.Ordinal);
        var json = ReportJson.Serialize(ReportSamples.Report() with { Environment = environment });
        Assert.Contains("\"MALLOC_MMAP_THRESHOLD_\": \"33554432\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Ratios_divide_by_the_baseline_and_are_zero_without_one()
    {
        Assert.Equal(0.5, BenchRunner.Ratio(1, 2));
        Assert.Equal(0, BenchRunner.Ratio(1, null));
        Assert.Equal(0, BenchRunner.Ratio(1, 0));
    }

    [Fact]
    public void Write_puts_json_and_svg_in_the_folder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cv-bench-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (json, svg) = ReportJson.Write(ReportSamples.Report("embedded", ReportSamples.Run(1, 40, 2000)), Path.Combine(folder, "nested"));
            Assert.True(File.Exists(json));
            Assert.Equal("svg", XDocument.Load(svg).Root!.Name.LocalName);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
