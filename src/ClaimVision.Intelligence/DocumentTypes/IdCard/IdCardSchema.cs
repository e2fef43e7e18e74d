using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.IdCard;

/// <summary>Identity card (居民身份证 / ID card, driver licence): the holder's name and resident ID number.</summary>
public static class IdCardSchema
{
    public static FieldSchema Schema { get; } = new(DocumentType.IdCard,
    [
        new(FieldNames.PatientName, FieldKind.Text, IsKey: true),
        new(FieldNames.PatientSex, FieldKind.Sex),
        new(FieldNames.PatientIdNumber, FieldKind.IdNumber, IsKey: true),
    ]);
}
