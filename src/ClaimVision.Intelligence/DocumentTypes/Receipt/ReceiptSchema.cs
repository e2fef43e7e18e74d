using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.Receipt;

/// <summary>Shop and pharmacy receipts (the <c>pharmacy-receipt</c> and <c>other</c> types): who sold, where, when, how much.</summary>
public static class ReceiptSchema
{
    public static FieldSchema For(DocumentType type) => new(type,
    [
        new(FieldNames.ProviderName, FieldKind.Text, IsKey: true),
        new(FieldNames.ProviderAddress, FieldKind.Text, IsKey: true),
        new(FieldNames.DocumentDate, FieldKind.Date, IsKey: true),
        new(FieldNames.TotalAmount, FieldKind.Amount, IsKey: true),
        new(FieldNames.InvoiceNumber, FieldKind.Identifier),
        new(FieldNames.Currency, FieldKind.Text),
    ]);
}
