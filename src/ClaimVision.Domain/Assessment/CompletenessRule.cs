using ClaimVision.Domain.Claims;
using static ClaimVision.Domain.Assessment.AssessmentContext;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Completeness: every document set the policy requires is present and legible. A document whose analysis
/// failed (corrupt image, not a document …) counts as missing and is named, because it may be the very
/// document that is required — or another bill that would change the amount. Missing documents send the claim
/// to review (someone asks for them); they are never a reason to reject.
/// </summary>
public sealed class CompletenessRule : IFactorRule
{
    public const string RequiredFactor = "completeness.required";
    public const string UnreadableFactor = "completeness.unreadable";

    public IEnumerable<Factor> Evaluate(AssessmentContext context)
    {
        var failed = context.Documents.Where(d => d.Failed).ToList();
        var unsureType = context.Readable.Except(context.Trusted).ToList();
        var missing = new List<string>();
        var present = new List<Evidence>();
        foreach (var required in context.Policy.RequiredDocuments)
        {
            var found = context.OfType(required.AnyOf).FirstOrDefault();
            if (found is null) missing.Add($"{required.Name} ({string.Join(" or ", required.AnyOf)})");
            else present.Add(Evidence(found, $"classified {found.Type} ({Probability(found.Classification!.Confidence)})"));
        }
        if (missing.Count == 0)
            yield return Factors.Pass(RequiredFactor, $"All {context.Policy.RequiredDocuments.Count} required document(s) are present and legible.", present);
        else
        {
            var because = failed.Count + unsureType.Count == 0 ? ""
                : " Possibly among: " + string.Join("; ", failed.Select(d => $"{d.FileName} (unreadable: {d.Error!.Message})")
                    .Concat(unsureType.Select(d => $"{d.FileName} (type unsure: {d.Type} {Probability(d.Classification!.Confidence)})"))) + ".";
            yield return Factors.Uncertain(RequiredFactor, $"Missing required document(s): {string.Join("; ", missing)}.{because}",
                [.. failed.Select(d => Evidence(d, $"analysis failed: {d.Error!.Code}")), .. unsureType.Select(d => Evidence(d, "document type unsure"))]);
        }
        if (failed.Count > 0)
        {
            yield return Factors.Uncertain(UnreadableFactor,
                $"{failed.Count} document(s) could not be read and were left out: " + string.Join("; ", failed.Select(d => $"{d.FileName} ({d.Error!.Code}: {d.Error.Message})")) + ".",
                failed.Select(d => Evidence(d, $"analysis failed: {d.Error!.Code}")));
        }
    }
}
