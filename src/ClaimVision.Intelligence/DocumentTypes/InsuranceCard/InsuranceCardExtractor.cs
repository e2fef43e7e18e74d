using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.InsuranceCard;

/// <summary>Reads the labelled fields of insurance or social-security card (see <see cref="InsuranceCardSchema"/>).</summary>
public sealed class InsuranceCardExtractor() : LabelledTypeExtractor(InsuranceCardSchema.Schema);
