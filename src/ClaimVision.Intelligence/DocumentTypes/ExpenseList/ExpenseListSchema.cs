using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.ExpenseList;

/// <summary>Itemised expense list (住院费用清单): every drug and service with quantity, price and 甲/乙/丙 class.</summary>
public static class ExpenseListSchema
{
    public static FieldSchema Schema { get; } = new(DocumentType.ExpenseList,
    [
        new(FieldNames.ProviderName, FieldKind.Text, IsKey: true),
        new(FieldNames.PatientName, FieldKind.Text, IsKey: true),
        new(FieldNames.MedicalRecordNumber, FieldKind.Identifier),
        new(FieldNames.AdmissionDate, FieldKind.Date),
        new(FieldNames.DischargeDate, FieldKind.Date),
        new(FieldNames.DocumentDate, FieldKind.Date),
        new(FieldNames.TotalAmount, FieldKind.Amount, IsKey: true),
        new(FieldNames.CoveredAmount, FieldKind.Amount),
        new(FieldNames.SelfPaidAmount, FieldKind.Amount),
        new(FieldNames.OutOfCatalogueAmount, FieldKind.Amount),
        new(FieldNames.Currency, FieldKind.Text),
    ]);
}
