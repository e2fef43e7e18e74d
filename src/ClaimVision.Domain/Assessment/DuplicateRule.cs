using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using static ClaimVision.Domain.Assessment.AssessmentContext;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Duplicates: an invoice number or an image (by SHA-256) that an earlier claim already carried fails the claim, and
/// so does an earlier paid claim of the same person, policy, service date and billed amount whose invoice number
/// resembles this one's (one of the two readings cut short or one glyph misread, <see cref="ClaimHistory.InvoicesResemble"/>).
/// An earlier paid claim of the same person, policy and service date that differs in the rest is uncertain: the same
/// stay may have been photographed again and read differently, or it may be a second bill of that day. Within one claim,
/// the same image or invoice twice is uncertain too: it is counted once, and a person checks whether a different bill
/// was meant.
/// </summary>
public sealed class DuplicateRule : IFactorRule
{
    public const string Name = "duplicate";

    public IEnumerable<Factor> Evaluate(AssessmentContext context)
    {
        var claimId = context.Claim.ClaimId;
        var earlier = new List<(string Reason, Evidence[] Evidence)>();
        var found = new HashSet<string>(StringComparer.Ordinal);
        var within = new List<(string Reason, Evidence Evidence)>();
        var invoices = context.Bills.Select(b => (Doc: b, Field: b.Field(FieldNames.InvoiceNumber))).Where(x => x.Field is not null).ToList();
        foreach (var (doc, field) in invoices)
        {
            var number = Text(field!);
            if (context.History.FindInvoice(number, claimId) is { } prior)
            {
                var carrier = prior.DocumentWithInvoice(number);
                found.Add(prior.ClaimId);
                earlier.Add(($"invoice {number} on {doc.FileName} was already claimed in claim {prior.ClaimId}{On(carrier)}", [Evidence(doc, field!), Earlier(prior, carrier)]));
            }
        }
        foreach (var doc in context.Documents)
        {
            if (context.History.FindImage(doc.Sha256, claimId) is { } prior)
            {
                var carrier = prior.DocumentWithImage(doc.Sha256);
                found.Add(prior.ClaimId);
                earlier.Add(($"the image {doc.FileName} was already submitted with claim {prior.ClaimId}{On(carrier)}", [Evidence(doc, $"sha256 {doc.Sha256}"), Earlier(prior, carrier)]));
            }
        }
        var sameService = new List<(string Reason, Evidence[] Evidence)>();
        if (context.ServiceDate is { } service)
        {
            var day = Iso(service.Date);
            var billed = context.Figures.Billed;
            foreach (var prior in context.History.SameService(context.InsuredIdNumber, context.Policy.Id, service.Date, claimId))
            {
                if (found.Contains(prior.ClaimId)) continue;
                var resembling = invoices.SelectMany(x => prior.Documents.Where(d => ClaimHistory.InvoicesResemble(Text(x.Field!), d.InvoiceNumber)).Select(d => (x.Doc, x.Field, Prior: d))).FirstOrDefault();
                var sameBill = billed is { } b && prior.BilledAmount == b;
                var paid = $"claim {prior.ClaimId} of the same person under this policy, for a service on {day}, was already paid";
                if (resembling.Prior is { } match && sameBill)
                    earlier.Add(($"invoice {Text(resembling.Field!)} on {resembling.Doc.FileName} is invoice {match.InvoiceNumber} of claim {prior.ClaimId}{On(match)} read differently: "
                        + $"the same person, service date {day} and billed {Money(billed!.Value)}", [Evidence(resembling.Doc, resembling.Field!), Evidence(service.Document, service.Field), Earlier(prior, match)]));
                else if (resembling.Prior is { } near)
                    sameService.Add(($"{paid}; its invoice {near.InvoiceNumber} resembles {Text(resembling.Field!)} on {resembling.Doc.FileName}, but it billed {Amount(prior.BilledAmount)}, this claim {Amount(billed)}",
                        [Evidence(resembling.Doc, resembling.Field!), Evidence(service.Document, service.Field), Earlier(prior, near)]));
                else
                    sameService.Add(($"{paid} (billed {Amount(prior.BilledAmount)}; this claim {Amount(billed)})", [Evidence(service.Document, service.Field), Earlier(prior, null)]));
            }
        }
        foreach (var group in invoices.GroupBy(x => ClaimHistory.NormalizeInvoice(Text(x.Field!))).Where(g => g.Key.Length > 0 && g.Count() > 1))
            within.Add(($"invoice {group.Key} appears on {string.Join(" and ", group.Select(x => x.Doc.FileName))}", Evidence(group.Last().Doc, group.Last().Field!)));
        foreach (var group in context.Documents.Where(d => d.Sha256.Length > 0).GroupBy(d => d.Sha256, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            within.Add(($"{string.Join(" and ", group.Select(d => d.FileName))} are the same image", Evidence(group.Last(), $"sha256 {group.Key}")));

        if (earlier.Count > 0)
            yield return Factors.Fail(Name, "Already claimed: " + string.Join("; ", earlier.Select(e => e.Reason)) + ".", earlier.SelectMany(e => e.Evidence));
        else if (within.Count > 0 || sameService.Count > 0)
            yield return Factors.Uncertain(Name, string.Join(" ", new[]
                {
                    within.Count > 0 ? "Submitted twice in this claim (counted once): " + string.Join("; ", within.Select(e => e.Reason)) + "." : "",
                    sameService.Count > 0 ? "Perhaps claimed before, with another invoice number: " + string.Join("; ", sameService.Select(e => e.Reason)) + "; a person checks whether this is a second bill." : "",
                }.Where(r => r.Length > 0)),
                within.Select(e => e.Evidence).Concat(sameService.SelectMany(e => e.Evidence)));
        else
            yield return Factors.Pass(Name, "No invoice number or image of this claim appears twice or in an earlier claim.",
                invoices.Select(x => Evidence(x.Doc, x.Field!)));
    }

    private static string Amount(decimal? amount) => amount is { } a ? Money(a) : "an amount not read";

    private static string On(PriorDocument? document) => document is null ? "" : $" ({document.FileName}, document {document.DocumentId})";

    /// <summary>Evidence pointing at the earlier claim and, when recorded, its document that carried the same invoice or image.</summary>
    private static Evidence Earlier(PriorClaim prior, PriorDocument? document) =>
        new() { DocumentId = document?.DocumentId, FileName = document?.FileName, Source = $"earlier claim {prior.ClaimId}" };
}
