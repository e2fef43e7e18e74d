using System.Xml.Linq;
using ClaimVision.Benchmarks.Reporting;

namespace ClaimVision.Benchmarks.Tests;

public class SvgChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Chart_is_well_formed_svg_with_a_line_per_series()
    {
        var report = ReportSamples.Report("embedded", ReportSamples.Run(1, 40, 2000), ReportSamples.Run(2, 20, 2100), ReportSamples.Run(4, 18, 4000));
        var doc = XDocument.Parse(SvgChart.Render(report));
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        // Throughput: end to end, ceiling, CLI; latency: p50, p95.
        Assert.Equal(5, doc.Descendants(Svg + "polyline").Count());
        // One marker per run on each solid series (end to end, p50, p95).
        Assert.Equal(9, doc.Descendants(Svg + "circle").Count());
        var texts = doc.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("OCR ceiling", texts);
        Assert.Contains("tesseract CLI", texts);
    }

    [Fact]
    public void Markup_in_labels_is_escaped()
    {
        var report = ReportSamples.Report("a<b & \"c\">", ReportSamples.Run(2, 20, 2000));
        var doc = XDocument.Parse(SvgChart.Render(report));
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value.Contains("a<b & \"c\">", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_without_runs_or_baselines_still_renders()
    {
        var report = ReportSamples.Report("scaled-out") with { OcrCeiling = null, TesseractCli = null };
        var doc = XDocument.Parse(SvgChart.Render(report));
        Assert.Equal(Svg + "svg", doc.Root!.Name);
    }
}
