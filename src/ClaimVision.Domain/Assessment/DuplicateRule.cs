using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using static ClaimVision.Domain.Assessment.AssessmentContext;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Duplicates: an invoice number or an image (by SHA-256) that an earlier claim already carried fails the claim.
/// Within one claim, the same image or invoice twice is uncertain instead: it is counted once, and a person checks
/// whether a different bill was meant.
/// </summary>
public sealed class DuplicateRule : IFactorRule
{
    public const string Name = "duplicate";

    public IEnumerable<Factor> Evaluate(AssessmentContext context)
    {
        var claimId = context.Claim.ClaimId;
        var earlier = new List<(string Reason, Evidence[] Evidence)>();
        var within = new List<(string Reason, Evidence Evidence)>();
        var invoices = context.Bills.Select(b => (Doc: b, Field: b.Field(FieldNames.InvoiceNumber))).Where(x => x.Field is not null).ToList();
        foreach (var (doc, field) in invoices)
        {
            var number = Text(field!);
            if (context.History.FindInvoice(number, claimId) is { } prior)
            {
                var carrier = prior.DocumentWithInvoice(number);
                earlier.Add(($"invoice {number} on {doc.FileName} was already claimed in claim {prior.ClaimId}{On(carrier)}", [Evidence(doc, field!), Earlier(prior, carrier)]));
            }
        }
        foreach (var doc in context.Documents)
        {
            if (context.History.FindImage(doc.Sha256, claimId) is { } prior)
            {
                var carrier = prior.DocumentWithImage(doc.Sha256);
                earlier.Add(($"the image {doc.FileName} was already submitted with claim {prior.ClaimId}{On(carrier)}", [Evidence(doc, $"sha256 {doc.Sha256}"), Earlier(prior, carrier)]));
            }
        }
        foreach (var group in invoices.GroupBy(x => ClaimHistory.NormalizeInvoice(Text(x.Field!))).Where(g => g.Key.Length > 0 && g.Count() > 1))
            within.Add(($"invoice {group.Key} appears on {string.Join(" and ", group.Select(x => x.Doc.FileName))}", Evidence(group.Last().Doc, group.Last().Field!)));
        foreach (var group in context.Documents.Where(d => d.Sha256.Length > 0).GroupBy(d => d.Sha256, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            within.Add(($"{string.Join(" and ", group.Select(d => d.FileName))} are the same image", Evidence(group.Last(), $"sha256 {group.Key}")));

        if (earlier.Count > 0)
            yield return Factors.Fail(Name, "Already claimed: " + string.Join("; ", earlier.Select(e => e.Reason)) + ".", earlier.SelectMany(e => e.Evidence));
        else if (within.Count > 0)
            yield return Factors.Uncertain(Name, "Submitted twice in this claim (counted once): " + string.Join("; ", within.Select(e => e.Reason)) + ".", within.Select(e => e.Evidence));
        else
            yield return Factors.Pass(Name, "No invoice number or image of this claim appears twice or in an earlier claim.",
                invoices.Select(x => Evidence(x.Doc, x.Field!)));
    }

    private static string On(PriorDocument? document) => document is null ? "" : $" ({document.FileName}, document {document.DocumentId})";

    /// <summary>Evidence pointing at the earlier claim and, when recorded, its document that carried the same invoice or image.</summary>
    private static Evidence Earlier(PriorClaim prior, PriorDocument? document) =>
        new() { DocumentId = document?.DocumentId, FileName = document?.FileName, Source = $"earlier claim {prior.ClaimId}" };
}
