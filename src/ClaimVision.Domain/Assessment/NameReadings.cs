using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Policies;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Readings of a person's name compared with a reference name (<see cref="NameMatcher"/>), in document order: those that
/// agree — exactly or allowing one OCR look-alike — and those that name someone else, with a note for each look-alike
/// and each other name. Shared by <c>identity.name</c> (the patient) and <c>payee.holder</c> (the bank card's holder).
/// </summary>
internal sealed class NameReadings
{
    public List<Evidence> Matching { get; } = [];
    public List<Evidence> Lookalikes { get; } = [];
    public List<Evidence> Different { get; } = [];
    /// <summary>Every note, look-alikes and other names, in document order.</summary>
    public List<string> Notes { get; } = [];
    /// <summary>The notes of the other names only.</summary>
    public List<string> DifferentNotes { get; } = [];

    /// <param name="differentNote">The note for a reading that names someone else: (document, name as read) → text, names masked.</param>
    public static NameReadings Compare(IEnumerable<(AnalyzedDocument Document, ExtractedField Field)> readings, string reference,
        Func<AnalyzedDocument, string, string> differentNote)
    {
        var result = new NameReadings();
        foreach (var (doc, field) in readings)
        {
            var evidence = AssessmentContext.Evidence(doc, field);
            var read = AssessmentContext.Text(field);
            switch (NameMatcher.Compare(read, reference))
            {
                case NameMatch.Same:
                    result.Matching.Add(evidence);
                    break;
                case NameMatch.Confusable:
                    result.Matching.Add(evidence);
                    result.Lookalikes.Add(evidence);
                    result.Notes.Add($"the name on {doc.FileName} matches allowing an OCR look-alike");
                    break;
                default:
                    result.Different.Add(evidence);
                    var note = differentNote(doc, read);
                    result.Notes.Add(note);
                    result.DifferentNotes.Add(note);
                    break;
            }
        }
        return result;
    }

    /// <summary>The pass factor with its weight: when one reading agrees exactly and surely, the other exact but unsure
    /// readings are no OCR error that happens to match, so only the look-alike matches carry their doubt into the factor.
    /// Without such a sure reading every match keeps its doubt (an unsure 王伟 may be a misread 王玮).</summary>
    public Factor Weigh(Factor pass, Policy policy)
    {
        var sure = Matching.Except(Lookalikes).Any(m => !QualityRule.IsUnsure(m, policy));
        return sure ? pass with { Weight = Lookalikes.Select(l => l.Confidence ?? 1).DefaultIfEmpty(1).Min() } : pass;
    }
}
