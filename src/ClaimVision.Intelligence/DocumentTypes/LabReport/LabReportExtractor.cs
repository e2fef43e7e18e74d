using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.LabReport;

/// <summary>Reads the labelled fields of laboratory report (see <see cref="LabReportSchema"/>).</summary>
public sealed class LabReportExtractor() : LabelledTypeExtractor(LabReportSchema.Schema);
