using System.Globalization;
using System.Security;
using System.Text;

namespace ClaimVision.Benchmarks.Reporting;

/// <summary>
/// Two panels side by side, drawn as plain SVG: documents/s against worker count (with the OCR ceiling and the
/// tesseract CLI as dashed lines) and latency p50/p95 against worker count.
/// </summary>
public static class SvgChart
{
    private const int PanelWidth = 380;
    private const int PanelHeight = 280;
    private const int Margin = 50;
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Render(BenchReport report)
    {
        var runs = report.Runs.OrderBy(r => r.Workers).ToList();
        var svg = new StringBuilder();
        var width = 2 * PanelWidth + 20;
        var height = PanelHeight + 40;
        svg.Append(C, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"sans-serif\" font-size=\"11\">\n");
        svg.Append(C, $"<rect width=\"{width}\" height=\"{height}\" fill=\"white\"/>\n");
        svg.Append(C, $"<text x=\"10\" y=\"18\" font-size=\"13\">{Escape($"claimvision bench — {report.Configuration}, {report.Files} files, {report.Machine.Cores} cores")}</text>\n");

        var throughput = new List<Series> { new("end to end", "#1f77b4", runs.Select(r => (r.Workers, r.DocumentsPerSecond)).ToList(), false) };
        if (report.OcrCeiling is { } ceiling) throughput.Add(Flat("OCR ceiling", "#2ca02c", runs, ceiling.DocumentsPerSecond));
        if (report.TesseractCli is { } cli) throughput.Add(Flat("tesseract CLI", "#d62728", runs, cli.DocumentsPerSecond));
        Panel(svg, 0, 30, "documents / s", throughput, runs);

        var latency = new List<Series>
        {
            new("p50", "#1f77b4", runs.Select(r => (r.Workers, r.LatencyMs.P50 / 1000)).ToList(), false),
            new("p95", "#ff7f0e", runs.Select(r => (r.Workers, r.LatencyMs.P95 / 1000)).ToList(), false),
        };
        Panel(svg, PanelWidth + 20, 30, "latency, s", latency, runs);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private sealed record Series(string Name, string Colour, IReadOnlyList<(int X, double Y)> Points, bool Dashed);

    private static Series Flat(string name, string colour, List<RunResult> runs, double value)
    {
        var xs = runs.Count == 0 ? [1] : runs.Select(r => r.Workers).ToList();
        return new(name, colour, [(xs.Min(), value), (xs.Max(), value)], true);
    }

    private static void Panel(StringBuilder svg, int left, int top, string yLabel, IReadOnlyList<Series> series, List<RunResult> runs)
    {
        var xs = runs.Count == 0 ? [1] : runs.Select(r => r.Workers).ToList();
        double xMin = xs.Min() - 0.5, xMax = xs.Max() + 0.5;
        var yMax = series.SelectMany(s => s.Points).Select(p => p.Y).DefaultIfEmpty(0).Max();
        yMax = yMax <= 0 ? 1 : yMax * 1.4; // headroom for the legend above the lines
        double plotLeft = left + Margin, plotTop = top + 10, plotWidth = PanelWidth - Margin - 10, plotHeight = PanelHeight - Margin - 10;
        double X(double x) => plotLeft + (x - xMin) / (xMax - xMin) * plotWidth;
        double Y(double y) => plotTop + plotHeight - y / yMax * plotHeight;

        svg.Append(C, $"<g>\n<rect x=\"{plotLeft:0.#}\" y=\"{plotTop:0.#}\" width=\"{plotWidth:0.#}\" height=\"{plotHeight:0.#}\" fill=\"none\" stroke=\"#888\"/>\n");
        for (var i = 0; i <= 4; i++)
        {
            var value = yMax * i / 4;
            svg.Append(C, $"<line x1=\"{plotLeft:0.#}\" x2=\"{plotLeft + plotWidth:0.#}\" y1=\"{Y(value):0.#}\" y2=\"{Y(value):0.#}\" stroke=\"#eee\"/>");
            svg.Append(C, $"<text x=\"{plotLeft - 4:0.#}\" y=\"{Y(value) + 4:0.#}\" text-anchor=\"end\">{value:0.##}</text>\n");
        }
        foreach (var x in xs.Distinct())
            svg.Append(C, $"<text x=\"{X(x):0.#}\" y=\"{plotTop + plotHeight + 14:0.#}\" text-anchor=\"middle\">{x}</text>\n");
        svg.Append(C, $"<text x=\"{plotLeft + plotWidth / 2:0.#}\" y=\"{plotTop + plotHeight + 30:0.#}\" text-anchor=\"middle\">workers</text>\n");
        svg.Append(C, $"<text x=\"{left + 12}\" y=\"{plotTop + plotHeight / 2:0.#}\" text-anchor=\"middle\" transform=\"rotate(-90 {left + 12} {plotTop + plotHeight / 2:0.#})\">{Escape(yLabel)}</text>\n");

        for (var s = 0; s < series.Count; s++)
        {
            var line = series[s];
            var points = string.Join(' ', line.Points.OrderBy(p => p.X).Select(p => string.Create(C, $"{X(p.X):0.#},{Y(p.Y):0.#}")));
            var dash = line.Dashed ? " stroke-dasharray=\"6 4\"" : "";
            svg.Append(C, $"<polyline points=\"{points}\" fill=\"none\" stroke=\"{line.Colour}\" stroke-width=\"2\"{dash}/>\n");
            if (!line.Dashed)
                foreach (var (x, y) in line.Points)
                    svg.Append(C, $"<circle cx=\"{X(x):0.#}\" cy=\"{Y(y):0.#}\" r=\"3\" fill=\"{line.Colour}\"><title>{Escape(string.Create(C, $"{line.Name}: {y:0.###} at {x} worker(s)"))}</title></circle>\n");
            var legendY = plotTop + 12 + s * 14;
            svg.Append(C, $"<line x1=\"{plotLeft + 8:0.#}\" x2=\"{plotLeft + 28:0.#}\" y1=\"{legendY - 4:0.#}\" y2=\"{legendY - 4:0.#}\" stroke=\"{line.Colour}\" stroke-width=\"2\"{dash}/>");
            svg.Append(C, $"<text x=\"{plotLeft + 32:0.#}\" y=\"{legendY:0.#}\">{Escape(line.Name)}</text>\n");
        }
        svg.Append("</g>\n");
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? "";
}
