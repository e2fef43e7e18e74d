using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.InsuranceCard;

/// <summary>Insurance or social-security card (社会保障卡 / member card): the member, the ID number and the policy.</summary>
public static class InsuranceCardSchema
{
    public static FieldSchema Schema { get; } = new(DocumentType.InsuranceCard,
    [
        new(FieldNames.PatientName, FieldKind.Text, IsKey: true),
        new(FieldNames.PatientIdNumber, FieldKind.IdNumber, IsKey: true),
        new(FieldNames.PolicyNumber, FieldKind.Identifier),
        new(FieldNames.ExpiryDate, FieldKind.RangeEnd),
    ]);
}
