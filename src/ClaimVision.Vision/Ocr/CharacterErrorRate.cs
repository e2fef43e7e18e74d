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

    /// <summary>Whitespace removed, full-width ASCII (：，（ …) folded to its half-width form.</summary>
    public static string Normalise(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormKC))
            if (!char.IsWhiteSpace(c)) sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Levenshtein distance in O(min(n, m)) memory.</summary>
    public static int EditDistance(string a, string b)
    {
        if (a.Length < b.Length) (a, b) = (b, a);
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
