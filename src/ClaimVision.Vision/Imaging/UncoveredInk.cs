using ClaimVision.Domain.Documents;

namespace ClaimVision.Vision.Imaging;

/// <summary>
/// Text a reading left out: glyph-sized ink on the page that no recognised word covers, grouped into runs along a line.
/// Tesseract's layout analysis drops whole label columns and table rows of forms (票据号码 beside its number, two of an
/// invoice's three service rows) while reading the rest of the page well; the ink is still there to be found.
/// </summary>
internal static class UncoveredInk
{
    /// <summary>Runs shorter than this many text heights are left (a speck, a stray stroke of a stamp).</summary>
    private const double MinRunWidth = 1.0;

    /// <summary>The runs of uncovered glyph ink on <paramref name="page"/> that are at least a text height wide, widest
    /// first, each as a box in the page's coordinates with a margin around it. None when the page's text height cannot be
    /// estimated.</summary>
    public static UncoveredText Find(PageImage page, IReadOnlyList<BoundingBox> covered)
    {
        using var binary = Binarizer.ToBinary(page);
        var components = PageComponents.Find(binary);
        if (ResolutionNormalizer.EstimateTextHeight(components, page.Height) is not { } h) return UncoveredText.None;
        var grow = (int)Math.Ceiling(0.2 * h);
        var wordBoxes = covered.Select(b => new BoundingBox(b.X - grow, b.Y - grow, b.Width + 2 * grow, b.Height + 2 * grow)).ToList();
        // Glyphs and glyph parts: not specks, not taller than a few lines (stamps, photos), not long flat rules.
        var glyphs = components
            .Where(c => Math.Max(c.Width, c.Height) >= 0.35 * h && c.Height <= 2.5 * h && !(c.Width > 4 * h && c.Height < 0.3 * h))
            .Where(c => !wordBoxes.Any(b => BoxOverlap.Area(b, c.Box) > 0)) // a glyph a word touches is that word's
            .OrderBy(c => c.X);

        var runs = new List<Run>();
        foreach (var glyph in glyphs)
        {
            var run = runs.FirstOrDefault(r => glyph.X - r.Right <= 1.5 * h && r.SameLine(glyph));
            if (run is null) runs.Add(new Run(glyph));
            else run.Add(glyph);
        }
        var margin = (int)Math.Ceiling(h / 3);
        return new UncoveredText([.. runs
            .Where(r => r.Count >= 2 && r.Right - r.Left >= MinRunWidth * h)
            .OrderByDescending(r => r.Right - r.Left)
            .Select(r => new InkRun(
                new BoundingBox(r.Left - margin, r.Top - margin, r.Right - r.Left + 2 * margin, r.Bottom - r.Top + 2 * margin),
                (r.Bottom - r.Top) / h))], h);
    }

    /// <summary>Glyphs in a row, left to right, and their extent.</summary>
    private sealed class Run(ComponentBox first)
    {
        public int Count { get; private set; } = 1;
        public int Left { get; } = first.X;
        public int Right { get; private set; } = first.Right;
        public int Top { get; private set; } = first.Y;
        public int Bottom { get; private set; } = first.Y + first.Height;

        public void Add(ComponentBox glyph)
        {
            Count++;
            Right = Math.Max(Right, glyph.Right);
            Top = Math.Min(Top, glyph.Y);
            Bottom = Math.Max(Bottom, glyph.Y + glyph.Height);
        }

        /// <summary>The glyph overlaps the run's band by at least half the lower of the two heights.</summary>
        public bool SameLine(ComponentBox glyph) => BoxOverlap.SameLine(new BoundingBox(Left, Top, Right - Left, Bottom - Top), glyph.Box);
    }
}

/// <summary>A run of uncovered glyphs: its box (with a margin of a third of a text height) and the height of its ink in
/// text heights (a run of dashed leaders read as 一 一 一: 0.1–0.5; a line of text, figures included: 0.6 and more).</summary>
internal readonly record struct InkRun(BoundingBox Box, double InkHeight);

/// <summary>The glyph runs a reading left uncovered (<see cref="UncoveredInk.Find"/>), widest first, and the page's text
/// height in pixels they were measured with.</summary>
internal sealed record UncoveredText(IReadOnlyList<InkRun> Runs, double TextHeight)
{
    /// <summary>No runs: nothing uncovered, or a page whose text height cannot be estimated.</summary>
    public static UncoveredText None { get; } = new([], 0);

    /// <summary>The runs' total width (margins included) in text heights: how much text the reading may have left out.</summary>
    public double WidthInTextHeights => TextHeight > 0 ? Runs.Sum(r => r.Box.Width) / TextHeight : 0;
}
