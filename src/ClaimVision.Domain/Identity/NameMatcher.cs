using System.Text;

namespace ClaimVision.Domain.Identity;

/// <summary>How two spellings of a person's name relate.</summary>
public enum NameMatch
{
    /// <summary>Identical after normalisation (width, case, spacing, middle dots).</summary>
    Same,
    /// <summary>Differ only in characters OCR is known to confuse (王/玉, 0/O …): likely the same person.</summary>
    Confusable,
    Different,
}

/// <summary>
/// Compares names read by OCR with names typed into a registry. OCR swaps look-alike glyphs, so a strict
/// comparison would send every such misread to a human; the confusion classes below are the pairs that
/// Tesseract's chi_sim and eng models are known to swap on printed forms.
/// </summary>
public static class NameMatcher
{
    private static readonly string[] ConfusionClasses =
    [
        "王玉壬主", "日曰目", "己已巳", "未末", "土士", "人入八", "刀力", "大太犬丈", "天夭", "侯候", "贝见",
        "折拆", "徽微", "晴睛", "辩辨辫", "杨扬汤", "洁浩", "兰兴", "春舂", "淑叔", "秀锈", "梅海", "军车",
        "华毕", "红虹", "丽而", "云去", "明朋", "文义", "芳苦", "英央", "凤风", "娟涓", "霞震",
        "0OoQD", "1lI|", "5Ss", "8B", "2Zz", "6G",
    ];

    private static readonly Dictionary<char, int> ClassOf = BuildClasses();

    private static Dictionary<char, int> BuildClasses()
    {
        var map = new Dictionary<char, int>();
        for (var i = 0; i < ConfusionClasses.Length; i++)
            foreach (var c in ConfusionClasses[i]) map.TryAdd(c, i);
        return map;
    }

    /// <summary>Compares two names; at most <paramref name="maxConfusions"/> look-alike substitutions are tolerated.</summary>
    public static NameMatch Compare(string? a, string? b, int maxConfusions = 1)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        if (x.Length == 0 || y.Length == 0) return NameMatch.Different;
        if (string.Equals(x, y, StringComparison.OrdinalIgnoreCase)) return NameMatch.Same;
        if (x.Length != y.Length) return NameMatch.Different;
        var confusions = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (char.ToUpperInvariant(x[i]) == char.ToUpperInvariant(y[i])) continue;
            if (!ClassOf.TryGetValue(x[i], out var cx) || !ClassOf.TryGetValue(y[i], out var cy) || cx != cy) return NameMatch.Different;
            confusions++;
        }
        return confusions <= maxConfusions ? NameMatch.Confusable : NameMatch.Different;
    }

    /// <summary>Width-folded (NFKC), without spaces or middle dots (阿依·古丽); case is kept because OCR confuses l with 1, not L.</summary>
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var folded = name.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || c is '·' or '•' or '・' or '.' or '-') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
