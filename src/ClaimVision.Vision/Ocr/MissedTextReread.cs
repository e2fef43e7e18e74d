using ClaimVision.Domain.Documents;
using ClaimVision.Vision.Imaging;

namespace ClaimVision.Vision.Ocr;

/// <summary>
/// Reads the text a page reading left out (<see cref="UncoveredInk"/>): each run of uncovered glyphs whose ink is at least
/// <see cref="OcrOptions.MissedTextMinRunHeight"/> tall is read alone as one line in the page's language. A re-reading at a mean word confidence of at least
/// <see cref="OcrOptions.MissedTextMinConfidence"/> joins the line it sits on (a lost label goes back beside its value, so
/// "票据号码: 5226310302" is one line again) or, when no line is there, becomes a line of its own in reading order.
/// Ink under a word read at almost no confidence (<see cref="OcrOptions.MissedTextCoverMinConfidence"/>) counts as left
/// out, and an accepted re-reading of it replaces that word. On a page read in another language than
/// <see cref="OcrOptions.FigureLanguage"/>, a run with digits that the page's model read unsurely is read once more with the
/// figure model and kept when that reading is a clean, sure figure (chi_sim reads a lone "58,440.00" at 0.56, eng at 0.9).
/// </summary>
internal static class MissedTextReread
{
    /// <summary>The page's text with the accepted re-readings added. <paramref name="found"/>: the uncovered ink of this
    /// reading when it was already looked for (<see cref="Covered"/> on the same image); null finds it here.</summary>
    public static RecognizedText Apply(OcrEngine engine, LentImage image, RecognizedText text, OcrOptions options, UncoveredText? found = null)
    {
        if (options.MissedTextMaxRuns <= 0) return text;
        var covered = Covered(text, options);
        found ??= UncoveredInk.Find(image.Image, covered);
        var runs = RunsToRead(found, options);
        if (runs.Count == 0) return text;

        var accepted = new List<List<OcrWord>>();
        var figureRuns = new List<(BoundingBox Run, List<OcrWord> First)>();
        foreach (var (run, reading) in runs.Zip(engine.RecognizeLines(image, text.Language, runs)))
        {
            // The run's margin may take in the edge of a word already read; that word is not read twice.
            var words = reading.Lines.SelectMany(l => l.Words).Where(w => !covered.Any(c => BoxOverlap.Area(c, w.Box) > 0.3 * Area(w.Box))).ToList();
            if (words.Count == 0 || !words.Any(w => w.Text.Any(char.IsLetterOrDigit))) continue;
            if (words.Average(w => w.Confidence) >= options.MissedTextMinConfidence) accepted.Add(words);
            else if (words.Any(w => FigureReread.HasDigit(w.Text))) figureRuns.Add((run, words));
        }
        accepted.AddRange(ReadFigures(engine, image, text.Language, figureRuns, options));
        if (accepted.Count == 0) return text;

        var lines = text.Lines.ToList();
        foreach (var words in accepted)
        {
            var box = words.Select(w => w.Box).Aggregate(BoundingBox.Union);
            var host = lines.FindIndex(l => BoxOverlap.SameLine(l.Box, box));
            if (host >= 0)
            {
                var kept = lines[host].Words.Where(w => w.Confidence >= options.MissedTextCoverMinConfidence || !words.Any(n => BoxOverlap.Area(w.Box, n.Box) > 0));
                lines[host] = OcrEngine.LineOf([.. kept.Concat(words).OrderBy(w => w.Box.X)]);
            }
            else
            {
                var at = lines.FindIndex(l => l.Box.Y > box.Y);
                lines.Insert(at < 0 ? lines.Count : at, OcrEngine.LineOf(words));
            }
        }
        return text with { Lines = lines };
    }

    /// <summary>The runs worth reading: those whose ink is at least <see cref="OcrOptions.MissedTextMinRunHeight"/> tall,
    /// at most <see cref="OcrOptions.MissedTextMaxRuns"/> of them, widest first.</summary>
    public static List<BoundingBox> RunsToRead(UncoveredText found, OcrOptions options) =>
        [.. found.Runs.Where(r => r.InkHeight >= options.MissedTextMinRunHeight).Take(options.MissedTextMaxRuns).Select(r => r.Box)];

    /// <summary>The boxes of the reading's words that hide the ink under them from the finder (those read at
    /// <see cref="OcrOptions.MissedTextCoverMinConfidence"/> or more).</summary>
    public static List<BoundingBox> Covered(RecognizedText text, OcrOptions options) =>
        [.. text.Lines.SelectMany(l => l.Words).Where(w => w.Confidence >= options.MissedTextCoverMinConfidence).Select(w => w.Box)];

    /// <summary>The figure model's readings of <paramref name="runs"/> that are clean figures at
    /// <see cref="OcrOptions.FigureMinConfidence"/> and keep the digits the page's model saw there (at least three), with at
    /// most one more in front (the glyph that model made of the first digit: "站 000.00" → "4,000.00").</summary>
    private static IEnumerable<List<OcrWord>> ReadFigures(OcrEngine engine, LentImage image, string language,
        List<(BoundingBox Run, List<OcrWord> First)> runs, OcrOptions options)
    {
        if (runs.Count == 0 || FigureReread.LanguageFor(language, options) is not { } figureLanguage) yield break;
        foreach (var (run, reading) in runs.Zip(engine.RecognizeLines(image, figureLanguage, [.. runs.Select(r => r.Run)])))
        {
            if (FigureReread.Accepted(reading, options.FigureMinConfidence) is not { } words) continue;
            if (KeepsDigits(FigureReread.Digits(run.First), FigureReread.Digits(words))) yield return words;
        }
    }

    /// <summary>The figure model's digits are the page model's, or those with one more in front; never fewer than three seen.</summary>
    internal static bool KeepsDigits(string before, string after) =>
        before.Length >= 3 && after.Length - before.Length is 0 or 1 && after.EndsWith(before, StringComparison.Ordinal);

    private static long Area(BoundingBox box) => (long)box.Width * box.Height;
}
