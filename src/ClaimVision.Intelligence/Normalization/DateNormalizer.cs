using System.Globalization;
using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Normalization;

/// <summary>A date found in text: where it was, the text as printed, and the calendar date.</summary>
public sealed record DateMatch(int Index, int Length, string Printed, DateOnly Date, bool Ambiguous);

/// <summary>
/// Reads dates in the forms Chinese and English paperwork prints them: 2018年6月12日, 2018-06-12, 2018.6.12,
/// 12/06/2018 (order from a hint unless a part exceeds 12), 12-Jun-2018, 12 June 2018, Jun 12, 2018, 20180612.
/// Digits misread by OCR as letters (O→0, l/I→1) are repaired inside date-shaped tokens only.
/// </summary>
public static partial class DateNormalizer
{
    // A "digit" as OCR prints it: the letters it confuses with 0 and 1 (and the bracket chi_sim reads for a 1,
    // 2022 年 1] 月) are accepted and repaired afterwards.
    private const string D = @"[0-9OolI|\]]";

    private static readonly string[] MonthNames =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    // chi_sim also sets a stray bracket after a two-digit month or day (2022 年 11] 月 27 日); it is passed over. And it misreads
    // 月 itself (2024 年 7j 5 日): one glyph that is no digit between the month and the day stands for it when 年 before and
    // 日 (or 号) after frame the date.
    private static readonly Regex Chinese = new($@"(?<y>{D}{{4}})\s*年\s*(?<m>{D}{{1,2}})\]?\s*(?:月\s*(?<d>{D}{{1,2}})\]?\s*[日号]?|[^\s0-9年月日号]\s*(?<d>{D}{{1,2}})\]?\s*[日号])", RegexOptions.Compiled);
    // A year first says the order, so the two separators may differ as OCR reads them (2021.03-08).
    private static readonly Regex YearFirst = new($@"(?<![0-9])(?<y>(?:[1l]9|2[0Oo]){D}{{2}})\s?[-./]\s?(?<m>{D}{{1,2}})\s?[-./]\s?(?<d>{D}{{1,2}})(?![0-9])", RegexOptions.Compiled);
    private static readonly Regex Numeric = new($@"(?<![0-9A-Za-z])(?<a>{D}{{1,2}})\s?(?<s>[-./])\s?(?<b>{D}{{1,2}})\s?\k<s>\s?(?<y>{D}{{4}}|{D}{{2}})(?![0-9])", RegexOptions.Compiled);
    private static readonly Regex DayMonthName = new($@"(?<![0-9])(?<d>{D}{{1,2}})(?:st|nd|rd|th)?[\s\-./]*(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-./,]*(?<y>{D}{{4}}|{D}{{2}})(?![0-9])", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    private static readonly Regex MonthNameDay = new($@"(?<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-]*(?<d>{D}{{1,2}})(?:st|nd|rd|th)?[\s,.\-]+(?<y>{D}{{4}})(?![0-9])", RegexOptions.Compiled | RegexOptions.IgnoreCase);
    private static readonly Regex Compact = new(@"(?<![0-9])(?<y>(?:19|20)\d{2})(?<m>\d{2})(?<d>\d{2})(?![0-9])", RegexOptions.Compiled);

    /// <summary>The first date in <paramref name="text"/>, or null.</summary>
    public static DateOnly? Parse(string text, DateOrder order = DateOrder.DayFirst) =>
        FindAll(text, order) is { Count: > 0 } all ? all[0].Date : null;

    /// <summary>The date as ISO 8601 (yyyy-MM-dd), or null.</summary>
    public static string? ToIso(string text, DateOrder order = DateOrder.DayFirst) =>
        Parse(text, order)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Every non-overlapping date in the text, in reading order. Forms that state the order
    /// unambiguously (year first, month names, 年月日) win over all-numeric forms on overlap.</summary>
    public static IReadOnlyList<DateMatch> FindAll(string text, DateOrder order = DateOrder.DayFirst)
    {
        var clean = TextCleanup.ToHalfWidth(text);
        var found = new List<DateMatch>();
        Collect(found, Chinese, clean, m => Build(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, false));
        Collect(found, YearFirst, clean, m => Build(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, false));
        Collect(found, DayMonthName, clean, m => Build(m.Groups["y"].Value, MonthOf(m.Groups["mon"].Value), m.Groups["d"].Value, false));
        Collect(found, MonthNameDay, clean, m => Build(m.Groups["y"].Value, MonthOf(m.Groups["mon"].Value), m.Groups["d"].Value, false));
        Collect(found, Numeric, clean, m => FromNumeric(m.Groups["a"].Value, m.Groups["b"].Value, m.Groups["y"].Value, order));
        Collect(found, Compact, clean, m => Build(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, false));
        found.Sort((x, y) => x.Index.CompareTo(y.Index));
        return found;
    }

    private static void Collect(List<DateMatch> found, Regex regex, string text, Func<Match, (DateOnly Date, bool Ambiguous)?> build)
    {
        foreach (Match m in regex.Matches(text))
        {
            if (found.Any(f => m.Index < f.Index + f.Length && f.Index < m.Index + m.Length)) continue;
            if (build(m) is { } r) found.Add(new DateMatch(m.Index, m.Length, m.Value.Trim(), r.Date, r.Ambiguous));
        }
    }

    private static (DateOnly, bool)? FromNumeric(string a, string b, string y, DateOrder order)
    {
        if (!TryDigits(a, out var first) || !TryDigits(b, out var second)) return null;
        var ambiguous = first <= 12 && second <= 12 && first != second;
        var dayFirst = first > 12 || (second <= 12 && order == DateOrder.DayFirst);
        return dayFirst ? Build(y, second.ToString(CultureInfo.InvariantCulture), a, ambiguous)
                        : Build(y, a, second.ToString(CultureInfo.InvariantCulture), ambiguous);
    }

    private static string MonthOf(string name) =>
        (Array.IndexOf(MonthNames, name[..3].ToLowerInvariant()) + 1).ToString(CultureInfo.InvariantCulture);

    private static (DateOnly, bool)? Build(string year, string month, string day, bool ambiguous)
    {
        if (!TryDigits(year, out var y) || !TryDigits(month, out var m) || !TryDigits(day, out var d)) return null;
        if (year.Length == 2) y += y < 50 ? 2000 : 1900;
        if (y is < 1900 or > 2100 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
        return (new DateOnly(y, m, d), ambiguous);
    }

    /// <summary>Parses digits after repairing OCR letter confusions (O/o→0, l/I/|/]→1).</summary>
    private static bool TryDigits(string s, out int value)
    {
        Span<char> buf = stackalloc char[s.Length];
        for (var i = 0; i < s.Length; i++)
            buf[i] = s[i] switch { 'O' or 'o' => '0', 'l' or 'I' or '|' or ']' => '1', _ => s[i] };
        return int.TryParse(buf, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
