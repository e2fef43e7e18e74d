using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.Prescription;

/// <summary>Prescription (处方笺): the patient, the diagnosis it treats and the date it was written.</summary>
public static class PrescriptionSchema
{
    public static FieldSchema Schema { get; } = new(DocumentType.Prescription,
    [
        new(FieldNames.ProviderName, FieldKind.Text, IsKey: true),
        new(FieldNames.PatientName, FieldKind.Text, IsKey: true),
        new(FieldNames.PatientSex, FieldKind.Sex),
        new(FieldNames.MedicalRecordNumber, FieldKind.Identifier),
        new(FieldNames.Department, FieldKind.Text),
        new(FieldNames.DocumentDate, FieldKind.Date, IsKey: true),
        new(FieldNames.Diagnosis, FieldKind.Text, IsKey: true),
        new(FieldNames.PhysicianName, FieldKind.Text),
    ]);
}
