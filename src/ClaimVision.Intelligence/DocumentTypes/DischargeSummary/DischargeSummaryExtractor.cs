using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.DischargeSummary;

/// <summary>Reads a discharge summary; an ICD-10 code inside the diagnosis line is split off (<see cref="DiagnosisLine"/>).</summary>
public sealed class DischargeSummaryExtractor() : LabelledTypeExtractor(DischargeSummarySchema.Schema)
{
    protected override void Complete(Dictionary<string, ExtractedField> fields, DocumentView view, ExtractionContext context) =>
        DiagnosisLine.SplitCode(fields, context);
}
