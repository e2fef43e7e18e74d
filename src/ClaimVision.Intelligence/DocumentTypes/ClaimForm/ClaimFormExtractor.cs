using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.ClaimForm;

/// <summary>Reads the labelled fields of a claim form (see <see cref="ClaimFormSchema"/>); an ICD-10 code inside the diagnosis
/// line is split off (<see cref="DiagnosisLine"/>).</summary>
public sealed class ClaimFormExtractor() : LabelledTypeExtractor(ClaimFormSchema.Schema)
{
    protected override void Complete(Dictionary<string, ExtractedField> fields, DocumentView view, ExtractionContext context) =>
        DiagnosisLine.SplitCode(fields, context);
}
