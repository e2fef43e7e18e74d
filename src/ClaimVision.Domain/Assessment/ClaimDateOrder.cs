using ClaimVision.Domain.Documents;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Settles, across a claim, the dates a document alone could not: 03/12/2022 on a diagnosis certificate is 3 December
/// or 12 March, and the certificate may say nothing that decides it, while the same stay's invoice (amounts in US
/// dollars) or ID card (a birth date 02/16/1955) proves its page month first. The documents of one claim come from one
/// stay and one country, so when every readable document that proved an order proved the same one, a document read in
/// the default order takes the date fields extraction read for it in the other order
/// (<see cref="DocumentDateOrder.OtherOrder"/>: checked as any reading, so a date the default order put in the future no
/// longer fails for it), and each such field says so in a <see cref="CheckName"/> check. Proofs that disagree settle
/// nothing; documents that proved their own order keep it, and a document the policy does not trust to be what it was
/// classified as proves nothing.
/// </summary>
public static class ClaimDateOrder
{
    /// <summary>The check a date field read again in the claim's order carries.</summary>
    public const string CheckName = "claimDateOrder";

    /// <summary>The claim's documents, those read in the default order that another readable document of the claim
    /// proves wrong with their date fields read in the proven order; the same list when nothing changes.</summary>
    /// <param name="minClassificationConfidence">How surely a proving document must have been classified (the policy's
    /// <c>MinClassificationConfidence</c>: a document the rules do not rely on speaks for no other).</param>
    public static IReadOnlyList<AnalyzedDocument> Reconcile(IReadOnlyList<AnalyzedDocument> documents, double minClassificationConfidence = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var proofs = documents.Where(d => ClaimReadings.CanWitness(d, minClassificationConfidence) && d.DateOrder is { Proven: true })
            .ToList();
        if (proofs.Count == 0 || proofs.Select(d => d.DateOrder!.Order).Distinct().Count() != 1) return documents;
        var order = proofs[0].DateOrder!.Order;
        var witness = proofs[0];
        var proof = $"{witness.FileName} in the same claim is {DocumentDateOrder.Describe(order)} ({witness.DateOrder!.Proof})";
        return [.. documents.Select(d => d.DateOrder is { Proven: false, OtherOrder.Count: > 0 } own && own.Order != order ? Reread(d, own, order, proof) : d)];
    }

    private static AnalyzedDocument Reread(AnalyzedDocument document, DocumentDateOrder own, DateOrder order, string proof)
    {
        var fields = new Dictionary<string, ExtractedField>(document.Fields, StringComparer.Ordinal);
        foreach (var (name, again) in own.OtherOrder!)
            fields[name] = again with
            {
                Checks = [.. again.Checks, new FieldCheck(CheckName, true, $"{again.Value} read {DocumentDateOrder.Describe(order)}: {proof}")],
            };
        return document with { Fields = fields, DateOrder = new DocumentDateOrder(order, proof) };
    }

    /// <summary>The date fields of a document that the claim read again in its order (carrying a <see cref="CheckName"/> check).</summary>
    public static IEnumerable<ExtractedField> Reread(AnalyzedDocument document) =>
        document.Fields.Values.Where(f => f.Checks.Any(c => c.Name == CheckName));
}
