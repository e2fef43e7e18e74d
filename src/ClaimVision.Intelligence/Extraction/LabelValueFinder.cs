using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>A value found for a label, with how strongly its position ties it to the label (1 = same line).</summary>
public sealed record LabelledValue(TextSpan Value, double Strength, LabelHit Label);

/// <summary>
/// Finds the value printed for a label, by box geometry: first the rest of the label's line up to the next label,
/// then the nearest text to the right on the same row, then text written into the blank between the label and the next
/// label of its line, then the text just below the label.
/// </summary>
public sealed partial class LabelValueFinder(DocumentView view, LabelIndex labels)
{
    private const double SameLine = 1.0, RightOnRow = 0.9, InBlank = 0.85, Below = 0.75;
    private static readonly char[] Separators = [':', '：', '-', '=', '.', ' ', '|', '_', ')', ']'];

    public DocumentView View { get; } = view;
    public LabelIndex Labels { get; } = labels;

    /// <summary>Candidate values for a field in order of preference; <paramref name="accept"/> filters out text that
    /// does not parse as the field's kind, so a label followed by another label falls through to the next position.</summary>
    public IEnumerable<LabelledValue> Find(string field, Func<TextSpan, bool> accept)
    {
        foreach (var hit in Labels.Of(field))
        {
            foreach (var candidate in Positions(hit))
                if (candidate.Value.Text.Length > 0 && accept(candidate.Value))
                {
                    yield return candidate;
                    break;
                }
        }
    }

    private IEnumerable<LabelledValue> Positions(LabelHit hit)
    {
        var line = hit.Line;
        foreach (var value in RestOfLine(line, hit.End, hit)) yield return new LabelledValue(value, SameLine, hit);

        var labelBox = line.Slice(hit.Start, hit.End).Box;
        if (RightOnRowOf(line, labelBox) is { } right)
            foreach (var value in RestOfLine(right, 0, hit)) yield return new LabelledValue(value, RightOnRow, hit);
        if (InBlankAfter(hit, labelBox) is { } blank)
            foreach (var value in RestOfLine(blank, 0, hit)) yield return new LabelledValue(value, InBlank, hit);

        var below = View.Lines
            .Where(l => l.Page == line.Page && l.Box.Y >= line.Box.Bottom - line.Box.Height * 0.3
                        && l.Box.Y - line.Box.Bottom < line.Box.Height * 2.5
                        && l.Box.X < labelBox.Right + labelBox.Width && l.Box.Right > labelBox.X - labelBox.Width)
            .OrderBy(l => l.Box.Y).FirstOrDefault();
        if (below is not null)
            foreach (var value in UpToNextLabel(below, 0)) yield return new LabelledValue(value, Below, hit);
    }

    /// <summary>The text to the right of a label on its row. The row is the label's own (its words' box) as well as its
    /// line's: on a slanted photo a long line climbs, so a value beside a label at its end can sit outside the line's
    /// middle band; and a value written taller than its label (a handwriting font, descenders) whose box covers the
    /// label's lower half is beside it too, though its middle lies below the label's. Of the lines right of the label,
    /// the nearest wins; lines that start within one label height of it (a column of values) go by how close their
    /// middle is to the label's.</summary>
    private LineView? RightOnRowOf(LineView line, BoundingBox labelBox)
    {
        var labelMiddle = labelBox.Y + labelBox.Height / 2.0;
        bool OnLabelRow(LineView l) => Math.Abs(l.CenterY - labelMiddle) < Math.Min(labelBox.Height, l.Box.Height) * 0.6
            || (l.Box.Height > labelBox.Height * 1.5 && l.Box.Y <= labelMiddle && l.Box.Bottom >= labelBox.Bottom);
        var candidates = View.Lines
            .Where(l => l != line && l.Page == line.Page && (l.SameRow(line) || OnLabelRow(l))
                        && l.Box.X >= line.Box.X + line.Box.Width * 0.5 && l.Box.X > line.Box.X)
            .ToList();
        if (candidates.Count == 0) return null;
        var nearest = candidates.Min(l => l.Box.X);
        return candidates.Where(l => l.Box.X - nearest <= labelBox.Height)
            .OrderBy(l => Math.Abs(l.CenterY - labelMiddle)).First();
    }

    /// <summary>A line written into the blank after a label, before the next label of the label's line: a handwritten
    /// diagnosis on <c>Diagnosis: ________ ICD-10: I25.1</c> is read as a line of its own that overlaps the printed one, so
    /// it is neither on the label's line nor right of it. It must lie between the label and the next label (one label
    /// height of slack on either side), be written at most twice the label's height (a stamp across the row is no value;
    /// its words' median height counts, as a slanted line's box is taller than its glyphs), and sit on the label's row.</summary>
    private LineView? InBlankAfter(LabelHit hit, BoundingBox labelBox)
    {
        var line = hit.Line;
        var next = Labels.On(line).FirstOrDefault(h => h.Start >= hit.End);
        var blankEnd = next is null ? line.Box.Right : line.Slice(next.Start, next.End).Box.X;
        var labelMiddle = labelBox.Y + labelBox.Height / 2.0;
        return View.Lines
            .Where(l => l != line && l.Page == line.Page
                        && l.Box.X >= labelBox.Right - labelBox.Height && l.Box.Right <= blankEnd + labelBox.Height
                        && l.Line.MedianWordHeight() <= labelBox.Height * 2
                        && Math.Abs(l.CenterY - labelMiddle) < Math.Max(labelBox.Height, l.Box.Height) * 0.6)
            .OrderBy(l => l.Box.X).FirstOrDefault();
    }

    private IEnumerable<TextSpan> RestOfLine(LineView line, int from, LabelHit hit)
    {
        var start = SkipSeparators(line.Text, from);
        // The label's last glyph alone again with a colon is the label's end read twice (收款单位 as 收单位 : 位 : 北京市第一
        // 人民医院), not the start of the value. Any other lone glyph with a colon is a value whose next label was lost
        // (性别 : 女 : 22 岁, 年龄 lost).
        if (LabelEcho().Match(line.Text, start) is { Success: true } echo && echo.Index == start
            && line.Text[start] == hit.Line.Text[hit.End - 1])
            start = SkipSeparators(line.Text, start + echo.Length);
        return UpToNextLabel(line, start);
    }

    private static int SkipSeparators(string text, int start)
    {
        while (start < text.Length && Array.IndexOf(Separators, text[start]) >= 0) start++;
        return start;
    }

    [GeneratedRegex(@"\G\p{IsCJKUnifiedIdeographs}\s?[:：]")]
    private static partial Regex LabelEcho();

    /// <summary>The text from <paramref name="start"/> up to the next label of the line, and then, where a box number
    /// stands right before that label, the same text without it: a form numbers its boxes (CMS-1500's "3. BIRTH DATE",
    /// 理赔申请书's "2、性别"), and where OCR joins two boxes into one line the next box's number is no part of this one's
    /// value ("SARAH JACKSON 3." is the name SARAH JACKSON). The text as read comes first, so the cut is taken only when
    /// the field refuses it (a name holds no digit); a value that may end in such a figure (Ward 3., $ 20.) keeps it.</summary>
    private IEnumerable<TextSpan> UpToNextLabel(LineView line, int start)
    {
        var next = Labels.On(line).FirstOrDefault(h => h.Start >= start);
        var end = next?.Start ?? line.Text.Length;
        // A label directly at the start of the text means the slot holds another field, not a value.
        if (next is not null && next.Start == start) end = start;
        yield return line.Slice(start, Math.Max(start, end)).TrimEndSeparators(line);
        if (next is not null && end > start && NumberBeforeLabel().Match(line.Text, start, end - start) is { Success: true } number
            && line.Text.AsSpan(start, number.Index - start).ContainsAnyExcept(" :|"))
            yield return line.Slice(start, number.Index).TrimEndSeparators(line);
    }

    // One or two digits, an optional box letter (1a, 11c, 24A) and a point or 、, at the end of the slot, after a space or
    // straight after a Han character. Without the point, a trailing figure is more likely a value's own (楼 3, Bed 12).
    [GeneratedRegex(@"(?:(?<=\s)|(?<=\p{IsCJKUnifiedIdeographs}))\d{1,2}[A-Za-z]?[.、]\s*$")]
    private static partial Regex NumberBeforeLabel();
}

internal static class TextSpanExtensions
{
    /// <summary>Drops trailing separators (colons, spaces) that belonged between the value and the next label.</summary>
    public static TextSpan TrimEndSeparators(this TextSpan span, LineView line)
    {
        var t = span.Text.TrimEnd(' ', ':', '：', '|', ',', ';');
        return t.Length == span.Text.Length ? span : span with { Text = t };
    }
}
