using System.Text;

namespace ClaimVision.Intelligence.Normalization;

/// <summary>Text clean-up applied before any field is matched: full-width forms to half-width, one space between words.</summary>
public static class TextCleanup
{
    /// <summary>Maps full-width ASCII (U+FF01–U+FF5E), the ideographic space and the full-width yen sign to their
    /// half-width forms; Chinese OCR output mixes both widths within one line.</summary>
    public static string ToHalfWidth(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                '\u3000' => ' ',
                '\uFFE5' => '¥',
                _ => c,
            });
        }
        return sb.ToString();
    }

    /// <summary>Collapses runs of whitespace to one space and trims.</summary>
    public static string CollapseWhitespace(string text)
    {
        var sb = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) sb.Append(' ');
            pendingSpace = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Half-width, single-spaced, trimmed.</summary>
    public static string Clean(string text) => CollapseWhitespace(ToHalfWidth(text));

    /// <summary>Removes every space: Chinese labels come back from OCR with stray spaces between characters.</summary>
    public static string RemoveSpaces(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Drops the spaces chi_sim puts beside Chinese characters (2 型糖尿病 → 2型糖尿病, 新华路 113 号 → 新华路113号);
    /// spaces between Latin words (Type 2 diabetes) and between a Chinese character and a Latin letter stay.</summary>
    public static string RemoveSpacesBesideHan(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && sb.Length > 0 && i + 1 < text.Length && Joins(sb[^1], text[i + 1])) continue;
            sb.Append(text[i]);
        }
        return sb.ToString();
    }

    /// <summary>A character of the CJK Unified Ideographs block (U+4E00–U+9FFF), where the characters of Chinese
    /// paperwork lie. (The classifier's n-grams use a wider definition; its trained model depends on it.)</summary>
    public static bool IsHan(char c) => c is >= '\u4E00' and <= '\u9FFF';

    // Han beside Han or a digit; a Latin letter keeps its space (急性阑尾炎 K35.8: the ICD code is split off later).
    private static bool Joins(char left, char right) =>
        (IsHan(left) && (IsHan(right) || char.IsAsciiDigit(right))) || (IsHan(right) && char.IsAsciiDigit(left));

    /// <summary>A Latin name printed in capitals (ID cards, CMS-1500 boxes) in its usual spelling: SITI THOMAS → Siti Thomas,
    /// O'NEIL → O'Neil. Anything else (mixed case, Chinese, digits) is returned unchanged.</summary>
    public static string NameCase(string name)
    {
        if (!name.Any(char.IsAsciiLetter) || name.Any(c => !(char.IsAsciiLetterUpper(c) || c is ' ' or '-' or '\'' or '.'))) return name;
        var sb = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
            sb.Append(i > 0 && char.IsAsciiLetter(name[i - 1]) ? char.ToLowerInvariant(name[i]) : name[i]);
        return sb.ToString();
    }
}
