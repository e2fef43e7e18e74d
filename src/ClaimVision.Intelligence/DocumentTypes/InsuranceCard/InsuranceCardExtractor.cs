using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.InsuranceCard;

/// <summary>
/// Reads the labelled fields of insurance or social-security card (see <see cref="InsuranceCardSchema"/>). A member card
/// often labels its number with a bare <c>ID</c> (<c>ID QHD246659123</c> under <c>Member Wei Kumar</c>), a word too common
/// to be a label on other documents (ID card, Patient ID): on a card, a line that opens with it and goes on with a member
/// number or a resident ID gives the number when no label did.
/// </summary>
public sealed partial class InsuranceCardExtractor() : LabelledTypeExtractor(InsuranceCardSchema.Schema)
{
    /// <summary>Position strength of a number after the bare ID: a label, but one the lexicon does not hold.</summary>
    private const double BareIdStrength = 0.85;

    protected override void Complete(Dictionary<string, ExtractedField> fields, DocumentView view, ExtractionContext context)
    {
        if (fields.ContainsKey(FieldNames.PatientIdNumber)) return;
        foreach (var line in view.Lines)
        {
            if (BareId().Match(line.Text) is not { Success: true } label) continue;
            var rest = line.Text[label.Length..];
            if (ValueReader.Read(FieldKind.IdNumber, rest, context.DateOrder) is not { } read) continue;
            var at = rest.IndexOf(read.Printed, StringComparison.Ordinal);
            if (at < 0) continue;
            fields[FieldNames.PatientIdNumber] = LabelledFields.FromSpan(FieldNames.PatientIdNumber,
                line.Slice(label.Length + at, label.Length + at + read.Printed.Length), read, BareIdStrength);
            return;
        }
    }

    // ID opening the line as a word of its own, then a colon, # or point (ID:W123456789, ID# 123…) or a space, then the value.
    [GeneratedRegex(@"^\W{0,2}ID(?:\s*[:#.]\s*|\s+)(?=[0-9A-Z])")]
    private static partial Regex BareId();
}
