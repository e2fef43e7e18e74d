using System.Globalization;
using System.Security;
using System.Text;

namespace ClaimVision.Intelligence.Evaluation;

/// <summary>Draws a confusion matrix as an SVG picture: rows = actual, columns = predicted, shade = share of the row.</summary>
public static class ConfusionMatrixSvg
{
    private const int Cell = 44;
    private const int LabelWidth = 170;
    private const int Top = 190;

    public static string Render(ClassificationMetrics metrics, string title)
    {
        var n = metrics.Labels.Count;
        var width = LabelWidth + n * Cell + 30;
        var height = Top + n * Cell + 60;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="DejaVu Sans, sans-serif" font-size="12">""").AppendLine();
        svg.AppendLine("""<rect width="100%" height="100%" fill="white"/>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="10" y="22" font-size="15" font-weight="bold">{Escape(title)}</text>""").AppendLine();
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="10" y="42">macro-F1 {metrics.MacroF1:0.000} · accuracy {metrics.Accuracy:0.000} · rows actual, columns predicted</text>""").AppendLine();
        for (var c = 0; c < n; c++)
        {
            var x = LabelWidth + c * Cell + Cell / 2;
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x}" y="{Top - 8}" transform="rotate(-60 {x} {Top - 8})">{Escape(metrics.Labels[c])}</text>""").AppendLine();
        }
        for (var r = 0; r < n; r++)
        {
            var y = Top + r * Cell;
            var rowTotal = metrics.Confusion[r].Sum();
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{LabelWidth - 8}" y="{y + Cell / 2 + 4}" text-anchor="end">{Escape(metrics.Labels[r])}</text>""").AppendLine();
            for (var c = 0; c < n; c++)
            {
                var count = metrics.Confusion[r][c];
                var share = rowTotal == 0 ? 0 : (double)count / rowTotal;
                var x = LabelWidth + c * Cell;
                var fill = count == 0 ? "#f7f7f7" : r == c ? Shade(share, 33, 113, 181) : Shade(share, 203, 24, 29);
                var ink = share > 0.55 ? "white" : "black";
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{x}" y="{y}" width="{Cell - 2}" height="{Cell - 2}" fill="{fill}"/>""");
                if (count > 0)
                    svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + Cell / 2 - 1}" y="{y + Cell / 2 + 4}" text-anchor="middle" fill="{ink}">{count}</text>""");
                svg.AppendLine();
            }
        }
        svg.AppendLine("</svg>");
        return svg.ToString();
    }

    /// <summary>Blend from near-white to the given colour by <paramref name="share"/> (0–1).</summary>
    private static string Shade(double share, int r, int g, int b)
    {
        var t = 0.15 + 0.85 * share;
        int Mix(int c) => (int)Math.Round(255 + (c - 255) * t);
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(r):x2}{Mix(g):x2}{Mix(b):x2}");
    }

    private static string Escape(string s) => SecurityElement.Escape(s) ?? "";
}
