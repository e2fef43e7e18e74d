using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.IdCard;

/// <summary>Reads the labelled fields of identity card (see <see cref="IdCardSchema"/>).</summary>
public sealed class IdCardExtractor() : LabelledTypeExtractor(IdCardSchema.Schema);
