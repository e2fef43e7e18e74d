using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.InpatientInvoice;

/// <summary>Inpatient hospital invoice (住院收费票据): who, where, when admitted and discharged, and what was paid by whom.</summary>
public static class InpatientInvoiceSchema
{
    public static FieldSchema Schema { get; } = new(DocumentType.InpatientInvoice,
    [
        new(FieldNames.ProviderName, FieldKind.Text, IsKey: true),
        new(FieldNames.InvoiceNumber, FieldKind.Identifier),
        new(FieldNames.DocumentDate, FieldKind.Date, IsKey: true),
        new(FieldNames.PatientName, FieldKind.Text, IsKey: true),
        new(FieldNames.PatientSex, FieldKind.Sex),
        new(FieldNames.MedicalRecordNumber, FieldKind.Identifier),
        new(FieldNames.AdmissionDate, FieldKind.Date, IsKey: true),
        new(FieldNames.DischargeDate, FieldKind.Date, IsKey: true),
        new(FieldNames.TotalAmount, FieldKind.Amount, IsKey: true),
        new(FieldNames.TotalAmountInWords, FieldKind.AmountInWords),
        new(FieldNames.InsurancePaidAmount, FieldKind.Amount),
        new(FieldNames.PersonalPaidAmount, FieldKind.Amount),
        new(FieldNames.SelfPaidAmount, FieldKind.Amount),
        new(FieldNames.OutOfCatalogueAmount, FieldKind.Amount),
        new(FieldNames.Currency, FieldKind.Text),
    ]);
}
