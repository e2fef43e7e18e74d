using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// Finds a diagnosis whose label OCR lost or misread by the name itself: a settlement sheet's <c>今断 : 胆囊结石伴慢性胆囊炎</c>
/// (诊断 with a glyph misread, too short a label to be found misread) or a certificate's <c>挠骨远端骨折</c> read as a line of
/// its own under the record number, its label gone. Where no label gave a diagnosis, a line without a colon or label, or the
/// text after a line's last colon when a diagnosis label with a glyph misread stands before it, is taken when it is within
/// the glyphs a misread may cost of a name of the entry whose code the page prints (<see cref="DiagnosisCatalogue.NearestOf"/>,
/// strict) or, a doubtful Latin reading, names that entry by its words (<see cref="DiagnosisCatalogue.ByWordsOf"/>: a
/// handwritten <c>— Communit rrcquiced pneumonia</c> whose label was lost, beside J18.9), or, on a page that prints no
/// code, exactly a name the <see cref="DiagnosisCatalogue"/> holds. A Latin text needs two words. Every candidate must
/// name the same entry, or none is taken. Found without its label, it is trusted less
/// (<see cref="UnlabelledStrength"/>); <see cref="DiagnosisRepair"/> then matches it like any diagnosis read.
/// </summary>
public static class DiagnosisScan
{
    /// <summary>Position strength of a diagnosis found by its name rather than its label.</summary>
    public const double UnlabelledStrength = 0.7;

    public static void Apply(Dictionary<string, ExtractedField> fields, DocumentView view, DiagnosisCatalogue? catalogue)
    {
        if (catalogue is null || fields.ContainsKey(FieldNames.Diagnosis)) return;
        var printed = DiagnosisRepair.PrintedEntry(fields, catalogue);
        var found = new List<(TextSpan Span, DiagnosisCatalogue.Entry Entry)>();
        foreach (var line in view.Lines)
        {
            if (Candidate(line, view.Labels) is not { } span) continue;
            if (!Plausible(span.Text)) continue;
            // With a code printed, only its entry's names count: another diagnosis on the page (a history's) is not this one.
            // A doubtful Latin reading too garbled for that (handwriting) may still name the code's entry by its words; a
            // confident one that is no name is what it says (a sentence, a diagnosis running on into more).
            var match = printed is not null
                ? DiagnosisCatalogue.NearestOf(printed, span.Text, strict: true)
                    ?? (span.Confidence < DiagnosisRepair.RepairBelowConfidence ? catalogue.ByWordsOf(printed, span.Text)?.Match : null)
                : catalogue.Nearest(span.Text) is { Distance: 0 } exact ? exact : null;
            if (match is not null) found.Add((span, match.Entry));
        }
        if (found.Count == 0 || found.Select(f => f.Entry).Distinct().Count() != 1) return;
        var (text, _) = found[0];
        fields[FieldNames.Diagnosis] = new ExtractedField
        {
            Name = FieldNames.Diagnosis,
            Value = text.Text,
            Normalized = text.Text,
            Confidence = Math.Clamp(text.Confidence * UnlabelledStrength, 0, 1),
            Box = text.Box,
            Page = text.Page,
        };
    }

    /// <summary>Whether a text can be a diagnosis standing alone: Chinese, or at least two Latin words (a single word such as
    /// <c>diabetes</c> is as likely a fragment of a longer diagnosis or of a sentence).</summary>
    private static bool Plausible(string text) =>
        text.Any(Normalization.TextCleanup.IsHan) || text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Count(char.IsAsciiLetter) >= 2) >= 2;

    /// <summary>The whole line when it has no colon and no label; else what follows its last colon when the Chinese
    /// characters right before that colon are a diagnosis label with one glyph misread (今断 for 诊断, 出院诊晰 for 出院诊断),
    /// so that a history's 既往史 : or another unknown label's value is not taken; null otherwise.</summary>
    private static TextSpan? Candidate(LineView line, LabelIndex labels)
    {
        var colon = line.Text.LastIndexOfAny([':', '：']);
        var hits = labels.On(line);
        if (hits.Any(h => h.End > colon + 1)) return null;
        if (colon >= 0 && !MisreadLabelBefore(line.Text[..colon].TrimEnd())) return null;
        var span = line.Slice(colon + 1, line.Text.Length);
        return span.Text.Length == 0 ? null : span;
    }

    private static bool MisreadLabelBefore(string before) =>
        ChineseLabels.Any(label => before.Length >= label.Length && LabelIndex.OneGlyphApart(before[^label.Length..], label));

    // The diagnosis's Chinese labels (诊断, 出院诊断 …), as the lexicon holds them.
    private static readonly string[] ChineseLabels =
        [.. FieldLexicon.Labels[FieldNames.Diagnosis].Where(l => l.All(Normalization.TextCleanup.IsHan))];
}
