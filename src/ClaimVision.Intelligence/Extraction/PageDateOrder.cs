using System.Globalization;
using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Normalization;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// How a document writes its all-numeric dates, decided from the document itself before any field is read:
/// a date whose first part exceeds 12 (24/04/2022) proves day-first, one whose second part does (04/24/2022) proves
/// month-first; without such proof, a printed length of stay that only one reading of the dates matches decides;
/// then amounts in US dollars or a US address (", TX 78701") mean a US document (MM/DD/YYYY). Otherwise the caller's
/// default stands, without a proof (the claim's other documents may settle it: <see cref="Domain.Assessment.ClaimDateOrder"/>).
/// Only what the page proves overrides the default, and conflicting proof leaves it alone.
/// </summary>
public static partial class PageDateOrder
{
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?<a>[0-9]{1,2})\s?(?<s>[-./])\s?(?<b>[0-9]{1,2})\s?\k<s>\s?(?:[0-9]{4}|[0-9]{2})(?![0-9])")]
    private static partial Regex NumericDate();

    // ", TX 78701": a US state code and ZIP code closing an address line.
    [GeneratedRegex(@",\s*(?<state>A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])\s+[0-9]{5}(?:-[0-9]{4})?\b")]
    private static partial Regex UsAddress();

    // A line that gives someone's birth date (DOB 02/16/1955 on a US ID card, D.O.B., a misread D0B, 出生日期 on a form), or
    // a card's expiry, which on a US driver licence is the holder's birthday.
    [GeneratedRegex(@"(?<![A-Za-z])D\.?\s?[O0]\.?\s?B(?![a-z])|birth|(?<![A-Za-z])born(?![a-z])|出生|生日|(?<![A-Za-z])EXP(?![a-z])|expir|有效期", RegexOptions.IgnoreCase)]
    private static partial Regex PersonalDateLine();

    [GeneratedRegex(@"(?:length\s+of\s+stay|住\s*院\s*天\s*数)\D{0,4}?(?<n>[0-9]{1,3})\s*(?:days?|天)", RegexOptions.IgnoreCase)]
    private static partial Regex StayLength();

    /// <summary>A printed length of stay ("Length of stay: 4 days", 住院天数: 4 天) decides between two readings of the
    /// page's numeric dates when exactly one of them holds a pair of dates that many days apart (03/01 → 03/05 is four
    /// days read month first, four months read day first).</summary>
    private static DocumentDateOrder? StayDecides(DocumentView view)
    {
        var stay = view.Lines.Select(l => StayLength().Match(l.Text)).FirstOrDefault(m => m.Success);
        if (stay is null) return null;
        var days = int.Parse(stay.Groups["n"].Value, CultureInfo.InvariantCulture);
        var text = string.Join('\n', view.Lines.Select(l => l.Text));
        bool Holds(DateOrder order)
        {
            var dates = DateNormalizer.FindAll(text, order).Where(d => d.Ambiguous).Select(d => d.Date).ToList();
            return dates.Any(a => dates.Any(b => b.DayNumber - a.DayNumber == days));
        }
        bool day = Holds(DateOrder.DayFirst), month = Holds(DateOrder.MonthFirst);
        if (day == month) return null;
        var order = day ? DateOrder.DayFirst : DateOrder.MonthFirst;
        return new DocumentDateOrder(order, $"the printed length of stay, {days} days, fits its dates read {DocumentDateOrder.Describe(order)}");
    }

    [GeneratedRegex(@"^\s?[AP]\.?M\b", RegexOptions.IgnoreCase)]
    private static partial Regex Meridiem();

    /// <summary>A receipt's clock time written with points (<c>12.17.26 PM</c>) looks like a date and would "prove"
    /// month first: a match shaped like a time (hours to 23, then minutes and seconds to 59, two digits each after
    /// the first) is one when AM/PM follows it, or when it is written with points right after a date on its line
    /// (<c>Date 06/01/18 12.17.26</c>). A second date on a line (<c>03.01.2021 … 25.01.2021</c>) is no time.</summary>
    private static bool IsClockTime(string line, Match m, Match? previousOnLine)
    {
        var parts = m.Value.Split(['.', '/', '-'], StringSplitOptions.TrimEntries);
        if (parts is not [var h, { Length: 2 } min, { Length: 2 } sec]
            || int.Parse(h, CultureInfo.InvariantCulture) > 23 || int.Parse(min, CultureInfo.InvariantCulture) > 59
            || int.Parse(sec, CultureInfo.InvariantCulture) > 59) return false;
        return Meridiem().IsMatch(line.AsSpan(m.Index + m.Length).ToString())
               || (previousOnLine is not null && m.Groups["s"].Value == ".");
    }

    /// <summary>The order the page's all-numeric dates are read in and what on the page proves it; without proof,
    /// <paramref name="fallback"/> and a null <see cref="DocumentDateOrder.Proof"/>.</summary>
    public static DocumentDateOrder Decide(DocumentView view, DateOrder fallback)
    {
        string? dayFirst = null, monthFirst = null;
        foreach (var line in view.Lines)
        {
            Match? previous = null;
            var personal = PersonalDateLine().IsMatch(line.Text);
            foreach (Match m in NumericDate().Matches(line.Text))
            {
                var time = IsClockTime(line.Text, m, previous);
                previous = m;
                if (time) continue;
                var a = int.Parse(m.Groups["a"].Value, CultureInfo.InvariantCulture);
                var b = int.Parse(m.Groups["b"].Value, CultureInfo.InvariantCulture);
                if (a is > 12 and <= 31 && b is >= 1 and <= 12) Prove(ref dayFirst, m, personal);
                if (b is > 12 and <= 31 && a is >= 1 and <= 12) Prove(ref monthFirst, m, personal);
            }
        }
        if ((dayFirst is null) != (monthFirst is null))
            return dayFirst is not null
                ? new DocumentDateOrder(DateOrder.DayFirst, $"{dayFirst} on the page can only be read day first")
                : new DocumentDateOrder(DateOrder.MonthFirst, $"{monthFirst} on the page can only be read month first");
        if (dayFirst is not null) return new DocumentDateOrder(fallback, null);
        if (StayDecides(view) is { } stay) return stay;
        if (LabelledTypeExtractor.CurrencyOf(view) is { Normalized: "USD" })
            return new DocumentDateOrder(DateOrder.MonthFirst, "amounts in US dollars");
        if (view.Lines.Select(l => UsAddress().Match(l.Text)).FirstOrDefault(m => m.Success) is { } address)
            return new DocumentDateOrder(DateOrder.MonthFirst, $"a US address ({address.Groups["state"].Value} and a ZIP code)");
        return new DocumentDateOrder(fallback, null);
    }

    /// <summary>
    /// Keeps the first date that proves an order, preferring one that may be quoted. The proof travels into the claim's
    /// reasons, which mask birth dates, so a date on a line that gives a birth date or a card's expiry (a US driver
    /// licence expires on its holder's birthday) is described, "a personal date", not quoted; any other date is quoted
    /// for the adjuster to find, and replaces such a description. A ZIP code is not quoted either: with the state it
    /// narrows down where someone lives, and the page's address may be the patient's.
    /// </summary>
    private static void Prove(ref string? proof, Match date, bool personal)
    {
        if (proof is not null && (personal || proof != PersonalDate)) return;
        proof = personal ? PersonalDate : date.Value;
    }

    private const string PersonalDate = "a personal date (a birth date or an expiry)";
}
