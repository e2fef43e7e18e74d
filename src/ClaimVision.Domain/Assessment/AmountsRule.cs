using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using static ClaimVision.Domain.Assessment.AssessmentContext;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Amounts: the totals agree across invoice, expense list and settlement sheet; line items add up to their
/// document's total; basic insurance (insurancePaidAmount) + critical-illness + the patient's part (personalPaidAmount) make up
/// the total and the out-of-catalogue part fits inside the patient's part; and the amounts the policy's expense basis needs can be read. Any disagreement beyond
/// the policy's tolerance is uncertain: which figure is right is for a person to say.
/// </summary>
public sealed class AmountsRule : IFactorRule
{
    public const string Name = "amounts";

    public IEnumerable<Factor> Evaluate(AssessmentContext context)
    {
        var tolerance = context.Policy.Decision.AmountTolerance;
        var problems = new List<string>();
        var evidence = new List<Evidence>();
        var figures = context.Figures;
        foreach (var m in figures.Missing)
        {
            problems.Add(m.FileName is null ? m.Source ?? "" : $"{m.Source} on {m.FileName}");
            evidence.Add(m);
        }
        var checkedTotals = new List<string>();
        if (figures.Billed is { } billed)
        {
            foreach (var type in new[] { DocumentType.ExpenseList, DocumentType.SettlementSheet })
            {
                var docs = context.OfType(type).Select(d => (d, f: d.Field(FieldNames.TotalAmount))).Where(x => Amount(x.f) is not null).ToList();
                if (docs.Count == 0) continue;
                var sum = docs.Sum(x => Amount(x.f)!.Value);
                checkedTotals.Add(type.Label);
                if (Math.Abs(sum - billed) <= tolerance) continue;
                problems.Add($"the {type} total {Money(sum)} contradicts the billed total {Money(billed)}");
                evidence.AddRange(docs.Select(x => Evidence(x.d, x.f!)));
                evidence.AddRange(ExpenseFigures.DistinctBills(context).Select(b => b.Field(FieldNames.TotalAmount) is { } f ? Evidence(b, f) : Evidence(b, "bill")));
            }
        }
        foreach (var doc in context.Trusted.Where(d => d.LineItems.Count > 0))
        {
            if (Amount(doc.Field(FieldNames.TotalAmount)) is not { } total) continue;
            var sum = doc.LineItems.Sum(i => i.Amount);
            if (Math.Abs(sum - total) <= tolerance) continue;
            problems.Add($"the {doc.LineItems.Count} line items on {doc.FileName} add up to {Money(sum)}, not its total {Money(total)}");
            evidence.Add(Evidence(doc, doc.Field(FieldNames.TotalAmount)!));
        }
        foreach (var doc in ExpenseFigures.PartSources(context))
        {
            var total = Amount(doc.Field(FieldNames.TotalAmount));
            var covered = Amount(doc.Field(FieldNames.InsurancePaidAmount));
            var self = Amount(doc.Field(FieldNames.PersonalPaidAmount));
            var critical = Amount(doc.Field(FieldNames.CriticalIllnessAmount)) ?? 0;
            var outside = Amount(doc.Field(FieldNames.OutOfCatalogueAmount));
            if (total is { } t && covered is { } c && self is { } s && Math.Abs(c + critical + s - t) > tolerance)
            {
                problems.Add($"on {doc.FileName} basic insurance {Money(c)} + critical-illness {Money(critical)} + personally paid {Money(s)} = {Money(c + critical + s)}, not the total {Money(t)}");
                evidence.AddRange(new[] { FieldNames.TotalAmount, FieldNames.InsurancePaidAmount, FieldNames.PersonalPaidAmount }.Select(n => Evidence(doc, doc.Field(n)!)));
            }
            if (outside is { } o && self is { } s2 && o > s2 + tolerance)
            {
                problems.Add($"on {doc.FileName} the out-of-catalogue part {Money(o)} exceeds what the patient paid {Money(s2)}");
                evidence.Add(Evidence(doc, doc.Field(FieldNames.OutOfCatalogueAmount)!));
            }
        }
        if (problems.Count > 0)
        {
            yield return Factors.Uncertain(Name, "Amounts cannot be relied on: " + string.Join("; ", problems) + ".", evidence);
            yield break;
        }
        var agreed = checkedTotals.Count > 0 ? $", agreeing with the {string.Join(" and ", checkedTotals)}" : "";
        yield return Factors.Pass(Name, $"Billed {Money(figures.Billed!.Value)}{agreed}; eligible under the policy {Money(figures.Eligible!.Value)}.",
            ExpenseFigures.DistinctBills(context).Select(b => Evidence(b, b.Field(FieldNames.TotalAmount)!)));
    }
}
