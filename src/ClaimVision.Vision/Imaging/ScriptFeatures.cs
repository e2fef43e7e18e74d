namespace ClaimVision.Vision.Imaging;

/// <summary>
/// The shape of a page's text, measured from the connected components the preparation of the page finds anyway (no
/// OCR): how component heights spread around the text height, how wide the text-high components are, how far apart
/// neighbours on a line sit and how often small pieces are stacked above one another. Han characters are squarish
/// blocks of one height that break into stacked strokes and radicals; Latin text is narrow letters of two heights (x-height
/// and ascenders) with wider gaps between words. A model (see <c>IScriptGuesser</c>) turns this into a script guess
/// before the page's first reading. All values are ratios (scale-free); <see cref="Names"/> gives their order.
/// </summary>
public sealed record ScriptFeatures(IReadOnlyList<float> Values)
{
    /// <summary>Feature names, in <see cref="Values"/> order. Changing them changes the feature spec: retrain the model.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "share-tiny", "share-low", "share-text-high", "share-tall",
        "wide-share-narrow", "wide-share-letter", "wide-share-square", "wide-share-wide",
        "aspect-p25", "aspect-median", "aspect-p75",
        "height-cv", "share-x-height", "share-full-height",
        "gap-p25", "gap-median", "gap-p75", "share-gap-touching", "share-gap-word",
        "share-stacked", "share-right-neighbour",
    ];

    /// <summary>Version of the feature spec, recorded in the model card.</summary>
    public const string SpecVersion = "1";

    /// <summary>Fewest glyph-sized components for a measurement (as for the text-height estimate).</summary>
    private const int MinComponents = 20;

    /// <summary>The features of a page's text from its components and estimated text height; null when the page has too
    /// little text to say (no text height, or fewer than 20 glyph-sized components).</summary>
    internal static ScriptFeatures? From(IReadOnlyList<ComponentBox> components, double? textHeight)
    {
        if (textHeight is not { } h || h < 4) return null;
        // Glyphs and their pieces: not specks, not rules or pictures.
        var glyphs = components.Where(c => Math.Max(c.Width, c.Height) >= 0.12 * h && c.Height <= 2 * h && c.Width <= 4 * h).ToList();
        if (glyphs.Count < MinComponents) return null;
        var full = glyphs.Where(c => c.Height >= 0.6 * h && c.Height <= 1.4 * h).ToList();
        var lettered = glyphs.Where(c => c.Height >= 0.35 * h && c.Height <= 1.4 * h).ToList();
        var aspects = full.Select(c => (double)c.Width / c.Height).Order().ToList();
        var heights = lettered.Select(c => (double)c.Height).ToList();
        var gaps = Gaps(glyphs, full, h);

        double Share<T>(IReadOnlyCollection<T> of, Func<T, bool> test) => of.Count == 0 ? 0 : of.Count(test) / (double)of.Count;
        var mean = heights.Count == 0 ? 0 : heights.Average();
        var cv = heights.Count < 2 || mean == 0 ? 0 : Math.Sqrt(heights.Sum(x => (x - mean) * (x - mean)) / heights.Count) / mean;
        double[] values =
        [
            Share(glyphs, c => c.Height < 0.35 * h), Share(glyphs, c => c.Height >= 0.35 * h && c.Height < 0.8 * h),
            Share(glyphs, c => c.Height >= 0.8 * h && c.Height <= 1.25 * h), Share(glyphs, c => c.Height > 1.25 * h),
            Share(aspects, a => a < 0.35), Share(aspects, a => a >= 0.35 && a < 0.75), Share(aspects, a => a >= 0.75 && a <= 1.3), Share(aspects, a => a > 1.3),
            Quantile(aspects, 0.25), Quantile(aspects, 0.5), Quantile(aspects, 0.75),
            cv, Share(lettered, c => c.Height >= 0.45 * h && c.Height < 0.78 * h), Share(lettered, c => c.Height >= 0.85 * h && c.Height <= 1.15 * h),
            Quantile(gaps, 0.25), Quantile(gaps, 0.5), Quantile(gaps, 0.75), Share(gaps, g => g < 0.08), Share(gaps, g => g >= 0.3 && g < 1.5),
            StackedShare(glyphs, h), Share(gaps, g => g < 0.6),
        ];
        return new ScriptFeatures(values.Select(v => (float)v).ToArray());
    }

    /// <summary>The features of one page, measured as the pipeline's preparation measures them (same binarisation,
    /// components and text height), at the page's stored orientation; for training and evaluating a guesser.</summary>
    public static ScriptFeatures? Measure(PageImage page)
    {
        using var binary = Binarizer.ToBinary(page);
        var components = PageComponents.Find(binary);
        return From(components, ResolutionNormalizer.EstimateTextHeight(components, page.Height));
    }

    /// <summary>For each text-high component, the gap to the nearest glyph to its right on the same line, in text heights
    /// (none when the next one is more than 3 text heights away).</summary>
    private static List<double> Gaps(List<ComponentBox> glyphs, List<ComponentBox> full, double h)
    {
        var byX = glyphs.OrderBy(c => c.X).ToArray();
        var starts = byX.Select(c => c.X).ToArray();
        var gaps = new List<double>(full.Count);
        foreach (var c in full)
        {
            var i = LowerBound(starts, c.Right);
            double? best = null;
            for (; i < byX.Length && byX[i].X <= c.Right + 3 * h; i++)
            {
                var o = byX[i];
                var overlap = Math.Min(c.Y + c.Height, o.Y + o.Height) - Math.Max(c.Y, o.Y);
                if (overlap < 0.5 * Math.Min(c.Height, o.Height)) continue;
                best = (o.X - c.Right) / h;
                break;
            }
            if (best is { } g) gaps.Add(g);
        }
        gaps.Sort();
        return gaps;
    }

    /// <summary>Share of the pieces lower than 0.8 text heights that have another piece above or below them within a text
    /// height, overlapping at least half the narrower one's width (the strokes of 三, 二, 口 and most radicals; in Latin
    /// text only the dots of i and j, colons and equals signs).</summary>
    private static double StackedShare(List<ComponentBox> glyphs, double h)
    {
        var byX = glyphs.OrderBy(c => c.X).ToArray();
        var small = 0;
        var stacked = 0;
        for (var i = 0; i < byX.Length; i++)
        {
            var c = byX[i];
            if (c.Height >= 0.8 * h) continue;
            small++;
            // Candidates overlapping c horizontally start before c's right edge; scan both ways in x order.
            if (HasStackedNeighbour(byX, i, h)) stacked++;
        }
        return small == 0 ? 0 : stacked / (double)small;
    }

    private static bool HasStackedNeighbour(ComponentBox[] byX, int i, double h)
    {
        var c = byX[i];
        for (var j = i - 1; j >= 0 && byX[j].X >= c.X - 4 * h; j--)
            if (Stacked(c, byX[j], h)) return true;
        for (var j = i + 1; j < byX.Length && byX[j].X < c.Right; j++)
            if (Stacked(c, byX[j], h)) return true;
        return false;
    }

    private static bool Stacked(ComponentBox a, ComponentBox b, double h)
    {
        if (b.Height > 1.4 * h) return false;
        var xOverlap = Math.Min(a.Right, b.Right) - Math.Max(a.X, b.X);
        if (xOverlap < 0.5 * Math.Min(a.Width, b.Width)) return false;
        var gap = Math.Max(a.Y, b.Y) - Math.Min(a.Y + a.Height, b.Y + b.Height);
        return gap >= 0 && gap <= 0.5 * h;
    }

    private static int LowerBound(int[] sorted, int value)
    {
        var i = Array.BinarySearch(sorted, value);
        if (i < 0) return ~i;
        while (i > 0 && sorted[i - 1] == value) i--;
        return i;
    }

    private static double Quantile(List<double> sorted, double q) => sorted.Count == 0 ? 0 : sorted[(int)(q * (sorted.Count - 1))];
}
