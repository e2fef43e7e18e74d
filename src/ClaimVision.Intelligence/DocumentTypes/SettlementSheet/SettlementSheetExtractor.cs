using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.SettlementSheet;

/// <summary>Reads a settlement sheet; the shared checks verify total = fund payments + patient payment.</summary>
public sealed class SettlementSheetExtractor() : LabelledTypeExtractor(SettlementSheetSchema.Schema);
