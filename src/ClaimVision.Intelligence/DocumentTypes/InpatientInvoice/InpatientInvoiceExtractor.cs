using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.InpatientInvoice;

/// <summary>Reads an inpatient invoice: labelled fields, the fee-category table as line items, 大写 cross-check.</summary>
public sealed class InpatientInvoiceExtractor() : LabelledTypeExtractor(InpatientInvoiceSchema.Schema, hasLineItems: true);
