using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.ExpenseList;

/// <summary>Reads an expense list: header fields by label, the item table, and checks the items against the total.</summary>
public sealed class ExpenseListExtractor() : LabelledTypeExtractor(ExpenseListSchema.Schema, hasLineItems: true);
