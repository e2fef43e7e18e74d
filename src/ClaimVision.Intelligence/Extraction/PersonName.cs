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
