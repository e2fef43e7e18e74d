using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.DiagnosisCertificate;

/// <summary>Reads the labelled fields of a diagnosis certificate (see <see cref="DiagnosisCertificateSchema"/>); an ICD-10 code inside the diagnosis
/// line is split off (<see cref="DiagnosisLine"/>).</summary>
public sealed class DiagnosisCertificateExtractor() : LabelledTypeExtractor(DiagnosisCertificateSchema.Schema)
{
    protected override void Complete(Dictionary<string, ExtractedField> fields, DocumentView view, ExtractionContext context) =>
        DiagnosisLine.SplitCode(fields, context);
}
