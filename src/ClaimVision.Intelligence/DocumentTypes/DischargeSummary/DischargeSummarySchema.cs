using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.DischargeSummary;

/// <summary>Discharge summary (出院小结 / 出院记录): the stay and its diagnosis.</summary>
public static class DischargeSummarySchema
{
    public static FieldSchema Schema { get; } = new(DocumentType.DischargeSummary,
    [
        new(FieldNames.ProviderName, FieldKind.Text, IsKey: true),
        new(FieldNames.PatientName, FieldKind.Text, IsKey: true),
        new(FieldNames.PatientSex, FieldKind.Sex),
        new(FieldNames.MedicalRecordNumber, FieldKind.Identifier),
        new(FieldNames.Department, FieldKind.Text),
        new(FieldNames.AdmissionDate, FieldKind.Date, IsKey: true),
        new(FieldNames.DischargeDate, FieldKind.Date, IsKey: true),
        new(FieldNames.Diagnosis, FieldKind.Text, IsKey: true),
        new(FieldNames.DiagnosisCode, FieldKind.DiagnosisCode),
        new(FieldNames.PhysicianName, FieldKind.Text),
    ]);
}
