namespace ClaimVision.Vision.Ocr;

/// <summary>
/// Character error rate: edit distance (insertions, deletions, substitutions) between recognised and expected
/// text, divided by the expected length. Both sides are compared with runs of whitespace removed, because
/// line breaks and the spaces Tesseract puts between Chinese characters are layout, not reading errors.
/// </summary>
public static class CharacterErrorRate
{
    public static double Compute(string recognised, string expected)
    {
        var r = Normalise(recognised);
        var e = Normalise(expected);
        if (e.Length == 0) return r.Length == 0 ? 0 : 1;
        return (double)EditDistance(r, e) / e.Length;
    }

    /// <summary>
    /// Line-matched CER, blind to reading order: every expected line is matched to the recognised line in which it reads
    /// best — the fewest edits against any stretch of that line, so a label and its value printed on one line but
    /// listed as two expected lines both match — and the edits of all expected lines are summed over their length.
    /// Recognised lines nobody expects (decorative rows) cost nothing here; <see cref="Compute"/> counts order and extras.
    /// </summary>
    public static double LineMatched(string recognised, string expected)
    {
        var lines = SplitLines(recognised);
        var edits = 0;
        var length = 0;
        foreach (var line in SplitLines(expected))
        {
            length += line.Length;
            edits += lines.Count == 0 ? line.Length : lines.Min(r => SubstringEditDistance(line, r));
        }
        return length == 0 ? (lines.Count == 0 ? 0 : 1) : (double)edits / length;
    }

    /// <summary>The fewest edits turning <paramref name="pattern"/> into some stretch of <paramref name="text"/>
    /// (leading and trailing text is free).</summary>
    public static int SubstringEditDistance(string pattern, string text)
    {
        var prev = new int[text.Length + 1];
        var cur = new int[text.Length + 1];
        for (var i = 1; i <= pattern.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= text.Length; j++)
            {
                var cost = pattern[i - 1] == text[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return pattern.Length == 0 ? 0 : prev.Min();
    }

    private static List<string> SplitLines(string text) =>
        text.Split('\n').Select(Normalise).Where(l => l.Length > 0).ToList();

    /// <summary>Whitespace removed, full-width ASCII (：，（ …) folded to its half-width form.</summary>
    public static string Normalise(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Levenshtein distance (<see cref="Domain.Documents.EditDistance"/>).</summary>
    public static int EditDistance(string a, string b) => Domain.Documents.EditDistance.Capped(a, b);
}
