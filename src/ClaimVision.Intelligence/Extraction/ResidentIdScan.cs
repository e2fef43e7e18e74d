using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Validation;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// Finds a Chinese resident ID anywhere on the page when its label was not read (公民身份 S 码, 公民身份纪码): an
/// 18-character run, spaces ignored and O/0, I/l/1 repaired, that passes every <see cref="ResidentIdValidator"/> check.
/// The MOD 11-2 check digit and the birth date make a chance match rare, so an unlabelled but valid ID is accepted with
/// a moderate position strength. A labelled ID that fails its checks is replaced only by such a valid one.
/// </summary>
public static partial class ResidentIdScan
{
    private const double UnlabelledStrength = 0.8;

    /// <summary>Name of the check recorded on an ID found this way: the ID checks chose it, so they are no second reading of it.</summary>
    public const string FoundByItsChecks = "idFoundByItsChecks";

    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{16}[0-9X](?![0-9X])")]
    private static partial Regex Candidate();

    public static void Apply(Dictionary<string, ExtractedField> fields, DocumentView view, DateOnly today)
    {
        if (fields.TryGetValue(FieldNames.PatientIdNumber, out var labelled)
            && ResidentIdValidator.Check(labelled.Normalized ?? labelled.Value, today).All(c => c.Passed)) return;
        if (Find(view, today) is { } found) fields[FieldNames.PatientIdNumber] = found;
    }

    private static ExtractedField? Find(DocumentView view, DateOnly today)
    {
        foreach (var line in view.Lines)
        {
            var (compact, map) = Compact(line.Text);
            foreach (Match m in Candidate().Matches(compact))
            {
                if (!ResidentIdValidator.Check(m.Value, today).All(c => c.Passed)) continue;
                var span = line.Slice(map[m.Index], map[m.Index + m.Length - 1] + 1);
                var field = LabelledFields.FromSpan(FieldNames.PatientIdNumber, span, new ReadValue(span.Text, m.Value, 1), UnlabelledStrength);
                return field with { Checks = [.. field.Checks, new FieldCheck(FoundByItsChecks, true, "found without its label, as an 18-character run that passes the ID checks")] };
            }
        }
        return null;
    }

    /// <summary>The line without spaces, look-alike letters as digits, and each kept character's index in the line.</summary>
    private static (string Compact, int[] Map) Compact(string text)
    {
        var chars = new List<char>(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i])) continue;
            chars.Add(text[i] switch { 'O' or 'o' => '0', 'I' or 'l' => '1', 'x' => 'X', var c => c });
            map.Add(i);
        }
        return (new string([.. chars]), [.. map]);
    }
}
