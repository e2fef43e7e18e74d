using System.Globalization;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Normalization;

namespace ClaimVision.Intelligence.Evaluation;

/// <summary>How strictly text fields are compared.</summary>
public enum TextMatch
{
    /// <summary>Equal after collapsing runs of whitespace (case-sensitive).</summary>
    Strict,
    /// <summary>Equal after removing all whitespace, case-insensitive: OCR and annotators disagree on spaces around punctuation.</summary>
    IgnoreSpaces,
}

/// <summary>Whether a predicted field equals the truth: dates as ISO dates, amounts as decimals, text as text.</summary>
public static class FieldMatcher
{
    public static bool Matches(string field, string truth, ExtractedField predicted, TextMatch mode, DateOrder order = DateOrder.DayFirst)
    {
        switch (field)
        {
            case FieldNames.DocumentDate or FieldNames.AdmissionDate or FieldNames.DischargeDate or FieldNames.PatientBirthDate or FieldNames.ExpiryDate:
                // A card's expiry is a month (2030-06): compared as that month.
                if (IsYearMonth(truth)) return truth == predicted.Normalized;
                var t = DateNormalizer.ToIso(truth, order);
                return t is not null && t == (predicted.Normalized ?? DateNormalizer.ToIso(predicted.Value, order));
            case var _ when IsAmount(field):
                var a = AmountNormalizer.Parse(truth);
                var p = decimal.TryParse(predicted.Normalized, NumberStyles.Number | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : AmountNormalizer.Parse(predicted.Value);
                return a is not null && a == p;
            default:
                return Text(truth, mode) == Text(predicted.Normalized ?? predicted.Value, mode);
        }
    }

    private static bool IsYearMonth(string s) =>
        s.Length == 7 && s[4] == '-' && s.Remove(4, 1).All(char.IsAsciiDigit);

    private static bool IsAmount(string field) => field.EndsWith("Amount", StringComparison.Ordinal);

    private static string Text(string s, TextMatch mode) => mode == TextMatch.Strict
        ? TextCleanup.Clean(s)
        : TextCleanup.RemoveSpaces(TextCleanup.ToHalfWidth(s)).ToUpperInvariant();
}
