using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.OutpatientInvoice;

/// <summary>Outpatient bill (门诊收费票据): one visit, no admission dates.</summary>
public static class OutpatientInvoiceSchema
{
    public static FieldSchema Schema { get; } = new(DocumentType.OutpatientInvoice,
    [
        new(FieldNames.ProviderName, FieldKind.Text, IsKey: true),
        new(FieldNames.ProviderLevel, FieldKind.Text),
        new(FieldNames.InvoiceNumber, FieldKind.Identifier),
        new(FieldNames.DocumentDate, FieldKind.Date, IsKey: true),
        new(FieldNames.PatientName, FieldKind.Text, IsKey: true),
        new(FieldNames.PatientSex, FieldKind.Sex),
        new(FieldNames.MedicalRecordNumber, FieldKind.Identifier),
        new(FieldNames.Department, FieldKind.Text),
        new(FieldNames.TotalAmount, FieldKind.Amount, IsKey: true),
        new(FieldNames.TotalAmountInWords, FieldKind.AmountInWords),
        new(FieldNames.InsurancePaidAmount, FieldKind.Amount),
        new(FieldNames.PersonalPaidAmount, FieldKind.Amount),
        new(FieldNames.Currency, FieldKind.Text),
    ]);
}
