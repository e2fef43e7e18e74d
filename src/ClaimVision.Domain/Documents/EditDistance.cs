namespace ClaimVision.Domain.Documents;

/// <summary>Levenshtein distance (insertions, deletions and substitutions of one character each), the one the OCR
/// measures, the catalogue matching and the claim's ID settling all count edits with.</summary>
public static class EditDistance
{
    /// <summary>The edit distance of <paramref name="a"/> and <paramref name="b"/>, or <paramref name="cap"/> once it is
    /// certainly that or more: a caller asking "within k edits?" passes k + 1 and stops paying for far strings early.
    /// O(min(n, m)) memory.</summary>
    public static int Capped(string a, string b, int cap = int.MaxValue)
    {
        if (a.Length < b.Length) (a, b) = (b, a);
        if (a.Length - b.Length >= cap) return cap;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin >= cap) return cap;
            (previous, current) = (current, previous);
        }
        return Math.Min(previous[b.Length], cap);
    }
}
