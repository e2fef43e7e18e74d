using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.OutpatientInvoice;

/// <summary>Reads an outpatient bill: labelled fields and its fee table.</summary>
public sealed class OutpatientInvoiceExtractor() : LabelledTypeExtractor(OutpatientInvoiceSchema.Schema, hasLineItems: true);
