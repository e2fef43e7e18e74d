using ClaimVision.Intelligence.Learning;
using ClaimVision.Vision;

namespace ClaimVision.Intelligence.Features;

/// <summary>
/// Turns what the vision layer saw into one feature row. Columns [0, 2^18) hold hashed text n-grams
/// (log term frequency, L2-normalised); after them, in a fixed order, keyword presence, per-type keyword
/// hits, layout measures and page statistics (see <see cref="DenseNames"/>). Page statistics the vision
/// layer did not supply are left missing rather than zero. Deterministic: no randomness, no culture.
/// </summary>
public static class DocumentFeatures
{
    /// <summary>Bump on any change that moves or redefines a column; a model records the version it was trained with.</summary>
    public const string SpecVersion = "2";
    public const int HashBits = 18;
    public const int HashBuckets = 1 << HashBits;
    private const uint HashSeed = 0x5EED_C1A1;

    private static readonly string[] LayoutNames =
    [
        "layout:pages", "layout:lines", "layout:charsPerLine", "layout:textLength", "layout:tableLikeness",
        "layout:digitShare", "layout:hanShare", "layout:amounts", "layout:dates", "layout:luhnCardNumbers",
        "layout:residentIdNumbers", "layout:aspect", "layout:ocrConfidence",
    ];

    private static readonly string[] StatisticNames =
    [
        "image:aspect", "image:inkDensity", "image:saturation", "image:redShare", "image:horizontalRules", "image:verticalRules",
    ];

    /// <summary>Names of the columns after the hashed block, in column order.</summary>
    public static IReadOnlyList<string> DenseNames { get; } =
        KeywordLexicon.Entries.SelectMany(e => e.Terms).Select(t => "kw:" + t)
            .Concat(KeywordLexicon.Entries.Select(e => "type:" + e.Type.Label))
            .Concat(LayoutNames)
            .Concat(StatisticNames)
            .ToArray();

    public static int FeatureCount { get; } = HashBuckets + DenseNames.Count;

    /// <summary>The hashed column of an n-gram.</summary>
    public static int Bucket(string gram) => (int)(MurmurHash3.Hash(gram, HashSeed) & (HashBuckets - 1));

    /// <summary>The document's n-grams by the hashed column each falls into (several joined by <c>|</c>): names for the
    /// columns of <see cref="Extract"/>, which keeps only numbers.</summary>
    public static IReadOnlyDictionary<int, string> GramsByBucket(VisionResult vision) =>
        TextNGrams.Extract(PageText(vision)).Distinct(StringComparer.Ordinal)
            .GroupBy(Bucket)
            .ToDictionary(g => g.Key, g => string.Join(" | ", g.Order(StringComparer.Ordinal)));

    private static string PageText(VisionResult vision) => string.Join('\n', vision.Pages.Select(p => p.Text));

    /// <summary>Letters and digits in the OCR text: how much text there is to classify.</summary>
    public static int MeaningfulCharacters(VisionResult vision) =>
        vision.Pages.Sum(p => p.Text.Count(char.IsLetterOrDigit));

    public static SparseVector Extract(VisionResult vision)
    {
        var text = PageText(vision);
        var columns = new SortedDictionary<int, float>();
        AddHashedGrams(text, columns);

        var dense = new List<float?>(DenseNames.Count);
        var normalized = KeywordLexicon.Normalize(text);
        var hitsPerType = new List<int>();
        var at = 0;
        foreach (var (_, terms) in KeywordLexicon.Entries)
        {
            var hits = 0;
            foreach (var term in KeywordLexicon.Terms.Skip(at).Take(terms.Length))
            {
                var present = normalized.Contains(term, StringComparison.Ordinal);
                dense.Add(present ? 1 : 0);
                if (present) hits++;
            }
            hitsPerType.Add(hits);
            at += terms.Length;
        }
        dense.AddRange(hitsPerType.Select(h => (float?)h));
        dense.AddRange(Layout(vision, text));
        dense.AddRange(Statistics(vision.Statistics));

        for (var i = 0; i < dense.Count; i++)
            if (dense[i] is { } v) columns[HashBuckets + i] = v;
        return new SparseVector(columns.Keys.ToArray(), columns.Values.ToArray());
    }

    private static void AddHashedGrams(string text, SortedDictionary<int, float> columns)
    {
        var counts = new Dictionary<int, int>();
        foreach (var gram in TextNGrams.Extract(text))
        {
            var b = Bucket(gram);
            counts[b] = counts.GetValueOrDefault(b) + 1;
        }
        if (counts.Count == 0) return;
        var weights = counts.ToDictionary(kv => kv.Key, kv => 1 + Math.Log(kv.Value));
        var norm = Math.Sqrt(weights.Values.Sum(w => w * w));
        foreach (var (b, w) in weights) columns[b] = (float)(w / norm);
    }

    private static IEnumerable<float?> Layout(VisionResult vision, string text)
    {
        var lines = vision.Pages.SelectMany(p => p.Lines).Select(l => l.Text).Where(t => t.Trim().Length > 0).ToList();
        var nonSpace = text.Count(c => !char.IsWhiteSpace(c));
        var first = vision.Pages.Count > 0 ? vision.Pages[0] : null;
        yield return vision.Pages.Count;
        yield return (float)Math.Log(1 + lines.Count);
        yield return lines.Count == 0 ? 0 : (float)lines.Average(l => l.Length);
        yield return (float)Math.Log(1 + nonSpace);
        yield return lines.Count == 0 ? 0 : (float)lines.Count(IsTableRow) / lines.Count;
        yield return nonSpace == 0 ? 0 : (float)text.Count(char.IsAsciiDigit) / nonSpace;
        yield return nonSpace == 0 ? 0 : (float)text.Count(TextNGrams.IsHan) / nonSpace;
        yield return (float)Math.Log(1 + TextPatterns.Amounts(text));
        yield return (float)Math.Log(1 + TextPatterns.Dates(text));
        yield return TextPatterns.LuhnCardNumbers(text);
        yield return TextPatterns.ResidentIdNumbers(text);
        yield return first is { Width: > 0 } ? (float)first.Height / first.Width : null;
        yield return vision.Pages.Count == 0 ? null : (float)vision.Pages.Average(p => p.MeanConfidence);
    }

    /// <summary>A line that looks like a table row: three or more cells, at least two of them numeric.</summary>
    private static bool IsTableRow(string line)
    {
        var cells = line.Split([' ', '\t', '|'], StringSplitOptions.RemoveEmptyEntries);
        return cells.Length >= 3 && cells.Count(c => c.Any(char.IsAsciiDigit)) >= 2;
    }

    private static IEnumerable<float?> Statistics(IReadOnlyList<PageStatistics> statistics)
    {
        if (statistics.Count == 0) return StatisticNames.Select(_ => (float?)null);
        return
        [
            (float)statistics.Average(s => s.AspectRatio),
            (float)statistics.Average(s => s.InkDensity),
            (float)statistics.Average(s => s.MeanSaturation),
            (float)statistics.Average(s => s.RedShare),
            (float)Math.Log(1 + statistics.Average(s => s.HorizontalRules)),
            (float)Math.Log(1 + statistics.Average(s => s.VerticalRules)),
        ];
    }
}
