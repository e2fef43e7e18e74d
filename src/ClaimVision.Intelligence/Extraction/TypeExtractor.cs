using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Normalization;
using ClaimVision.Intelligence.Validation;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>What an extractor needs besides the page: today's date (for range checks) and how to read 03/04/2018.</summary>
/// <param name="Diagnoses">The catalogue a diagnosis read is matched to (<see cref="DiagnosisRepair"/>); null turns matching off.</param>
public sealed record ExtractionContext(DateOnly Today, DateOrder DateOrder = DateOrder.DayFirst, DiagnosisCatalogue? Diagnoses = null);

/// <summary>The extractor of one document type; lives in DocumentTypes/&lt;TypeName&gt;/ next to its schema.</summary>
public interface ITypeExtractor
{
    FieldSchema Schema { get; }
    FieldExtraction Extract(DocumentView view, ExtractionContext context);
}

/// <summary>
/// Reads every field of a schema by label: finds the label, reads the value of the field's kind next to it, and
/// scores it as OCR confidence × position strength × read strength. Type extractors start from this and add
/// what their layout needs (titles, tables, cross-checks).
/// </summary>
public static class LabelledFields
{
    /// <summary>Name of the failed check recorded on a value whose read looks damaged (<see cref="ReadValue.Damage"/>).</summary>
    public const string DamagedRead = "readIntact";

    /// <summary>True when the field's read was recorded as damaged (only a fragment of what was printed was read).</summary>
    public static bool IsDamaged(ExtractedField field) => field.Checks.Any(c => c.Name == DamagedRead && !c.Passed);

    public static Dictionary<string, ExtractedField> Read(FieldSchema schema, DocumentView view, ExtractionContext context)
    {
        var finder = new LabelValueFinder(view, view.Labels);
        var fields = new Dictionary<string, ExtractedField>();
        foreach (var spec in schema.Fields)
        {
            var best = finder.Find(spec.Name, s => ValueReader.Read(spec.Kind, s.Text, context.DateOrder) is { } r
                                                   && (spec.Name != FieldNames.PatientName || PersonName.IsPlausible(r.Normalized)))
                .Select(c => (c, read: ValueReader.Read(spec.Kind, c.Value.Text, context.DateOrder)!))
                .Select(x => (x.c, x.read, score: x.c.Value.Confidence * x.c.Strength * x.read.Strength))
                .OrderByDescending(x => x.c.Strength * x.read.Strength * (x.read.Damage is null ? 1 : 0.5)).FirstOrDefault();
            if (best.c is null) continue;
            var field = new ExtractedField
            {
                Name = spec.Name,
                Value = best.read.Printed,
                Normalized = best.read.Normalized,
                Confidence = Math.Clamp(best.score, 0, 1),
                Box = best.c.Value.Box,
                Page = best.c.Value.Page,
            };
            fields[spec.Name] = best.read.Damage is { } damage ? FieldChecks.Apply(field, [new FieldCheck(DamagedRead, false, damage)]) : field;
        }
        return fields;
    }

    /// <summary>A field built from a span the extractor picked itself (a title line, a table cell).</summary>
    public static ExtractedField FromSpan(string name, TextSpan span, ReadValue read, double strength) => new()
    {
        Name = name,
        Value = read.Printed,
        Normalized = read.Normalized,
        Confidence = Math.Clamp(span.Confidence * strength * read.Strength, 0, 1),
        Box = span.Box,
        Page = span.Page,
    };
}
