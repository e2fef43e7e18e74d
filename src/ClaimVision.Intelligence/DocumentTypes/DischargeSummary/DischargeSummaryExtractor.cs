using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.DischargeSummary;

/// <summary>Reads a discharge summary. The ICD-10 code is often printed inside the diagnosis line
/// (急性阑尾炎 K35.8), so it is taken from there when it has no label of its own.</summary>
public sealed class DischargeSummaryExtractor() : LabelledTypeExtractor(DischargeSummarySchema.Schema)
{
    protected override void Complete(Dictionary<string, ExtractedField> fields, DocumentView view, ExtractionContext context)
    {
        if (!fields.TryGetValue(FieldNames.Diagnosis, out var diagnosis)) return;
        var code = ValueReader.Read(FieldKind.DiagnosisCode, diagnosis.Value, context.DateOrder);
        if (code is null) return;
        fields.TryAdd(FieldNames.DiagnosisCode, diagnosis with { Name = FieldNames.DiagnosisCode, Value = code.Printed, Normalized = code.Normalized });
        var text = diagnosis.Value.Replace(code.Printed, "", StringComparison.Ordinal).Trim(' ', '(', ')', ',', '，');
        fields[FieldNames.Diagnosis] = diagnosis with { Value = text, Normalized = text };
    }
}
