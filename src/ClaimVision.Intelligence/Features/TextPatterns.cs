using System.Text.RegularExpressions;

namespace ClaimVision.Intelligence.Features;

/// <summary>Counts of patterns that typify document kinds: amounts, dates, card and ID numbers.</summary>
public static partial class TextPatterns
{
    [GeneratedRegex(@"(?<![\d.,])(?:[¥￥$]\s?)?\d{1,3}(?:,\d{3})*\.\d{2}(?!\d)|[¥￥$]\s?\d[\d,]*(?:\.\d+)?")]
    private static partial Regex Amount();

    [GeneratedRegex(@"\d{4}\s?[-/.年]\s?\d{1,2}\s?[-/.月]\s?\d{1,2}|\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{1,2}[- ](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[- ]\d{2,4}", RegexOptions.IgnoreCase)]
    private static partial Regex Date();

    // 13–19 digits, optionally in groups of four separated by single spaces or dashes (as embossed on cards).
    [GeneratedRegex(@"(?<!\d)(?:\d{4}[ -]?){3}\d{1,7}(?!\d)")]
    private static partial Regex CardNumber();

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?![\dA-Za-z])")]
    private static partial Regex ResidentId();

    public static int Amounts(string text) => Amount().Count(text);
    public static int Dates(string text) => Date().Count(text);
    public static int ResidentIdNumbers(string text) => ResidentId().Count(text);

    /// <summary>Card-number-shaped digit runs that pass the Luhn check (a random 16 digits passes one time in ten).</summary>
    public static int LuhnCardNumbers(string text)
    {
        var n = 0;
        foreach (Match m in CardNumber().Matches(text))
        {
            var digits = string.Concat(m.Value.Where(char.IsAsciiDigit));
            if (digits.Length is >= Domain.Payments.PaymentCard.MinLength and <= Domain.Payments.PaymentCard.MaxLength
                && Domain.Payments.PaymentCard.PassesLuhn(digits)) n++;
        }
        return n;
    }
}
