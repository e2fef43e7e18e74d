using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Normalization;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// Matches the diagnosis read to the <see cref="DiagnosisCatalogue"/>. A reading equal to a catalogue name records the
/// entry's ICD-10 code in a passed check. A doubtful reading (confidence below <see cref="RepairBelowConfidence"/>)
/// a glyph or two away from exactly one entry is taken as that entry's name (囊 read as 圳 in 胆囊结石伴慢性胆囊炎): the
/// value keeps what was printed as read, the normalised form becomes the name, the confidence is capped at
/// <see cref="RepairedConfidence"/>, and a check says what was changed. A confident reading is left as it is, because
/// it is more likely a diagnosis the catalogue does not hold (急性 where the catalogue has only 慢性) than a misread.
/// When the document prints a diagnosis code the catalogue holds, a doubtful reading within a third of the glyphs of one
/// of that code's names (a quarter of a Latin name's letters; <see cref="DiagnosisCatalogue.NearestOf"/>) is taken as that
/// name however near other entries lie: the code says which of them was written
/// (骨远端骨折 beside S52.5 is 桡骨远端骨折, not 肱骨远端骨折). A reading that is exactly another entry's name stays, and so
/// does a confident one (`Calculus of gallbladder with cholecystitis` beside K80.1 is a doctor's wording, not a misread
/// of the catalogue's `… with other cholecystitis`). A doubtful Latin reading too garbled for that (a handwritten diagnosis)
/// is taken as a name of the code's entry when its words still say so (<see cref="DiagnosisCatalogue.ByWordsOf"/>:
/// <c>F &lt;ceatial hypectension</c> beside I10 is Essential hypertension), trusted no more than
/// <see cref="NamedByWordsConfidence"/>.
/// A diagnosis that is a catalogue name (as read or repaired) also completes a code printed beside it whose chapter letter
/// OCR lost or turned into a digit (`疾病编码 : 18.9` beside 社区获得性肺炎, J18.9): when the rest of the code read there is
/// that entry's code to the character, the entry's code is taken, doubted like a repair.
/// A doubtful reading a glyph or two from several names with no code on the page to choose between them keeps those
/// names as its <see cref="ExtractedField.Alternatives"/>, for a code printed elsewhere in the claim to decide
/// (<see cref="Domain.Assessment.ClaimDiagnosis"/>). A code on the page that the catalogue does not hold but that is one
/// character from exactly one of those names' codes chooses that name, and is taken as that code, both doubted
/// (赔骨远端骨折 beside S57 5: 桡骨远端骨折, S52.5); so does a code printed as a category alone that holds exactly one of
/// those names' codes, the code left as read (总性支气管炎 beside J20: 急性支气管炎 J20.9, not 慢性支气管炎 J42).
/// </summary>
public static partial class DiagnosisRepair
{
    /// <summary>Name of the check recorded on a diagnosis matched to the catalogue.</summary>
    public const string InCatalogue = "diagnosisInCatalogue";

    /// <summary>Only a reading less sure than this is repaired.</summary>
    public const double RepairBelowConfidence = 0.85;

    /// <summary>The most a repaired diagnosis is trusted: the catalogue says which name is nearest, not that it was printed.</summary>
    public const double RepairedConfidence = 0.7;

    /// <summary>The most a diagnosis named by the printed code and a few of its words is trusted: less than a repair of a
    /// glyph or two, because most of the reading is not that name.</summary>
    public const double NamedByWordsConfidence = 0.5;

    /// <summary>The most a diagnosis is trusted that was taken as the one of several equally near names the reading did not
    /// add a glyph to (<see cref="DiagnosisCatalogue.WithoutGlyphAdded"/>).</summary>
    public const double TiedRepairConfidence = 0.6;

    /// <param name="view">The page, to look beside the code labels for a code that lost its letter; null to skip that.</param>
    public static void Apply(Dictionary<string, ExtractedField> fields, DiagnosisCatalogue? catalogue, DocumentView? view = null)
    {
        if (catalogue is null || !fields.TryGetValue(FieldNames.Diagnosis, out var diagnosis)) return;
        var read = diagnosis.Normalized ?? diagnosis.Value;
        if (!catalogue.Holds(read) && catalogue.WithGluedTail(read, LabelStart) is var (glued, printed))
        {
            // The name was read letter for letter; what follows it is OCR's glue, not the diagnosis (see WithGluedTail).
            fields[FieldNames.Diagnosis] = diagnosis with
            {
                Normalized = glued.Name,
                Checks = [.. diagnosis.Checks, new FieldCheck(InCatalogue, true, $"ICD-10 {glued.Entry.Code} '{glued.Name}' in the diagnosis " +
                    $"catalogue ({catalogue.Source}), read as '{printed}' with '{read[printed.Length..].Trim()}' after it: a code or the start of the next label.")],
            };
            return;
        }
        var match = catalogue.Nearest(read);
        if (match is { Distance: 0 })
        {
            fields[FieldNames.Diagnosis] = diagnosis with
            {
                // Spacing, case and punctuation aside the reading is this name (Acute ga stroenteritis): it is written as the catalogue writes it.
                Normalized = match.Name,
                Checks = [.. diagnosis.Checks, new FieldCheck(InCatalogue, true, $"ICD-10 {match.Entry.Code} in the diagnosis catalogue ({catalogue.Source}).")],
            };
            CompleteCode(fields, match, view);
            return;
        }
        if (CutShort(read, match))
        {
            // Confident or not: what was read is the name to its last glyph, which OCR lost (a cell's edge, a faint glyph),
            // and no other name is as near.
            fields[FieldNames.Diagnosis] = Repaired(diagnosis, match!.Name,
                $"Read as ICD-10 {match.Entry.Code} '{match.Name}' without its last glyph, and no other entry as near " +
                $"({catalogue.Source}); taken as that name. Check it on the image.");
            CompleteCode(fields, match, view);
            return;
        }
        if (diagnosis.Confidence >= RepairBelowConfidence) return;
        if (Coded(fields, catalogue, read) is { } coded)
            fields[FieldNames.Diagnosis] = Repaired(diagnosis, coded.Name,
                $"Read with {coded.Distance} character(s) unlike '{coded.Name}', the name of ICD-10 {coded.Entry.Code} printed on the " +
                $"document ({catalogue.Source}); taken as that name. Check it on the image.");
        else if (match is not null)
        {
            fields[FieldNames.Diagnosis] = Repaired(diagnosis, match.Name,
                $"Read with {match.Distance} character(s) unlike ICD-10 {match.Entry.Code} '{match.Name}' and no other entry as near " +
                $"({catalogue.Source}); taken as that name. Check it on the image.");
            CompleteCode(fields, match, view);
        }
        else if (CodedByWords(fields, catalogue, read) is { } named)
            fields[FieldNames.Diagnosis] = Repaired(diagnosis, named.Match.Name,
                $"Read too unlike any name to repair by its letters, but its word(s) {string.Join(", ", named.Words.Select(w => $"'{w}'"))} " +
                $"are in '{named.Match.Name}', a name of ICD-10 {named.Match.Entry.Code} printed on the document ({catalogue.Source}); " +
                "taken as that name. Check it on the image.", NamedByWordsConfidence);
        else if (catalogue.Ties(read) is { Count: > 0 } near)
        {
            // Equally near several names: the page cannot say which was printed; the claim's code may (ClaimDiagnosis), so
            // the names stay as alternatives. When only one of them is not shorter than the reading, the others need a glyph
            // added, which OCR seldom does, and the reading is taken as that name, less surely than a repair with no other
            // name as near.
            var tied = diagnosis with { Alternatives = [.. near.Select(m => new FieldAlternative(m.Name, m.Entry.Code))] };
            if (CodeAMisreadOf(fields, catalogue, near) is var (byCode, code))
            {
                fields[FieldNames.Diagnosis] = Repaired(tied, byCode.Name,
                    $"Read with {byCode.Distance} character(s) unlike ICD-10 {byCode.Entry.Code} '{byCode.Name}' and as near to " +
                    $"{string.Join(", ", near.Where(m => m != byCode).Select(m => $"{m.Entry.Code} '{m.Name}'"))}; the code read beside it, " +
                    $"'{code.Value}', is one character from {byCode.Entry.Code} alone ({catalogue.Source}). Both taken as that entry. Check them on the image.",
                    TiedRepairConfidence);
                fields[FieldNames.DiagnosisCode] = code with
                {
                    Normalized = byCode.Entry.Code,
                    Confidence = Math.Min(code.Confidence, TiedRepairConfidence),
                    Checks = [.. code.Checks, new FieldCheck(InCatalogue, true, $"Read '{code.Value}', a code the diagnosis catalogue does not hold " +
                        $"and one character from ICD-10 {byCode.Entry.Code}, whose name '{byCode.Name}' is a glyph or two from the diagnosis read " +
                        "beside it; taken as that code. Check it on the image.")],
                };
                return;
            }
            if (InPrintedCategory(fields, near) is var (inCategory, category))
            {
                fields[FieldNames.Diagnosis] = Repaired(tied, inCategory.Name,
                    $"Read with {inCategory.Distance} character(s) unlike ICD-10 {inCategory.Entry.Code} '{inCategory.Name}' and as near to " +
                    $"{string.Join(", ", near.Where(m => m != inCategory).Select(m => $"{m.Entry.Code} '{m.Name}'"))}; the code read beside it, " +
                    $"'{category}', is the category of {inCategory.Entry.Code} alone ({catalogue.Source}); taken as that name. Check it on the image.",
                    TiedRepairConfidence);
                return;
            }
            fields[FieldNames.Diagnosis] = DiagnosisCatalogue.WithoutGlyphAdded(near, read) is { } chosen
                ? Repaired(tied, chosen.Name,
                    $"Read with {chosen.Distance} character(s) unlike ICD-10 {chosen.Entry.Code} '{chosen.Name}' and as near to " +
                    $"{string.Join(", ", near.Where(m => m != chosen).Select(m => $"{m.Entry.Code} '{m.Name}'"))}, which it would have added a character to " +
                    $"({catalogue.Source}); taken as the first. Check it on the image.", TiedRepairConfidence)
                : tied;
        }
    }

    /// <summary>Of the entries a reading is equally near (<paramref name="near"/>), the one whose code the code read on the
    /// document is a misread of, and that code's field: a code the catalogue does not hold (one it holds names its own
    /// entry), one character from the code of exactly one of them and further from the others' (S57.5 beside a reading a
    /// glyph from both 桡骨远端骨折 S52.5 and 肱骨远端骨折 S42.4). Two readings, each a character off, point at one entry.</summary>
    private static (DiagnosisCatalogue.Match Match, ExtractedField Code)? CodeAMisreadOf(Dictionary<string, ExtractedField> fields, DiagnosisCatalogue catalogue,
        IReadOnlyList<DiagnosisCatalogue.Match> near)
    {
        if (!fields.TryGetValue(FieldNames.DiagnosisCode, out var code) || PrintedEntry(fields, catalogue) is not null) return null;
        var read = (code.Normalized ?? code.Value).Trim();
        if (read.Length == 0) return null;
        var within = near.Where(m => m.Entry.Code.Length == read.Length && LabelIndex.OneGlyphApart(read, m.Entry.Code))
            .DistinctBy(m => m.Entry.Code).ToList();
        return within.Count == 1 ? (within[0], code) : null;
    }

    /// <summary>Of the entries a reading is equally near (<paramref name="near"/>), the one whose code is in the category the
    /// code read on the document names, when that code is a category alone (J20: its point and subcategory not printed or
    /// lost) and exactly one of the entries is in it (总性支气管炎 beside J20, a glyph from 急性支气管炎 J20.9 and 慢性支气管炎
    /// J42). The code is left as read: the category does not say which subcategory was meant.</summary>
    private static (DiagnosisCatalogue.Match Match, string Category)? InPrintedCategory(Dictionary<string, ExtractedField> fields,
        IReadOnlyList<DiagnosisCatalogue.Match> near)
    {
        if (!fields.TryGetValue(FieldNames.DiagnosisCode, out var code)) return null;
        var read = (code.Normalized ?? code.Value).Trim().ToUpperInvariant();
        if (read.Length == 0) return null;
        // Only the category itself is followed by the point in its codes (J20 in J20.9; not J2, nor J20.1 in J20.12).
        var within = near.Where(m => m.Entry.Code.StartsWith(read + ".", StringComparison.Ordinal)).DistinctBy(m => m.Entry.Code).ToList();
        return within.Count == 1 ? (within[0], read) : null;
    }

    /// <summary>Whether Han glyphs after a diagnosis begin one of the lexicon's labels (疾病 of 疾病编码, 申请金 of 申请金额).</summary>
    private static bool LabelStart(string glyphs) => LabelStarts.Value.Any(l => l.StartsWith(glyphs, StringComparison.Ordinal));

    private static readonly Lazy<string[]> LabelStarts = new(() =>
        [.. FieldLexicon.Labels.Values.SelectMany(l => l).Where(l => l.All(TextCleanup.IsHan))]);

    /// <summary>A code without a readable chapter letter (18.9, 125.1, 344.1) beside a code label, whose rest is the
    /// diagnosis's entry's code (J18.9 → 18.9), becomes that code when no code was read.</summary>
    private static void CompleteCode(Dictionary<string, ExtractedField> fields, DiagnosisCatalogue.Match match, DocumentView? view)
    {
        var code = match.Entry.Code;
        // A code the value reader gave its letter back (125.1 → I25.1) is this diagnosis's code: the catalogue backs it.
        if (fields.TryGetValue(FieldNames.DiagnosisCode, out var read) && read.Value.Length > 0 && read.Value[0] is (>= '0' and <= '9') or '$'
            && string.Equals(read.Normalized, code, StringComparison.Ordinal))
        {
            fields[FieldNames.DiagnosisCode] = read with
            {
                Checks = [.. read.Checks, new FieldCheck(InCatalogue, true, $"Read '{read.Value}' without its chapter letter; ICD-10 {code} " +
                    $"is the code of the diagnosis '{match.Name}' beside it. Check it on the image.")],
            };
            return;
        }
        if (view is null || fields.ContainsKey(FieldNames.DiagnosisCode) || !code.Contains('.', StringComparison.Ordinal)) return;
        // The lost letter may have become a digit, or $ for an S; the rest must be the entry's code to the character.
        Match? Of(string text) => LetterLost().Matches(text.ToUpperInvariant()).FirstOrDefault(m => m.Groups["rest"].Value == code[1..]
            && (m.Groups["lead"].Value is not "$" || code[0] == 'S'));
        var found = new LabelValueFinder(view, view.Labels).Find(FieldNames.DiagnosisCode, s => Of(s.Text) is not null).FirstOrDefault();
        if (found is null) return;
        var printed = Of(found.Value.Text)!.Value;
        fields[FieldNames.DiagnosisCode] = new ExtractedField
        {
            Name = FieldNames.DiagnosisCode,
            Value = printed,
            Normalized = code,
            Confidence = Math.Min(found.Value.Confidence, RepairedConfidence),
            Box = found.Value.Box,
            Page = found.Value.Page,
            Checks = [new FieldCheck(InCatalogue, true, $"Read '{printed}' beside the code label: ICD-10 {code} of the diagnosis '{match.Name}' " +
                "without its chapter letter; taken as that code. Check it on the image.")],
        };
    }

    // A code whose chapter letter was lost or read as a digit or $: the rest is two digits, a point and its subcategory,
    // not part of a date (18.9.2022) or an amount (¥18.9).
    [GeneratedRegex(@"(?<![0-9A-Z.¥$])(?<lead>[0-9$]?)(?<rest>[0-9]{2}\.[0-9A-Z]{1,4})(?![0-9A-Z]|\.[0-9])")]
    private static partial Regex LetterLost();

    /// <summary>Whether <paramref name="read"/> is the Chinese name <paramref name="match"/> (the one nearest entry) with its last
    /// glyph lost: <c>慢性阻塞性肺疾病急性加</c> for 慢性阻塞性肺疾病急性加重. Names of six glyphs or more only: a shorter reading
    /// one glyph short of a name is as often another name misread (急性胃肠: 急性胃肠炎, or 急性胃炎 with 炎 read as 肠).</summary>
    private static bool CutShort(string read, DiagnosisCatalogue.Match? match)
    {
        if (match is not { Distance: 1 }) return false;
        var text = string.Concat(read.Where(c => !char.IsWhiteSpace(c)));
        return text.Length >= MinCutShortGlyphs - 1 && text.All(TextCleanup.IsHan)
            && match.Name.Length == text.Length + 1 && match.Name.StartsWith(text, StringComparison.Ordinal);
    }

    private const int MinCutShortGlyphs = 6;

    /// <summary>The diagnosis as read, normalised to a catalogue name, its confidence capped and the repair recorded.</summary>
    private static ExtractedField Repaired(ExtractedField diagnosis, string name, string message, double trustedAtMost = RepairedConfidence) => diagnosis with
    {
        Normalized = name,
        Confidence = Math.Min(diagnosis.Confidence, trustedAtMost),
        Checks = [.. diagnosis.Checks, new FieldCheck(InCatalogue, true, message)],
    };

    /// <summary>The name of the document's own diagnosis code a reading is a misread of, when the code is in the catalogue.</summary>
    private static DiagnosisCatalogue.Match? Coded(Dictionary<string, ExtractedField> fields, DiagnosisCatalogue catalogue, string read) =>
        PrintedEntry(fields, catalogue) is { } entry ? DiagnosisCatalogue.NearestOf(entry, read) : null;

    /// <summary>The name of the document's own diagnosis code a garbled Latin reading still names by its words.</summary>
    private static (DiagnosisCatalogue.Match Match, IReadOnlyList<string> Words)? CodedByWords(Dictionary<string, ExtractedField> fields, DiagnosisCatalogue catalogue, string read) =>
        PrintedEntry(fields, catalogue) is { } entry ? catalogue.ByWordsOf(entry, read) : null;

    /// <summary>The catalogue entry of the diagnosis code read on the document, if the catalogue holds it.</summary>
    internal static DiagnosisCatalogue.Entry? PrintedEntry(Dictionary<string, ExtractedField> fields, DiagnosisCatalogue catalogue) =>
        fields.TryGetValue(FieldNames.DiagnosisCode, out var code) ? catalogue.ByCode(code.Normalized ?? code.Value) : null;
}
