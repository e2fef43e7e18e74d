using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.DiagnosisCertificate;

/// <summary>Diagnosis certificate (诊断证明书 / medical certificate): who was diagnosed with what, where and when.</summary>
public static class DiagnosisCertificateSchema
{
    public static FieldSchema Schema { get; } = new(DocumentType.DiagnosisCertificate,
    [
        new(FieldNames.ProviderName, FieldKind.Text, IsKey: true),
        new(FieldNames.PatientName, FieldKind.Text, IsKey: true),
        new(FieldNames.PatientSex, FieldKind.Sex),
        new(FieldNames.MedicalRecordNumber, FieldKind.Identifier),
        new(FieldNames.Department, FieldKind.Text),
        new(FieldNames.Diagnosis, FieldKind.Text, IsKey: true),
        new(FieldNames.DiagnosisCode, FieldKind.DiagnosisCode),
        new(FieldNames.PhysicianName, FieldKind.Text),
        new(FieldNames.DocumentDate, FieldKind.Date, IsKey: true),
    ]);
}
