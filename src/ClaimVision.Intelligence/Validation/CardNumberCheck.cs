using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Payments;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.Validation;

/// <summary>
/// The Luhn check of a card or account number read by OCR. A passing check digit confirms the other digits (a wrong
/// number passes one time in ten); a failing one marks the reading as probably misread and lowers its confidence. Some
/// old Chinese debit cards carry no Luhn digit, so assessment treats a failure as a doubt, never as a refusal.
/// </summary>
public static class CardNumberCheck
{
    public const string Name = "cardLuhnCheck";

    /// <summary>A wrong number passes the Luhn check one time in ten.</summary>
    public const double FalsePassRate = 0.1;

    public static ExtractedField Apply(ExtractedField field)
    {
        var digits = field.Normalized ?? PaymentCard.Normalize(field.Value);
        if (digits is null) return FieldChecks.Apply(field, [new FieldCheck(Name, false, "no card number of 13 to 19 digits")]);
        return PaymentCard.PassesLuhn(digits)
            ? FieldChecks.ConfirmedBy(field, new FieldCheck(Name, true, "the last digit is the Luhn check digit of the others"), FalsePassRate)
            : FieldChecks.Apply(field, [new FieldCheck(Name, false, $"the Luhn check digit does not match: probably misread")]);
    }
}
