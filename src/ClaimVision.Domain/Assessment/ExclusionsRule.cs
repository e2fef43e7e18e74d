using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using static ClaimVision.Domain.Assessment.AssessmentContext;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Exclusions: the diagnosis (ICD-10 code or text) or the claimant's description matches an excluded cause of the
/// policy. A match fails the claim, naming the clause. Each match decides alone: the claim is rejected while one match
/// rests on a sure reading, and goes to review (like every failure that rests on unsure readings) when all of them are unsure.
/// </summary>
public sealed class ExclusionsRule : IFactorRule
{
    public const string Name = "exclusions";

    public IEnumerable<Factor> Evaluate(AssessmentContext context)
    {
        var codes = context.Readings(FieldNames.DiagnosisCode).ToList();
        var texts = context.Readings(FieldNames.Diagnosis).ToList();
        var description = context.Claim.Description ?? "";
        var hits = new List<(string Reason, Evidence Evidence)>();
        foreach (var exclusion in context.Policy.Exclusions)
        {
            foreach (var (doc, field) in codes)
            {
                var code = NormalizeCode(Text(field));
                var prefix = exclusion.Icd10Prefixes.FirstOrDefault(p => code.StartsWith(NormalizeCode(p), StringComparison.Ordinal));
                if (prefix is not null) hits.Add(($"diagnosis code {Text(field)} on {doc.FileName} falls under {exclusion.Clause} ({exclusion.Cause}, codes {prefix}*)", Evidence(doc, field)));
            }
            foreach (var (doc, field) in texts)
            {
                var keyword = exclusion.Keywords.FirstOrDefault(k => Text(field).Contains(k, StringComparison.OrdinalIgnoreCase));
                if (keyword is not null) hits.Add(($"diagnosis \"{Text(field)}\" on {doc.FileName} mentions \"{keyword}\": {exclusion.Clause} ({exclusion.Cause})", Evidence(doc, field)));
            }
            var said = exclusion.Keywords.FirstOrDefault(k => description.Contains(k, StringComparison.OrdinalIgnoreCase));
            if (said is not null) hits.Add(($"the claim's description mentions \"{said}\": {exclusion.Clause} ({exclusion.Cause})", Factors.Source("claim.json", "description", description)));
        }
        var settled = SettledNote(texts);
        if (hits.Count > 0)
        {
            // Every match is an exclusion on its own: the code read surely excludes even when the text is read unsurely.
            yield return Factors.Fail(Name, "Excluded: " + string.Join("; ", hits.Select(h => h.Reason)) + "." + settled, hits.Select(h => h.Evidence)) with { AnyEvidenceDecides = true };
            yield break;
        }
        var basis = codes.Count + texts.Count == 0 ? "no diagnosis on the documents; the description was checked" : $"{codes.Count + texts.Count} diagnosis reading(s) checked";
        yield return Factors.Pass(Name, $"No exclusion of {context.Policy.Exclusions.Count} applies ({basis})." + settled,
            codes.Concat(texts).Select(r => Evidence(r.Document, r.Field)));
    }

    /// <summary>The diagnoses the claim's code settled (<see cref="ClaimDiagnosis"/>), said so the adjuster knows the text
    /// checked is not the text read.</summary>
    private static string SettledNote(IEnumerable<(AnalyzedDocument Document, ExtractedField Field)> texts)
    {
        var settled = texts.Where(r => ClaimDiagnosis.Settled(r.Document) is not null).ToList();
        return settled.Count == 0 ? "" : " The claim's diagnosis code settled what was read doubtfully: " +
            string.Join("; ", settled.Select(r => $"'{r.Field.Value}' on {r.Document.FileName} as '{Text(r.Field)}'")) + ".";
    }

    /// <summary>ICD-10 codes compared upper-case without spaces or dots (X70.0 → X700).</summary>
    public static string NormalizeCode(string code) =>
        new([.. code.Where(c => char.IsAsciiLetterOrDigit(c)).Select(char.ToUpperInvariant)]);
}
