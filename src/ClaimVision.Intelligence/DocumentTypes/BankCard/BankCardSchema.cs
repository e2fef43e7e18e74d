using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.BankCard;

/// <summary>Bank card (借记卡 / debit or credit card): where a payout goes — the issuing bank, the card number, its expiry
/// month and, on cards that print one, the holder's name (patientName: the person the claim is paid to, checked against
/// the insured in assessment).</summary>
public static class BankCardSchema
{
    public static FieldSchema Schema { get; } = new(DocumentType.BankCard,
    [
        new(FieldNames.CardNumber, FieldKind.CardNumber, IsKey: true),
        new(FieldNames.BankName, FieldKind.Text),
        new(FieldNames.ExpiryDate, FieldKind.MonthYear),
        new(FieldNames.PatientName, FieldKind.Text),
    ]);
}
