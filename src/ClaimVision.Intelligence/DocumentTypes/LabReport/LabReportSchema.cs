using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.LabReport;

/// <summary>Laboratory report (检验报告单): the patient, the test ordered and the reporting date (results stay in the table).</summary>
public static class LabReportSchema
{
    public static FieldSchema Schema { get; } = new(DocumentType.LabReport,
    [
        new(FieldNames.ProviderName, FieldKind.Text, IsKey: true),
        new(FieldNames.PatientName, FieldKind.Text, IsKey: true),
        new(FieldNames.PatientSex, FieldKind.Sex),
        new(FieldNames.MedicalRecordNumber, FieldKind.Identifier),
        new(FieldNames.Department, FieldKind.Text),
        new(FieldNames.TestName, FieldKind.Text, IsKey: true),
        new(FieldNames.DocumentDate, FieldKind.Date, IsKey: true),
        new(FieldNames.PhysicianName, FieldKind.Text),
    ]);
}
