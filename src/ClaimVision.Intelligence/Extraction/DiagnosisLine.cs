using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>The ICD-10 code is often printed inside the diagnosis line (急性阑尾炎 K35.8): when it has no label of its
/// own it is taken from there and the diagnosis text keeps the rest.</summary>
public static class DiagnosisLine
{
    public static void SplitCode(Dictionary<string, ExtractedField> fields, ExtractionContext context)
    {
        if (!fields.TryGetValue(FieldNames.Diagnosis, out var diagnosis)) return;
        var code = ValueReader.Read(FieldKind.DiagnosisCode, diagnosis.Value, context.DateOrder);
        if (code is null) return;
        fields.TryAdd(FieldNames.DiagnosisCode, diagnosis with { Name = FieldNames.DiagnosisCode, Value = code.Printed, Normalized = code.Normalized });
        var text = diagnosis.Value.Replace(code.Printed, "", StringComparison.Ordinal).Trim(' ', '(', ')', ',', '，');
        fields[FieldNames.Diagnosis] = diagnosis with { Value = text, Normalized = text };
    }
}
