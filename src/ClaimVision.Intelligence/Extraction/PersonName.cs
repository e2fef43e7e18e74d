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
}
