using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;

namespace ClaimVision.Vision.Ocr;

/// <summary>
/// Second look at the figures of a page read with a Chinese model. chi_sim reads a currency sign joined to the first
/// digit as a Han glyph or a digit ("¥1,390.00" → "思 ,390.00", "¥55.00" → "355.00", "¥816.25" → "Y816.25"), and the
/// amounts that decide a claim come out wrong. The eng model reads the same crop right ("¥1,390.00"). So every run of
/// figure words on a line whose reading looks damaged or unsure is read again, alone, as one line with
/// <see cref="OcrOptions.FigureLanguage"/>, and the re-reading replaces it only when it is a clean figure read with
/// confidence. Lines without digits, and figures chi_sim read cleanly and surely, cost nothing.
/// </summary>
internal static partial class FigureReread
{
    /// <summary>Reads the damaged or unsure figure runs of <paramref name="text"/> again on <paramref name="image"/> (the
    /// image the text was read from) and returns the text with the accepted re-readings in place.</summary>
    public static RecognizedText Apply(OcrEngine engine, LentImage image, RecognizedText text, OcrOptions options)
    {
        if (LanguageFor(text.Language, options) is not { } figureLanguage) return text;
        var spans = new List<(int Line, int First, int Count)>();
        for (var i = 0; i < text.Lines.Count; i++)
            foreach (var (first, count) in FigureRuns(text.Lines[i].Words))
                if (Suspect(text.Lines[i].Words, first, count, options.FigureRereadBelowConfidence))
                    spans.Add((i, first, count));
        if (spans.Count == 0) return text;

        var regions = spans.Select(s => Region(text.Lines[s.Line], s.First, s.Count)).ToList();
        var readings = engine.RecognizeLines(image, figureLanguage, regions);
        var lines = text.Lines.ToList();
        // Replace from the last run of a line backwards, so the word indexes of earlier runs stay valid.
        foreach (var (span, reading) in spans.Zip(readings).OrderByDescending(p => p.First.Line).ThenByDescending(p => p.First.First))
        {
            var first = lines[span.Line].Words.Skip(span.First).Take(span.Count).ToList();
            // A damaged first reading is wrong for sure, and any clean re-reading beats it (its own confidence carries the
            // doubt on); a clean but unsure one is replaced only by a sure re-reading, or by one surer than it that reads
            // its leading digit as the currency sign chi_sim misreads that way.
            var again = Accepted(reading, options.FigureDamagedMinConfidence);
            var needed = Clean(first) && !(again is not null && SignReadAsDigit(first, again)) ? options.FigureMinConfidence : options.FigureDamagedMinConfidence;
            var words = again is not null && again.Average(w => w.Confidence) >= needed ? AsCode(first, again) ?? (SameFigure(first, again) ? again : null) : null;
            words ??= WithResidentIdRepaired(first, reading, needed);
            words ??= WithLostLeadRestored(first, reading);
            if (words is null) continue;
            var line = lines[span.Line];
            var replaced = line.Words.Take(span.First).Concat(words).Concat(line.Words.Skip(span.First + span.Count)).ToList();
            lines[span.Line] = OcrEngine.LineOf(replaced);
        }
        return text with { Lines = lines };
    }

    /// <summary>The model that reads figures again on a page read in <paramref name="pageLanguage"/>; null when the re-read
    /// is off (<see cref="OcrOptions.FigureLanguage"/> empty) or the page was already read with that model.</summary>
    internal static string? LanguageFor(string pageLanguage, OcrOptions options) =>
        options.FigureLanguage is { Length: > 0 } figureLanguage && !pageLanguage.Split('+').Contains(figureLanguage, StringComparer.Ordinal)
            ? figureLanguage : null;

    /// <summary>Maximal runs of words that carry digits or currency marks, no two neighbours more than two text heights
    /// apart, each with the short word just before it when that word touches it (a currency sign read as a separate glyph).</summary>
    internal static IEnumerable<(int First, int Count)> FigureRuns(IReadOnlyList<OcrWord> words)
    {
        var i = 0;
        while (i < words.Count)
        {
            if (!HasDigit(words[i].Text)) { i++; continue; }
            var first = i;
            var end = i + 1;
            while (end < words.Count && (HasDigit(words[end].Text) || FigureMarks().IsMatch(words[end].Text)) && !FarApart(words[end - 1], words[end])) end++;
            if (first > 0 && Touches(words[first - 1], words[first]) && words[first - 1].Text.Length <= 2
                && !words[first - 1].Text.EndsWith(':') && !words[first - 1].Text.EndsWith('：'))
                first--;
            yield return (first, end - first);
            i = end;
        }
    }

    private static bool Suspect(IReadOnlyList<OcrWord> words, int first, int count, double belowConfidence)
    {
        var run = words.Skip(first).Take(count).ToList();
        return run.Any(w => w.Confidence < belowConfidence) || !Clean(run);
    }

    /// <summary>Every word a figure (a Chinese date's 年月日 allowed) or a mark that continues one, and at least one figure.</summary>
    private static bool Clean(IReadOnlyList<OcrWord> words) =>
        words.Any(w => HasDigit(w.Text)) && words.All(w => CleanFigure().IsMatch(DateMarks().Replace(w.Text, "")) || FigureMarks().IsMatch(w.Text));

    /// <summary>
    /// The re-reading keeps the first reading's digits, or is one amount with a currency sign whose digits differ by one
    /// leading digit: the sign misread as a digit ("355.00" → "¥55.00") or swallowed with the first digit into a glyph
    /// ("思 ,390.00" → "¥1,390.00"). Anything else (a date whose 年月日 eng reads as digits, a label glyph read as "$3"
    /// before an ID number, a different number) is not a better reading of the same figure.
    /// </summary>
    internal static bool SameFigure(IEnumerable<OcrWord> first, IReadOnlyList<OcrWord> again)
    {
        var before = Digits(first);
        var after = Digits(again);
        if (before.Length == 0 || before == after) return before.Length > 0;
        var (shorter, longer) = before.Length < after.Length ? (before, after) : (after, before);
        if (again is [{ Text: [ '¥' or '$' or '￥', .. ] }])
            return longer.Length - shorter.Length == 1 && longer.EndsWith(shorter, StringComparison.Ordinal);
        // Several amounts in one run ("355.00 260.00" → "¥55.00 ¥260.00"): each one by the same rule.
        var firstFigures = first.Where(w => HasDigit(w.Text)).ToList();
        var againFigures = again.Where(w => HasDigit(w.Text)).ToList();
        return firstFigures.Count > 1 && firstFigures.Count == againFigures.Count
            && firstFigures.Zip(againFigures).All(p => SameFigure([p.First], [p.Second]));
    }

    /// <summary>
    /// Whether the re-reading of a clean figure read unsurely (<c>8939.32</c> at 0.37) is one amount with a currency sign in
    /// place of its leading digit (<c>¥939.32</c>) read more surely than it: chi_sim reads a ¥ joined to the first digit as
    /// an 8 or a 3, eng reads it as the sign. Such a re-reading needs only the damaged reading's confidence.
    /// </summary>
    internal static bool SignReadAsDigit(IReadOnlyList<OcrWord> first, IReadOnlyList<OcrWord> again) =>
        first is [{ Text: [>= '0' and <= '9', ..] } figure] && again is [{ Text: ['¥' or '$' or '￥', ..] } signed]
        && signed.Confidence > figure.Confidence && Digits(first)[1..] == Digits(again) && Digits(again).Length > 0;

    /// <summary>
    /// The figure whose leading digits chi_sim lost, restored from the re-reading: a run with one figure word that starts
    /// with a thousands separator (<c>吕 ,437.73</c>: ¥3 merged into one glyph) is surely incomplete, and eng's re-reading
    /// of it, even split or unsure (<c>¥3 437.73</c>), gives the lost digits when its digits are one to three more before
    /// the same ones. The run becomes one word, the lost digits (and a sign eng read) before the figure as first read
    /// (<c>¥3,437.73</c>), at the re-reading's mean confidence: any reading of the lost digits beats none, and the low
    /// confidence carries the doubt on to the extractor, whose checks (total = payments) then confirm or flag the figure.
    /// Null when the first reading lost nothing or the re-reading does not end in the digits read.
    /// </summary>
    internal static List<OcrWord>? WithLostLeadRestored(IReadOnlyList<OcrWord> first, RecognizedText reading)
    {
        if (first.Where(w => HasDigit(w.Text)).ToList() is not [var cut] || !LostLead().IsMatch(cut.Text)) return null;
        var again = reading.Lines.SelectMany(l => l.Words).ToList();
        var (read, reread) = (Digits([cut]), Digits(again));
        if (reread.Length - read.Length is < 1 or > 3 || !reread.EndsWith(read, StringComparison.Ordinal) || reread[0] == '0') return null;
        var sign = again.FirstOrDefault(w => w.Text is ['¥' or '$' or '￥', ..])?.Text[..1] ?? "";
        var box = first.Select(w => w.Box).Aggregate(BoundingBox.Union);
        return [new OcrWord(sign + reread[..^read.Length] + cut.Text, again.Average(w => w.Confidence), box)];
    }

    /// <summary>
    /// The first reading with its resident ID number mended from the re-reading: chi_sim reads the 0s of an ID card's
    /// number in a bold monospace font as 6 or 9 (329162… for 320102…), or one digit twice, in a whole-page reading, and
    /// eng reads the number's crop right. The first reading's word holding a run shaped like an ID that fails the ID
    /// checks is replaced by the one word of the re-reading, read at <paramref name="minConfidence"/> or better, that is an
    /// ID passing them (a real birth date, the ISO 7064 MOD 11-2 check character) within three edits of that run; the
    /// other words of the first reading stay (eng reads the label glyph before the number as "#3" or "$3"). A misread
    /// number passes the check character about one time in eleven and must also hold a real birth date and lie near the
    /// first reading, so a wrong mend is rare. Null when there is nothing to mend: no broken ID, a first reading that
    /// holds a valid ID, or no single valid one read again.
    /// </summary>
    internal static List<OcrWord>? WithResidentIdRepaired(IReadOnlyList<OcrWord> first, RecognizedText reading, double minConfidence)
    {
        var valid = reading.Lines.SelectMany(l => l.Words)
            .Where(w => w.Confidence >= minConfidence)
            .Select(w => (Word: w, Id: ResidentId.TryParse(w.Text, out var id, out _) ? id : null))
            .Where(p => p.Id is not null)
            .ToList();
        if (valid is not [var (repaired, id)]) return null;
        var shaped = first.Select(w => IdShaped().Matches(ResidentId.Normalize(w.Text)).Select(m => m.Value).ToList()).ToList();
        if (shaped.Any(runs => runs.Any(run => ResidentId.TryParse(run, out _, out _)))) return null;
        var broken = shaped.FindIndex(runs => runs.Any(run => CharacterErrorRate.EditDistance(run, id!.Value) <= MaxIdRepairEdits));
        if (broken < 0) return null;
        return [.. first.Select((w, i) => i == broken ? repaired : w)];
    }

    private const int MaxIdRepairEdits = 3;

    /// <summary>Digits that eng reads in place of the capital letter a diagnosis code starts with (an ICD-10 code never
    /// starts with a digit).</summary>
    private static readonly Dictionary<char, char> LetterLookalikes = new() { ['I'] = '1', ['O'] = '0', ['S'] = '5', ['B'] = '8', ['Z'] = '2', ['G'] = '6' };

    /// <summary>
    /// The first reading's diagnosis code, at the re-reading's confidence and box, when the re-reading is the same code
    /// except that its letter came out as the digit it looks like ("I25.1" read again as "125.1"): the two models agree on
    /// every character once the code's shape is known. Null when the first reading is not one code or they differ otherwise.
    /// </summary>
    internal static List<OcrWord>? AsCode(IReadOnlyList<OcrWord> first, IReadOnlyList<OcrWord> again)
    {
        if (first is not [{ Text: [var letter, .. var rest] } code] || again is not [var other]
            || !char.IsAsciiLetterUpper(letter) || !CleanFigure().IsMatch(code.Text)) return null;
        var same = other.Text == code.Text
            || LetterLookalikes.TryGetValue(letter, out var digit) && other.Text.Length == code.Text.Length && other.Text[0] == digit && other.Text[1..] == rest;
        return same ? [other with { Text = code.Text }] : null;
    }

    /// <summary>The ASCII digits of <paramref name="words"/>, in reading order.</summary>
    internal static string Digits(IEnumerable<OcrWord> words) => string.Concat(words.SelectMany(w => w.Text.Where(char.IsAsciiDigit)));

    /// <summary>The run's box grown by a third of its height above, below and right, and by half its height to the left,
    /// where a currency sign the first reading split or lost may stand, so the line has a margin to be found in.</summary>
    private static BoundingBox Region(OcrLine line, int first, int count)
    {
        var box = line.Words.Skip(first).Take(count).Select(w => w.Box).Aggregate(BoundingBox.Union);
        var pad = Math.Max(2, box.Height / 3);
        return new BoundingBox(box.X - box.Height / 2, box.Y - pad, box.Width + box.Height / 2 + pad, box.Height + 2 * pad);
    }

    /// <summary>The re-read words when they are clean figures read at a mean word confidence of at least
    /// <paramref name="minConfidence"/>; null otherwise. A "Y" before digits is the yuan sign as eng reads it on some fonts.</summary>
    internal static List<OcrWord>? Accepted(RecognizedText reading, double minConfidence)
    {
        // The wider left margin may take in the colon after the label, or a speck: words before the first figure go.
        var words = reading.Lines.SelectMany(l => l.Words).SkipWhile(w => !HasDigit(w.Text) && !FigureMarks().IsMatch(w.Text)).ToList();
        if (words.Count == 0 || words.Average(w => w.Confidence) < minConfidence) return null;
        words = [.. words.Select(w => CurrencyLetter().IsMatch(w.Text) ? w with { Text = "¥" + w.Text[1..] } : w)];
        return Clean(words) ? words : null;
    }

    internal static bool HasDigit(string text) => text.Any(char.IsAsciiDigit);

    /// <summary>Two words more than two text heights apart are two figures in two columns, read again apart (a region over
    /// both would take in the label between them).</summary>
    private static bool FarApart(OcrWord left, OcrWord right) =>
        right.Box.X - (left.Box.X + left.Box.Width) > 2 * Math.Max(left.Box.Height, right.Box.Height);

    private static bool Touches(OcrWord left, OcrWord right) =>
        right.Box.X - (left.Box.X + left.Box.Width) <= Math.Max(left.Box.Height, right.Box.Height) / 2;

    /// <summary>A figure as printed: an optional currency sign, digits with separators, an optional percent sign; or a
    /// diagnosis code shaped like ICD-10 (a capital letter, two digits, an optional dotted subdivision: I25.1).</summary>
    [GeneratedRegex(@"^([¥$￥]?\d[\d,.\-/:]*%?|[A-Z]\d{2}(\.\d{1,4})?)$")]
    private static partial Regex CleanFigure();

    /// <summary>A run of 17 to 19 digits (the last may be the check character X): a resident ID number, read right, a
    /// digit short or a digit long.</summary>
    [GeneratedRegex(@"(?<![0-9])[0-9]{16,18}[0-9X](?![0-9X])")]
    private static partial Regex IdShaped();

    /// <summary>A figure that starts with a thousands separator: its leading digits were lost (",437.73").</summary>
    [GeneratedRegex(@"^,\d{3}(,\d{3})*(\.\d{1,2})?$")]
    private static partial Regex LostLead();

    /// <summary>Words that continue a figure without digits of their own.</summary>
    [GeneratedRegex(@"^[¥$￥,.\-/%]+$")]
    private static partial Regex FigureMarks();

    /// <summary>The characters of a Chinese date (2026年3月2日).</summary>
    [GeneratedRegex("[年月日]")]
    private static partial Regex DateMarks();

    /// <summary>eng's reading of ¥ on some fonts.</summary>
    [GeneratedRegex(@"^Y\d")]
    private static partial Regex CurrencyLetter();
}
