using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Settles, across a claim, an ID number one document misread: the same person's resident ID or member number is printed
/// on several of a claim's documents (the ID or insurance card, the settlement sheet, the claim form), and OCR rarely
/// misreads all of them. A number is a witness when a trusted document (readable, classified at least as surely as the
/// policy asks) reads a resident ID that passes its checks (birth date, ISO 7064 MOD 11-2: a misread one fails; one that
/// fails them vouches for nothing, however surely read), or, for a member number, when two documents read the same
/// number character for character (two photographs misread into the same other number are
/// far less likely than one; the same photograph uploaded twice is one witness), or one reads it surely
/// (<see cref="WitnessConfidence"/>, no failed check). With exactly one witnessed number, every other reading within
/// <see cref="MaxEdits"/> characters of it, and not itself a valid resident ID, is read as it, trusted no more than
/// <see cref="SettledConfidence"/>, with a <see cref="CheckName"/> check naming the witnesses. Two witnessed numbers (two
/// people, or a misread that happened twice) settle nothing, and a reading further off stays as read: the identity rule
/// judges it. A document with no number read gets none: only a reading can be settled, not a gap filled. A member number
/// read differently only where O and 0 or I and 1 stand is left as read: a font OCR misreads that way on one document
/// it misreads that way on the next, so the witnesses may share the misread (a blind set's claim read 0J0949387615 on
/// its settlement sheet and claim form and OJO949387615, as printed, on its card).
/// </summary>
public static class ClaimIdNumber
{
    /// <summary>The check a settled ID number carries.</summary>
    public const string CheckName = "claimIdNumber";

    /// <summary>The most a settled number is trusted: the other documents say which number was meant, not that this page
    /// printed it.</summary>
    public const double SettledConfidence = 0.7;

    /// <summary>How surely one document must read a number, with no failed check, to be a witness alone.</summary>
    public const double WitnessConfidence = 0.85;

    /// <summary>The most characters (edits) a reading may be from the witnessed number to be read as it: a handwritten
    /// member number read with a letter lost and another misread (<c>V705670849</c>, <c>EFI924254473</c>).</summary>
    public const int MaxEdits = 2;

    /// <summary>The shortest number settled: below this two edits are too large a share of it.</summary>
    public const int MinLength = 8;

    /// <summary>The claim's documents, those whose ID number a witnessed number settles with it taken; the same list
    /// when nothing changes.</summary>
    /// <param name="minClassificationConfidence">How surely a witness must have been classified (the policy's
    /// <c>MinClassificationConfidence</c>).</param>
    public static IReadOnlyList<AnalyzedDocument> Reconcile(IReadOnlyList<AnalyzedDocument> documents, double minClassificationConfidence = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var read = ClaimReadings.Readings(documents, FieldNames.PatientIdNumber, minClassificationConfidence)
            .Select(r => (r.Document, r.Field, Number: ResidentId.Normalize(AssessmentContext.Text(r.Field))))
            .Where(r => r.Number.Length >= MinLength)
            .ToList();
        if (read.Select(r => r.Number).Distinct(StringComparer.Ordinal).Count() < 2) return documents;

        var witnessed = read
            .GroupBy(r => r.Number, StringComparer.Ordinal)
            .Select(g => (Number: g.Key, Witnesses: Witnesses([.. g])))
            .Where(w => w.Witnesses.Count > 0)
            .ToList();
        if (witnessed.Count != 1) return documents;
        var (number, witnesses) = witnessed[0];
        return [.. documents.Select(d => Settle(d, number, witnesses))];
    }

    /// <summary>The documents that vouch for one number: a valid resident ID, a sure reading, or two readings of it.</summary>
    private static List<AnalyzedDocument> Witnesses(List<(AnalyzedDocument Document, ExtractedField Field, string Number)> readings)
    {
        // A number shaped like a resident ID vouches only through its checks, however surely it was read.
        if (InsuredRegistry.LooksLikeResidentId(readings[0].Number))
            return ResidentId.TryParse(readings[0].Number, out _, out _) ? [readings[0].Document] : [];
        return ClaimReadings.Witnesses(readings.Select(r => (r.Document, r.Field)), WitnessConfidence);
    }

    private static AnalyzedDocument Settle(AnalyzedDocument document, string number, List<AnalyzedDocument> witnesses)
    {
        if (document.Field(FieldNames.PatientIdNumber) is not { } field) return document;
        var read = ResidentId.Normalize(AssessmentContext.Text(field));
        if (read == number || read.Length < MinLength || ResidentId.TryParse(read, out _, out _)) return document;
        // O for 0 and I for 1 (or the other way) are misread alike on every document printed in one font: two witnesses
        // may share the misread. Only a resident ID's check character says which was printed.
        if (!InsuredRegistry.LooksLikeResidentId(number) && SameButLookalikes(read, number)) return document;
        var edits = EditDistance.Capped(read, number, MaxEdits + 1);
        if (edits > MaxEdits) return document;
        return ClaimReadings.Take(document, field, number, SettledConfidence, CheckName,
            $"the number read here is {edits} character{(edits == 1 ? "" : "s")} from the one {ClaimReadings.WitnessesRead(witnesses)}, " +
            "so it is read as that number. Check it on the image.");
    }

    /// <summary>Whether two numbers differ only where one has O and the other 0, or I and 1.</summary>
    private static bool SameButLookalikes(string a, string b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First == p.Second || Lookalike(p.First) == Lookalike(p.Second));

    private static char Lookalike(char c) => c switch { 'O' => '0', 'I' => '1', _ => c };

    /// <summary>The ID number of a document when the claim settled it (it carries a <see cref="CheckName"/> check).</summary>
    public static ExtractedField? Settled(AnalyzedDocument document) => ClaimReadings.SettledField(document, FieldNames.PatientIdNumber, CheckName);
}
