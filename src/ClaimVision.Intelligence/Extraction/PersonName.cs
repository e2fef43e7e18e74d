using System.Text.RegularExpressions;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// Whether text after a name label can be a person's name. Bare labels such as Patient and Member also occur in titles
/// (DETAILED PATIENT CHARGES, Member Health Plan Card); what follows them there is a document or plan noun, never a name.
/// </summary>
public static partial class PersonName
{
    [GeneratedRegex(@"\b(?:CARD|PLAN|HEALTH|CHARGES?|HOSPITAL|INSURANCE|CLAIM|FORM|REPORT|STATEMENT|SUMMARY|BILL|INVOICE|RECORDS?|INFORMATION|DETAILS?|SERVICES?|ID|NUMBER|SIGNATURE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentNoun();

    public static bool IsPlausible(string text) => !DocumentNoun().IsMatch(text) && !text.Any(char.IsAsciiDigit);

    /// <summary>A Latin name without the marks OCR adds that no name holds: a symbol or quote at either end of a word (the
    /// card's texture or a box rule read as <c>©</c>, <c>‘</c>, <c>|</c>: <c>SARAH JACKSON ©</c>, <c>JESSICA ‘TAYLOR</c>), a word of
    /// marks alone, and <c>!</c> or <c>|</c> between capitals (or <c>!</c> ending a word in capitals), which in a name can
    /// only be an I (<c>WE! LEE</c>, <c>PR|YA</c>). Points, hyphens and apostrophes stay (<c>J. O'NEIL-SMITH</c>); names with Chinese characters and
    /// names without a letter are returned unchanged.</summary>
    public static string WithoutStrayMarks(string name)
    {
        if (!name.Any(char.IsAsciiLetter) || name.Any(Normalization.TextCleanup.IsHan)) return name;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Any(char.IsAsciiLetterLower) ? w : BarAsI().Replace(w, "I"))
            .Select(w => w.Trim(StrayMarks))
            .Where(w => w.Any(char.IsLetter));
        var cleaned = string.Join(' ', words);
        return cleaned.Length == 0 ? name : cleaned;
    }

    private static readonly char[] StrayMarks = ['‘', '’', '“', '”', '"', '`', '´', '©', '®', '™', '|', '!', '_', '~', '*', '•', '«', '»', ',', ';', ':'];

    // ! or | between two capitals, or ! after a capital at a word's end: the I of a word in capitals. A | at a word's
    // end is a box rule and is trimmed as a mark.
    [GeneratedRegex(@"(?<=[A-Z])[!|](?=[A-Z])|(?<=[A-Z])!$")]
    private static partial Regex BarAsI();

    // A doctor's title as OCR reads a handwriting font: De., De, D-, Dr, Or. before an initial and a capitalised surname.
    [GeneratedRegex(@"^(?:D[er]|Or|D-)[.,]?\s+(?=[A-Z][.,]?\s+[A-Z][a-z])")]
    private static partial Regex MisreadDoctorTitle();

    // The initial after the title, its point lost (Dr. N Wilson).
    [GeneratedRegex(@"^Dr\. ([A-Z]) (?=[A-Z][a-z'])")]
    private static partial Regex InitialWithoutPoint();

    /// <summary>A physician's name with its title in one form: <c>De. D. Moore</c>, <c>D- D. Moore</c> and <c>Dr D. Moore</c>
    /// are <c>Dr. D. Moore</c>, and <c>Dr. N Wilson</c> is <c>Dr. N. Wilson</c>. Only the title and the point of the initial
    /// after it are touched; the name itself is as read.</summary>
    public static string WithDoctorTitle(string name) =>
        InitialWithoutPoint().Replace(MisreadDoctorTitle().Replace(name, "Dr. ", 1), "Dr. $1. ", 1);
}
