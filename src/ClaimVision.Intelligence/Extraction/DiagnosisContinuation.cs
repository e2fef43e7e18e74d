using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Normalization;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// Joins a diagnosis that Tesseract's layout cut in two: the label's value is the first part (<c>诊断 : 急性 |</c>) and the
/// rest was read as a line of its own right after it on the same row (<c>亲尾炎</c>, taller and handwritten). The two are
/// joined only when the value alone is no diagnosis of the <see cref="DiagnosisCatalogue"/> (not even a misread of one) and
/// the join is one, within the glyphs a misread may cost (<see cref="DiagnosisCatalogue.Nearest"/>): the catalogue, not
/// the layout alone, says the pieces belong together. <see cref="DiagnosisRepair"/> then matches the joined text like any
/// diagnosis read (trusted no more than a repair), and a check names the line that was joined.
/// </summary>
public static class DiagnosisContinuation
{
    /// <summary>Name of the check recorded on a diagnosis joined from two lines.</summary>
    public const string Joined = "diagnosisJoined";

    /// <summary>How far right of the value the rest may start, in heights of the value's box (a gap, not a column).</summary>
    private const double MaxGapInHeights = 2.0;

    public static void Apply(Dictionary<string, ExtractedField> fields, DocumentView view, DiagnosisCatalogue? catalogue)
    {
        if (catalogue is null || !fields.TryGetValue(FieldNames.Diagnosis, out var diagnosis) || diagnosis.Box is not { } box) return;
        var read = diagnosis.Normalized ?? diagnosis.Value;
        if (read.Length == 0 || catalogue.Holds(read) || catalogue.Nearest(read) is not null) return;
        var rest = view.Lines
            .Where(l => l.Page == diagnosis.Page && Continues(box, l.Box) && !l.Text.Contains(':') && !l.Text.Contains('：')
                        && view.Labels.On(l).Count == 0)
            .OrderBy(l => l.Box.X)
            .FirstOrDefault();
        if (rest is null) return;
        var joined = Join(read, rest.Text);
        if (!catalogue.Holds(joined) && catalogue.Nearest(joined) is null) return;
        fields[FieldNames.Diagnosis] = diagnosis with
        {
            Value = joined,
            Normalized = joined,
            Box = BoundingBox.Union(box, rest.Box),
            // The layout and the catalogue say the two belong together, not the reading: trusted as a repair is at most.
            Confidence = Math.Min(Math.Min(diagnosis.Confidence, rest.Line.Confidence), DiagnosisRepair.RepairedConfidence),
            Checks = [.. diagnosis.Checks, new FieldCheck(Joined, true,
                $"Read as two lines; '{read}' after the label and '{rest.Text.Trim()}' right after it on the same row make a name of the diagnosis catalogue together.")],
        };
    }

    /// <summary>Whether <paramref name="line"/> starts where <paramref name="value"/> ends, on its row: its middle within the
    /// value's height, its left edge from a height before the value's right edge to <see cref="MaxGapInHeights"/> after it.</summary>
    private static bool Continues(BoundingBox value, BoundingBox line)
    {
        var h = value.Height;
        var middle = line.Y + line.Height / 2.0;
        return middle > value.Y && middle < value.Bottom
            && line.X > value.X && line.X >= value.Right - h && line.X - value.Right <= MaxGapInHeights * h;
    }

    /// <summary>The two parts as one text: Chinese run together, Latin with a space; a table rule or mark at the cut dropped.</summary>
    private static string Join(string first, string second)
    {
        var text = first.TrimEnd(' ', '|', '丨', '-', '—') + " " + second.Trim().TrimStart('|', '丨', '『', '「', '-', '—', ' ');
        return TextCleanup.RemoveSpacesBesideHan(DiagnosisText.Clean(text));
    }
}
