using System.Text.Json;
using System.Xml.Linq;
using ClaimVision.Benchmarks.Reporting;

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
