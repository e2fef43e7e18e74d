using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.IdCard;

/// <summary>Reads the labelled fields of identity card (see <see cref="IdCardSchema"/>).</summary>
public sealed partial class IdCardExtractor() : LabelledTypeExtractor(IdCardSchema.Schema)
{
    /// <summary>How far a name after a misread NAME label is trusted, as far as one found before a sex label.</summary>
    public const double MisreadLabelStrength = PersonName.BeforeSexLabelStrength;

    /// <summary>
    /// A licence or ID card prints its labels small, alone at the start of their line and without a colon
    /// (<c>NAME MICHAEL WONG</c>), and OCR misreads the label's first letter often enough (<c>VAME</c>, <c>JAME</c>) that the
    /// holder's name went unread. When no name was found, the one line that starts with a capitalised four-letter word one
    /// letter from NAME, followed by two to four capitalised words and nothing else, gives them as the name, trusted less.
    /// Two such lines, or one with anything but words after the label (a date, a number), give nothing.
    /// </summary>
    protected override void Complete(Dictionary<string, ExtractedField> fields, DocumentView view, ExtractionContext context)
    {
        if (fields.ContainsKey(FieldNames.PatientName)) return;
        var found = view.Lines
            .Select(line => (Line: line, Match: NameAfterLabel().Match(line.Text)))
            .Where(x => x.Match.Success && LabelIndex.OneGlyphApart(x.Match.Groups["label"].Value, "NAME"))
            .ToList();
        if (found is not [var (line, match)]) return;
        var name = match.Groups["name"];
        var span = line.Slice(name.Index, name.Index + name.Length);
        fields[FieldNames.PatientName] = LabelledFields.FromSpan(FieldNames.PatientName, span, new ReadValue(span.Text, span.Text, 1), MisreadLabelStrength);
    }

    [GeneratedRegex(@"^\s*(?<label>[A-Z]{4})\s+(?<name>[A-Z][A-Za-z'\-]+(?:\s+[A-Z][A-Za-z'\-]+){1,3})\s*$")]
    private static partial Regex NameAfterLabel();
}
