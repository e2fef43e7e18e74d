using ClaimVision.Domain.Documents;
using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Ocr;

/// <summary>
/// Reads the text a page reading left out (<see cref="UncoveredInk"/>): each run of uncovered glyphs is read alone as one
/// line in the page's language. A re-reading at a mean word confidence of at least
/// <see cref="OcrOptions.MissedTextMinConfidence"/> joins the line it sits on (a lost label goes back beside its value, so
/// "票据号码: 5226310302" is one line again) or, when no line is there, becomes a line of its own in reading order.
/// </summary>
internal static class MissedTextReread
{
    public static RecognizedText Apply(OcrEngine engine, PageImage image, RecognizedText text, OcrOptions options)
    {
        if (options.MissedTextMaxRuns <= 0) return text;
        var covered = text.Lines.SelectMany(l => l.Words).Select(w => w.Box).ToList();
        var runs = UncoveredInk.Find(image, covered, options.MissedTextMaxRuns);
        if (runs.Count == 0) return text;

        var lines = text.Lines.ToList();
        foreach (var reading in engine.RecognizeLines(image.Pix, text.Language, runs))
        {
            // The run's margin may take in the edge of a word already read; that word is not read twice.
            var words = reading.Lines.SelectMany(l => l.Words).Where(w => !covered.Any(c => BoxOverlap.Area(c, w.Box) > 0.3 * Area(w.Box))).ToList();
            if (words.Count == 0 || words.Average(w => w.Confidence) < options.MissedTextMinConfidence
                || !words.Any(w => w.Text.Any(char.IsLetterOrDigit))) continue;
            var box = words.Select(w => w.Box).Aggregate(BoundingBox.Union);
            var host = lines.FindIndex(l => BoxOverlap.SameLine(l.Box, box));
            if (host >= 0)
                lines[host] = OcrEngine.LineOf([.. lines[host].Words.Concat(words).OrderBy(w => w.Box.X)]);
            else
            {
                var at = lines.FindIndex(l => l.Box.Y > box.Y);
                lines.Insert(at < 0 ? lines.Count : at, OcrEngine.LineOf(words));
            }
        }
        return text with { Lines = lines };
    }

    private static long Area(BoundingBox box) => (long)box.Width * box.Height;
}
