using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Imaging;

/// <summary>
/// Finds and paints out the dashed and dotted leaders a form's fields are written on. Tesseract removes solid rules
/// itself, but reads a row of dashes under a label as part of that text line: the line is then recognised as
/// garbage ("天天天 = 上天量量天") or dropped, and with it the label (measured on the generated inpatient invoices and
/// settlement sheets: 票据号码, 医疗机构, 入院日期 lost). A leader is recognised from the page's connected components,
/// never from pixels of glyphs: at least <see cref="MinDashes"/> small, flat components (at most a fifth of the text
/// height thick, shorter than a glyph) in a horizontal chain, each starting within half a glyph of the previous one's
/// end and at the same height. Strokes of Han characters are joined to the rest of their glyph and hyphens and
/// full stops stand alone, so neither forms such a chain; a dot leader ("Total ........ 9.00") does, and goes too.
/// </summary>
internal static class DashedRules
{
    /// <summary>Fewer dashes in a row are left alone (a "- -" in text, a dotted "i").</summary>
    public const int MinDashes = 6;

    /// <summary>The chains of dashes on a page whose text is <paramref name="textHeight"/> px high: every dash of
    /// every chain, each box widened by a pixel of anti-aliasing.</summary>
    public static IReadOnlyList<ComponentBox> Find(IReadOnlyList<ComponentBox> components, double textHeight)
    {
        var maxThickness = Math.Max(3, (int)Math.Round(0.2 * textHeight));
        var maxLength = Math.Max(4, (int)Math.Round(1.0 * textHeight));
        var maxGap = Math.Max(4, (int)Math.Round(0.6 * textHeight));
        var maxDrift = Math.Max(2, 0.1 * textHeight);

        var chains = new List<List<ComponentBox>>();
        foreach (var dash in components.Where(c => c.Height <= maxThickness && c.Width <= maxLength && c.Width >= 1).OrderBy(c => c.X))
        {
            var chain = chains.FirstOrDefault(ch =>
            {
                var last = ch[^1];
                var gap = dash.X - last.Right;
                return gap >= -1 && gap <= maxGap && Math.Abs(dash.CenterY - last.CenterY) <= maxDrift;
            });
            if (chain is null) chains.Add([dash]);
            else chain.Add(dash);
        }
        return [.. chains.Where(ch => ch.Count >= MinDashes)
            .SelectMany(ch => ch)
            .Select(d => new ComponentBox(d.X - 1, d.Y - 1, d.Width + 2, d.Height + 2))];
    }

    /// <summary>A copy of <paramref name="page"/> with <paramref name="boxes"/> set to white; a clone when there are none.</summary>
    public static PageImage Paint(PageImage page, IReadOnlyList<ComponentBox> boxes)
    {
        if (boxes.Count == 0) return page.Clone();
        var copy = new PageImage(Native.Check(Leptonica.pixCopy(0, page.Pix), "pixCopy"));
        foreach (var b in boxes)
            _ = Leptonica.pixRasterop(copy.Pix, b.X, b.Y, b.Width, b.Height, Leptonica.PixSet, 0, 0, 0);
        // PIX_SET sets every bit, the alpha byte of a colour pixel too. Tesseract thresholds each byte of a 32 bpp pixel
        // as a channel, alpha included: a few thousand pixels of alpha 255 on a page of alpha 0 gave it a fourth channel to
        // binarise by, and a clean Chinese settlement sheet whose page edge had been painted read as no text at all.
        if (copy.Depth == 32) _ = Leptonica.pixSetComponentArbitrary(copy.Pix, Leptonica.AlphaChannel, 0);
        return copy;
    }
}
