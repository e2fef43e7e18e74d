using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimVision.Intelligence.Normalization;

/// <summary>A money amount found in text: where, as printed, its value and the currency when printed next to it.</summary>
public sealed record AmountMatch(int Index, int Length, string Printed, decimal Value, string? Currency, bool HasDecimals)
{
    /// <summary>Why the figure's leading digits may be lost, or null: OCR often merges a ¥ with the first digit into
    /// one Chinese glyph (¥1,521.92 → 习 ,521.92; ¥66.52 → 丰 6.52), which leaves a plausible but wrong figure.</summary>
    public string? Damage { get; init; }
}

/// <summary>
/// Reads money amounts: ¥ / RM / $ / USD / 元 markers (HK$, S$, NT$, A$/AU$, C$/CA$, MOP$ are those places' dollars, not US ones), thousands separators (1,234.56 and 1.234,56), a comma as
/// decimal mark where it cannot be a thousands separator (12,50), and negatives written -12.00, (12.00), 12.00- or 12.00CR.
/// Five OCR misreadings of printed figures are repaired: a ¥ read as a capital Y glued to a figure with decimals
/// (Y255.22, Y9,656.92), a doubled separator (9,.656.92 → 9,656.92), a thousands comma spaced off the digit before it
/// (4 ,062.04: chi_sim splits the word there), a thousands comma read as a space right after a currency sign (¥4 244.35;
/// without the sign, 4 244.35 may be a count and a price), and cents spaced off the point, after it on thermal receipts (190. 00) and before it in chi_sim's
/// reading (5,229 .94).
/// </summary>
public static partial class AmountNormalizer
{
    /// <summary>What may stand right before a $ (not glued to a word): US, or the places whose own dollar it then is
    /// (HK$, S$, NT$ …); <see cref="CurrencyOf"/> names each. Documents count their currency markers with the same list.</summary>
    internal const string DollarPrefixes = "US|HK|S|NT|AU|A|CA|C|MOP";

    /// <summary>The decimal part: a separator and one or two digits, or the point spaced off either side of it, followed
    /// by exactly two digits that no further separator and digit follow (so neither "1. 12.81" nor a date "12. 06. 2018"
    /// is read as 1.12 or 12.06): OCR of thermal receipts spaces the cents off the point ("TOTAL: 190. 00"), and chi_sim
    /// splits a figure before it ("申请金额 : 5,229 .94").</summary>
    private const string Fraction = @"(?:[.,]\d{1,2}|(?:\.\s|\s\.)\d{2}(?![0-9]|\s?[.,]\s?\d))";

    private static readonly Regex Amount = new(
        @"(?<neg1>-|\()?\s?(?<cur>RMB|RM|USD|CNY|MYR|HKD|SGD|(?<![A-Za-z])(?:" + DollarPrefixes + @")\$|[¥$€£]|(?-i:Y)(?=\d[\d,.]*[.,]\d{2}(?!\d)))?\s?(?<neg2>-)?\s?" +
        @"(?<num>(?<=[¥$]\s?)\d{1,3} \d{3}(?:,\d{3})*[.,]\d{2}|\d{1,3}(?:(?: ,|[,.']{1,2})\d{3})+" + Fraction + @"?|\d+" + Fraction + @"?)(?![0-9])" +
        @"(?<tail>\s?(?:元|圆|CR|-(?![0-9])|\)))?",
        RegexOptions.Compiled | RegexOptions.IgnoreCase);

    /// <summary>A § glued to the front of a money figure is a 5 Tesseract misread in thermal print (<c>Net Amt : §3.55</c>
    /// for 53.55, <c>Payment : §0.00</c> for 50.00). Only before a figure with cents: a section of a law (<c>§4 Nr. 14
    /// UStG</c> on a German bill) has none. Same length, so positions in the text stay valid; the printed value keeps the §.</summary>
    private static string SectionSignForFive(string text) =>
        text.Contains('§') ? SectionSignBeforeMoney().Replace(text, "5") : text;

    [GeneratedRegex(@"(?<![0-9A-Za-z])§(?=[0-9]{1,3}(?:,[0-9]{3})*[.,][0-9]{2}(?![0-9]))")]
    private static partial Regex SectionSignBeforeMoney();

    /// <summary>A postcode of five digits whose first OCR read as § (<c>§6100</c> for 56100): the 5.</summary>
    public static string SectionSignInPostcode(string text) =>
        text.Contains('§') ? SectionSignBeforePostcode().Replace(text, "5") : text;

    [GeneratedRegex(@"(?<![0-9A-Za-z])§(?=[0-9]{4}(?![0-9]))")]
    private static partial Regex SectionSignBeforePostcode();

    /// <summary>The first amount in the text, or null.</summary>
    public static decimal? Parse(string text) => FindAll(text) is { Count: > 0 } all ? all[0].Value : null;

    /// <summary>Every amount in the text, in reading order.</summary>
    public static IReadOnlyList<AmountMatch> FindAll(string text)
    {
        var asRead = TextCleanup.ToHalfWidth(text);
        var clean = SectionSignForFive(asRead);
        var result = new List<AmountMatch>();
        foreach (Match m in Amount.Matches(clean))
        {
            if (ParseNumber(m.Groups["num"].Value.Replace(" ", "", StringComparison.Ordinal)) is not { } parsed) continue;
            // A digit run glued to letters (a product code, "A4") is not money.
            var start = m.Groups["num"].Index;
            if (start > 0 && char.IsLetter(clean[start - 1]) && !m.Groups["cur"].Success) continue;
            var tail = m.Groups["tail"].Value.Trim();
            var negative = m.Groups["neg2"].Success || tail is "-" || tail.Equals("CR", StringComparison.OrdinalIgnoreCase)
                           || (m.Groups["neg1"].Value == "-")
                           || (m.Groups["neg1"].Value == "(" && tail == ")");
            var currency = CurrencyOf(m.Groups["cur"].Value, tail);
            result.Add(new AmountMatch(m.Index, m.Length, asRead.Substring(m.Index, m.Length).Trim(), negative ? -parsed.Value : parsed.Value, currency, parsed.HasDecimals)
            {
                Damage = m.Groups["cur"].Success || m.Groups["neg1"].Success ? null : DamageBefore(clean, start),
            });
        }
        return result;
    }

    /// <summary>A figure that starts right after a separator (",521.92") or a lone Chinese glyph ("丰 6.52") has lost
    /// digits to a merged currency sign.</summary>
    private static string? DamageBefore(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && text[i] == ' ') i--;
        if (i < 0) return null;
        var c = text[i];
        if (c is ',' or '.' && (i == 0 || !char.IsAsciiDigit(text[i - 1])))
            return $"figure {text[start..].Split(' ')[0]} starts with a separator: its leading digits were not read";
        // Only a lone glyph (after a space, a colon or nothing): 护理费 231.00 is an item name, not a merged sign.
        if (TextCleanup.IsHan(c) && (i == 0 || text[i - 1] is ' ' or ':'))
            return $"glyph '{c}' before figure {text[start..].Split(' ')[0]}: a currency sign merged with a digit";
        return null;
    }

    /// <summary>ISO 4217 code for a printed currency marker, or null when none was printed.</summary>
    public static string? CurrencyOf(string marker, string tail = "")
    {
        var m = marker.Trim().ToUpperInvariant();
        if (m is "RM" or "MYR") return "MYR";
        if (m is "¥" or "Y" or "RMB" or "CNY" || tail is "元" or "圆") return "CNY";
        if (m is "$" or "USD" or "US$") return "USD";
        // Dollars of other places: a Hong Kong or Macau hospital's bill is not in US dollars.
        if (m is "HK$" or "HKD") return "HKD";
        if (m is "S$" or "SGD") return "SGD";
        if (m is "NT$") return "TWD";
        if (m is "A$" or "AU$") return "AUD";
        if (m is "C$" or "CA$") return "CAD";
        if (m is "MOP$") return "MOP";
        if (m is "€") return "EUR";
        if (m is "£") return "GBP";
        return null;
    }

    /// <summary>Parses one number token. The last separator followed by one or two digits is the decimal mark;
    /// every separator followed by three digits is a thousands separator.</summary>
    public static (decimal Value, bool HasDecimals)? ParseNumber(string token)
    {
        var t = token.Replace("'", "", StringComparison.Ordinal);
        var lastSep = t.LastIndexOfAny([',', '.']);
        string integer, fraction = "";
        if (lastSep >= 0 && t.Length - lastSep - 1 is 1 or 2)
        {
            integer = t[..lastSep];
            fraction = t[(lastSep + 1)..];
        }
        else
        {
            integer = t;
        }
        integer = integer.Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        if (integer.Length == 0) integer = "0";
        if (!decimal.TryParse(integer + (fraction.Length > 0 ? "." + fraction : ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return null;
        return (value, fraction.Length > 0);
    }

    /// <summary>Invariant text for a normalised amount: two decimals, no separators.</summary>
    public static string Format(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
