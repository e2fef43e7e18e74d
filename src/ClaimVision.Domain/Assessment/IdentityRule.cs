using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Privacy;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Identity: the ID numbers on the documents are valid and all the claimed person's; the names agree with the
/// registry (allowing OCR look-alikes) — except a bank card's, which names the cardholder (<see cref="PayeeRule"/>).
/// A valid ID of someone else is a fail; a check digit that fails on an OCR reading is most likely a misread, so it is
/// uncertain, not a fail. MOD 11-2 catches every single-character substitution, so a misread never passes as another
/// valid ID unless two or more characters are wrong.
/// </summary>
public sealed class IdentityRule : IFactorRule
{
    public const string IdNumberFactor = "identity.idNumber";
    public const string NameFactor = "identity.name";

    public IEnumerable<Factor> Evaluate(AssessmentContext context)
    {
        yield return IdNumbers(context);
        yield return Names(context);
    }

    private static Factor IdNumbers(AssessmentContext context)
    {
        var claimed = ResidentId.Normalize(context.Claim.Insured.IdNumber);
        var claimEvidence = Factors.Source("claim.json", "insured.idNumber", claimed);
        if (claimed.Length == 0) return Factors.Uncertain(IdNumberFactor, "The claim states no ID number for the insured person.", claimEvidence);
        if (InsuredRegistry.LooksLikeResidentId(claimed) && !ResidentId.TryParse(claimed, out _, out var claimError))
            return Factors.Fail(IdNumberFactor, $"The ID number on the claim ({Mask.IdNumber(claimed)}) is not a valid resident ID: {claimError}.", claimEvidence);

        var unsure = new List<Evidence>();
        var others = new List<Evidence>();
        var agreeing = new List<Evidence>();
        var problems = new List<string>();
        foreach (var (doc, field) in context.Readings(FieldNames.PatientIdNumber))
        {
            var read = ResidentId.Normalize(AssessmentContext.Text(field));
            var evidence = AssessmentContext.Evidence(doc, field);
            if (read == claimed)
            {
                agreeing.Add(evidence);
            }
            else if (ResidentId.TryParse(read, out _, out var error))
            {
                others.Add(evidence);
                problems.Add($"{doc.FileName} carries ID number {Mask.IdNumber(read)}, not the claimed person's {Mask.IdNumber(claimed)}");
            }
            else
            {
                // Not a valid resident ID (wrong length, bad check digit, member number read differently): a misreading
                // is likelier than a second person, and either way a person must look.
                unsure.Add(evidence);
                problems.Add(InsuredRegistry.LooksLikeResidentId(claimed) || InsuredRegistry.LooksLikeResidentId(read)
                    ? $"the ID number on {doc.FileName} is not a valid resident ID ({error}), probably misread"
                    : $"the member number on {doc.FileName} ({Mask.IdNumber(read)}) differs from the claim's");
            }
        }
        var registryEvidence = context.Entry is { } e ? [Factors.Source(e.Source, "idNumber", e.IdNumber)] : Array.Empty<Evidence>();
        if (others.Count > 0)
            return Factors.Fail(IdNumberFactor, "Documents belong to a different person: " + string.Join("; ", problems) + ".", [claimEvidence, .. others, .. unsure]);
        if (unsure.Count > 0)
            return Factors.Uncertain(IdNumberFactor, AssessmentContext.Capitalise(string.Join("; ", problems)) + ".", [claimEvidence, .. unsure]);
        var where = agreeing.Count == 0 ? "no document shows an ID number" : $"{agreeing.Count} document(s) show the same ID number";
        return Factors.Pass(IdNumberFactor, $"ID number {Mask.IdNumber(claimed)} is valid; {where}.", [claimEvidence, .. registryEvidence, .. agreeing]);
    }

    private static Factor Names(AssessmentContext context)
    {
        var (reference, referenceSource) = ReferenceName(context);
        var notes = new List<string>();
        var different = new List<Evidence>();
        if (context.Entry is not null && NameMatcher.Compare(context.Claim.Insured.Name, context.Entry.Name) == NameMatch.Different)
        {
            different.Add(Factors.Source("claim.json", "insured.name", context.Claim.Insured.Name));
            notes.Add($"the claim names {Mask.Name(context.Claim.Insured.Name)}, the registry {Mask.Name(reference)}");
        }
        var names = NameReadings.Compare(context.PatientNames(), reference,
            (doc, read) => $"the name on {doc.FileName} ({Mask.Name(read)}) does not match {Mask.Name(reference)}");
        notes.AddRange(names.Notes);
        different.AddRange(names.Different);
        if (different.Count > 0)
            return Factors.Uncertain(NameFactor, AssessmentContext.Capitalise(string.Join("; ", notes)) + ".", [referenceSource, .. different]);
        var detail = notes.Count > 0 ? " (" + string.Join("; ", notes) + ")" : "";
        return names.Weigh(Factors.Pass(NameFactor, $"The name on {names.Matching.Count} document(s) agrees with {(context.Entry is null ? "the claim" : "the registry")}{detail}.",
            [referenceSource, .. names.Matching]), context.Policy);
    }

    /// <summary>The insured person's name that documents are compared with: the registry's when enrolled, else the claim's; with its source.</summary>
    internal static (string Name, Evidence Source) ReferenceName(AssessmentContext context) =>
        context.Entry is { } e
            ? (e.Name, Factors.Source(e.Source, "name", e.Name))
            : (context.Claim.Insured.Name, Factors.Source("claim.json", "insured.name", context.Claim.Insured.Name));
}
