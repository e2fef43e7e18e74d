using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.SettlementSheet;

/// <summary>Basic-insurance settlement sheet (医疗保险结算单): how the total split between the funds and the patient.</summary>
public static class SettlementSheetSchema
{
    public static FieldSchema Schema { get; } = new(DocumentType.SettlementSheet,
    [
        new(FieldNames.ProviderName, FieldKind.Text, IsKey: true),
        new(FieldNames.ProviderLevel, FieldKind.Text),
        new(FieldNames.PatientName, FieldKind.Text, IsKey: true),
        new(FieldNames.PatientIdNumber, FieldKind.IdNumber, IsKey: true),
        new(FieldNames.MedicalRecordNumber, FieldKind.Identifier),
        new(FieldNames.AdmissionDate, FieldKind.Date),
        new(FieldNames.DischargeDate, FieldKind.Date),
        new(FieldNames.DocumentDate, FieldKind.Date),
        new(FieldNames.Diagnosis, FieldKind.Text),
        new(FieldNames.TotalAmount, FieldKind.Amount, IsKey: true),
        new(FieldNames.InsurancePaidAmount, FieldKind.Amount, IsKey: true),
        new(FieldNames.CriticalIllnessAmount, FieldKind.Amount),
        new(FieldNames.PersonalPaidAmount, FieldKind.Amount, IsKey: true),
        new(FieldNames.CoveredAmount, FieldKind.Amount),
        new(FieldNames.SelfPaidAmount, FieldKind.Amount),
        new(FieldNames.OutOfCatalogueAmount, FieldKind.Amount),
        new(FieldNames.Currency, FieldKind.Text),
    ]);
}
