using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Validation;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// Finds a Chinese resident ID anywhere on the page when its label was not read (公民身份 S 码, 公民身份纪码): an
/// 18-character run, spaces ignored and O/0, I/l/1 repaired, that passes every <see cref="ResidentIdValidator"/> check.
/// The MOD 11-2 check digit and the birth date make a chance match rare, so an unlabelled but valid ID is accepted with
/// a moderate position strength. A labelled ID that fails its checks is replaced only by such a valid one, or by the
/// repair below made from a reading close to it.
/// OCR sometimes reads one character too many (公民身份纪码 3101151945605214014: 05 read as 605); a 19-character run
/// from which exactly one ID that passes every check can be made by dropping one character is taken as that ID, less
/// surely, when no clean run is on the page. A 19-digit number starting 62 (a UnionPay card) yields exactly one such ID
/// about once in 1,700, so lines that name a bank account or card are not searched, and when a labelled reading exists
/// the repaired ID must be within three edits of it (the labelled reading of a 19-digit run is its first 18 digits).
/// </summary>
public static partial class ResidentIdScan
{
    private const double UnlabelledStrength = 0.8;

    /// <summary>Name of the check recorded on an ID found this way: the ID checks chose it, so they are no second reading of it.</summary>
    public const string FoundByItsChecks = "idFoundByItsChecks";

    /// <summary>Name of the check recorded on an ID read with one character too many and repaired by dropping it.</summary>
    public const string OneCharacterDropped = "idOneCharacterDropped";

    /// <summary>Position strength of an ID repaired by dropping a character: well under the policies' field threshold, so a person looks.</summary>
    private const double RepairedStrength = 0.6;

    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{16}[0-9X](?![0-9X])")]
    private static partial Regex Candidate();

    [GeneratedRegex(@"(?<![0-9])[0-9]{18}[0-9X](?![0-9X])")]
    private static partial Regex OneTooMany();

    /// <summary>Name of the check recorded on an ID whose birth date (characters 7–14) the page prints apart from it:
    /// failed when the two disagree; passed on an ID repaired with the printed date.</summary>
    public const string BirthDateAsPrinted = "idBirthDateAsPrinted";

    /// <param name="birthDateBeside">The page is an ID card, which prints the holder's birth date beside the number (other
    /// documents may print another person's: a claim form's applicant).</param>
    public static void Apply(Dictionary<string, ExtractedField> fields, DocumentView view, DateOnly today, bool birthDateBeside = false)
    {
        var printedBirth = birthDateBeside ? PrintedBirthDate(view) : null;
        if (fields.TryGetValue(FieldNames.PatientIdNumber, out var labelled)
            && Passes(labelled.Normalized ?? labelled.Value, today))
        {
            // A valid ID whose birth date is not the one printed beside it: one of the two was misread (or they are not
            // the same person's), which the adjuster must see.
            var id = ResidentIdValidator.Normalize(labelled.Normalized ?? labelled.Value);
            if (printedBirth is { } birth && id.Length == 18 && ResidentIdValidator.BirthDateOf(id) is { } encoded && encoded != birth)
                fields[FieldNames.PatientIdNumber] = FieldChecks.Apply(labelled,
                    [new FieldCheck(BirthDateAsPrinted, false, "the birth date it encodes is not the one the page prints")]);
            return;
        }
        var near = labelled is null ? null : ResidentIdValidator.Normalize(labelled.Normalized ?? labelled.Value);
        if (Find(view, today, near) is { } found) fields[FieldNames.PatientIdNumber] = found;
        else if (labelled is not null && near is { Length: 18 } && printedBirth is { } printed
                 && WithBirthDate(near, printed) is var repaired && repaired != near && Passes(repaired, today))
            fields[FieldNames.PatientIdNumber] = labelled with
            {
                Normalized = repaired,
                Confidence = labelled.Confidence * RepairedStrength,
                Checks =
                [
                    .. labelled.Checks,
                    new FieldCheck(FoundByItsChecks, true, "repaired by the ID checks"),
                    new FieldCheck(BirthDateAsPrinted, true, "read with a birth date that fails its checks; with the birth date the page prints it passes them all"),
                ],
            };
    }

    private static string WithBirthDate(string id, DateOnly birth) =>
        string.Concat(id.AsSpan(0, 6), birth.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), id.AsSpan(14));

    /// <summary>The birth date an ID card prints beside the number (出生 1990 年 4 月 13 日): a line that starts with the label
    /// and goes on with the date, nothing between but a colon; null when no line does.</summary>
    private static DateOnly? PrintedBirthDate(DocumentView view) => view.Lines
        .Select(l => BirthLabel().Match(l.Text) is { Success: true } m
            ? Normalization.DateNormalizer.FindAll(l.Text[(m.Index + m.Length)..]).FirstOrDefault(d => d.Index == 0)?.Date
            : null)
        .FirstOrDefault(d => d is not null);

    [GeneratedRegex(@"^\W*出\s*生(?:\s*日\s*期)?\s*[:：]?\s*(?=\d)")]
    private static partial Regex BirthLabel();

    private static ExtractedField? Find(DocumentView view, DateOnly today, string? labelled) =>
        view.Lines.Select(line => FindClean(line, today)).FirstOrDefault(f => f is not null)
        ?? view.Lines.Where(line => !BankLine().IsMatch(line.Text))
            .Select(line => FindOneTooMany(line, today, labelled)).FirstOrDefault(f => f is not null);

    [GeneratedRegex("银行|账号|账户|卡号|Account|Card", RegexOptions.IgnoreCase)]
    private static partial Regex BankLine();

    /// <summary>How far a repaired ID may be from the labelled reading it replaces, in edits.</summary>
    private const int MaxEditsFromLabelled = 3;

    private static ExtractedField? FindClean(LineView line, DateOnly today)
    {
        // Spaces ignored first (OCR splits an ID into groups); then spaces kept, so that a stray character read as a word of
        // its own before the number (公民身份 3 420106197607092225, 码 read as 3) does not make the run 19 characters long;
        // not on a line naming an account or card, whose longer number may hold 18 digits that pass by chance.
        return FindClean(line, Compact(line.Text), today)
            ?? (BankLine().IsMatch(line.Text) ? null : FindClean(line, Compact(line.Text, keepSpaces: true), today));
    }

    private static ExtractedField? FindClean(LineView line, (string Compact, int[] Map) reading, DateOnly today)
    {
        foreach (Match m in Candidate().Matches(reading.Compact))
        {
            if (!Passes(m.Value, today)) continue;
            return Found(line, reading.Map, m, m.Value, UnlabelledStrength,
                new FieldCheck(FoundByItsChecks, true, "found without its label, as an 18-character run that passes the ID checks"));
        }
        return null;
    }

    private static ExtractedField? FindOneTooMany(LineView line, DateOnly today, string? labelled)
    {
        var (compact, map) = Compact(line.Text);
        foreach (Match m in OneTooMany().Matches(compact))
        {
            var ids = Enumerable.Range(0, m.Length).Select(i => m.Value.Remove(i, 1)).Where(id => Passes(id, today)).Distinct().ToList();
            if (ids.Count != 1) continue;
            if (labelled is not null && Vision.Ocr.CharacterErrorRate.EditDistance(ids[0], labelled) > MaxEditsFromLabelled) continue;
            return Found(line, map, m, ids[0], RepairedStrength,
                new FieldCheck(FoundByItsChecks, true, "found by the ID checks"),
                new FieldCheck(OneCharacterDropped, true, $"read with 19 characters; dropping one gives the only ID that passes the checks"));
        }
        return null;
    }

    private static bool Passes(string id, DateOnly today) => ResidentIdValidator.Check(id, today).All(c => c.Passed);

    private static ExtractedField Found(LineView line, int[] map, Match m, string id, double strength, params FieldCheck[] checks)
    {
        var span = line.Slice(map[m.Index], map[m.Index + m.Length - 1] + 1);
        var field = LabelledFields.FromSpan(FieldNames.PatientIdNumber, span, new ReadValue(span.Text, id, 1), strength);
        return field with { Checks = [.. field.Checks, .. checks] };
    }

    /// <summary>The line without spaces (or with them, <paramref name="keepSpaces"/>), look-alike letters as digits, and each
    /// kept character's index in the line.</summary>
    private static (string Compact, int[] Map) Compact(string text, bool keepSpaces = false)
    {
        var chars = new List<char>(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) && !keepSpaces) continue;
            chars.Add(text[i] switch { 'O' or 'o' => '0', 'I' or 'l' => '1', 'x' => 'X', var c => c });
            map.Add(i);
        }
        return (new string([.. chars]), [.. map]);
    }
}
