using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.Prescription;

/// <summary>Reads the labelled fields of a prescription (see <see cref="PrescriptionSchema"/>); an ICD-10 code inside the diagnosis
/// line is split off (<see cref="DiagnosisLine"/>).</summary>
public sealed class PrescriptionExtractor() : LabelledTypeExtractor(PrescriptionSchema.Schema)
{
    protected override void Complete(Dictionary<string, ExtractedField> fields, DocumentView view, ExtractionContext context) =>
        DiagnosisLine.SplitCode(fields, context);
}
