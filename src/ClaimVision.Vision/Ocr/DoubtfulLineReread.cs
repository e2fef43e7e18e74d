using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;

namespace ClaimVision.Vision.Ocr;

/// <summary>
/// Reads a page's doubtful lines again, each alone as one line (psm 7) in the page's language. Tesseract's page layout
/// splits and joins lines that mix a printed label with a taller handwritten value, and reads such a line worse than it
/// reads the same line on its own. A re-reading replaces the line when it is clearly more confident and keeps most of its text.
/// </summary>
internal static partial class DoubtfulLineReread
{
    /// <summary>The page's text with the accepted re-readings in place of their lines (<paramref name="image"/>: the image the
    /// text was read from, so boxes stay in its coordinates).</summary>
    public static RecognizedText Apply(OcrEngine engine, LentImage image, RecognizedText text, OcrOptions options)
    {
        if (options.LineRereadBelowConfidence <= 0 || options.LineRereadMaxLines <= 0) return text;
        var picks = Enumerable.Range(0, text.Lines.Count)
            .Where(i => Doubtful(text.Lines[i], options))
            .OrderBy(i => text.Lines[i].Confidence)
            .Take(options.LineRereadMaxLines)
            .ToList();
        if (picks.Count == 0) return text;
        var readings = engine.RecognizeLines(image, text.Language, [.. picks.Select(i => Region(text.Lines[i]))]);
        var lines = text.Lines.ToList();
        foreach (var (i, reading) in picks.Zip(readings))
        {
            var words = reading.Lines.SelectMany(l => l.Words).Where(w => w.Text.Length > 0).ToList();
            if (words.Count == 0) continue;
            var before = lines[i];
            var confidence = words.Average(w => w.Confidence);
            if (confidence < before.Confidence + options.LineRereadMargin) continue;
            if (Significant(words) < 0.6 * Significant(before.Words)) continue;
            var again = OcrEngine.LineOf(words);
            if (BreaksResidentId(before.Text, again.Text)) continue;
            lines[i] = again;
        }
        return text with { Lines = lines };
    }

    internal static bool Doubtful(OcrLine line, OcrOptions options) =>
        line.Confidence < options.LineRereadBelowConfidence && line.Text.Count(char.IsLetterOrDigit) >= 3;

    /// <summary>The line's box with a margin of a fifth of the median word height above and below and half of it at the ends.</summary>
    internal static BoundingBox Region(OcrLine line)
    {
        var h = line.MedianWordHeight();
        var dy = Math.Max(2, h / 5);
        var dx = Math.Max(2, h / 2);
        return new BoundingBox(line.Box.X - dx, line.Box.Y - dy, line.Box.Width + 2 * dx, line.Box.Height + 2 * dy);
    }

    /// <summary>Whether the first reading holds a resident ID number whose check digit holds and the re-reading does not hold it:
    /// a number that passes ISO 7064 MOD 11-2 was read right, however unsure Tesseract was of it.</summary>
    internal static bool BreaksResidentId(string first, string again)
    {
        var kept = ResidentId.Normalize(again);
        return ResidentIdRuns().Matches(ResidentId.Normalize(first))
            .Select(m => m.Value)
            .Any(id => ResidentId.TryParse(id, out _, out _) && !kept.Contains(id, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")]
    private static partial Regex ResidentIdRuns();

    private static int Significant(IEnumerable<OcrWord> words) => words.Sum(w => w.Text.Count(char.IsLetterOrDigit));
}
