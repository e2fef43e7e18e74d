namespace ClaimVision.Synthesis.Rendering;

/// <summary>How a page is dressed: fonts, sizes, margins, grid and table rules. Drawn per document from its seed.</summary>
internal sealed record PageStyle(
    string Font, string BoldFont, string HandFont, double Size, double Margin, int Columns, int TableRules,
    bool TitleCentered, string Separator, Rgb Ink, Rgb HandInk, bool RowRules, Rgb HeaderFill)
{
    public static PageStyle Draw(Random r, string language, int width)
    {
        var fonts = language == "zh"
            ? new[] { "Noto Sans CJK SC", "Noto Serif CJK SC" }
            : ["DejaVu Sans", "Liberation Serif", "Liberation Sans", "DejaVu Serif"];
        var font = fonts[r.Next(fonts.Length)];
        var size = width < 900 ? 17 + r.Next(0, 4) : 19 + r.Next(0, 6);
        var inks = new[] { Rgb.Black, new Rgb(0.15, 0.15, 0.25), new Rgb(0.2, 0.18, 0.16) };
        var fills = new[] { new Rgb(0.92, 0.92, 0.92), new Rgb(0.9, 0.94, 0.98), new Rgb(0.98, 0.94, 0.9), Rgb.White };
        return new PageStyle(
            font, font + " Bold", language == "zh" ? "AR PL UKai CN" : "DkgHandwriting", size,
            width < 900 ? 28 + r.Next(20) : 50 + r.Next(50), width < 900 ? 1 : 1 + r.Next(3), r.Next(3), r.Next(4) > 0,
            language == "zh" ? (r.Next(2) == 0 ? "：" : ":") : ":", inks[r.Next(inks.Length)],
            new Rgb(0.1, 0.15, 0.5 + r.NextDouble() * 0.3), r.Next(2) == 0, fills[r.Next(fills.Length)]);
    }
}
