using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Policies;
using static ClaimVision.Domain.Assessment.AssessmentContext;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// The amounts of a claim as the policy sees them: what was billed, and the part of it the policy's expense basis
/// counts (with the steps that got there). When a needed amount cannot be read, <see cref="Missing"/> says which.
/// </summary>
public sealed record ExpenseFigures
{
    /// <summary>Catalogue classes that mean "outside the basic-insurance catalogue" on an itemised bill.</summary>
    public static readonly IReadOnlySet<string> OutOfCatalogueCategories = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "丙", "丙类", "自费", "out-of-catalogue" };

    public decimal? Billed { get; init; }
    public decimal? Eligible { get; init; }
    public string? HospitalLevel { get; init; }
    public IReadOnlyList<ComputationStep> Steps { get; init; } = [];
    /// <summary>What stopped the eligible amount from being computed ("coveredAmount on settlement.jpg"), empty when it was.</summary>
    public IReadOnlyList<Evidence> Missing { get; init; } = [];

    /// <summary>Bills counted once each: a second bill with the same invoice number is the duplicate rule's business, not extra expense.</summary>
    public static IReadOnlyList<AnalyzedDocument> DistinctBills(AssessmentContext context) =>
        [.. context.Bills.GroupBy(b => ClaimHistory.NormalizeInvoice(b.Field(FieldNames.InvoiceNumber) is { } f ? Text(f) : b.DocumentId.Value)).Select(g => g.First())];

    /// <summary>Where covered and self-paid parts are read: the settlement sheets when present, else the bills.</summary>
    public static IReadOnlyList<AnalyzedDocument> PartSources(AssessmentContext context)
    {
        var sheets = context.OfType(DocumentType.SettlementSheet).ToList();
        return sheets.Count > 0 ? sheets : DistinctBills(context);
    }

    public static ExpenseFigures From(AssessmentContext context)
    {
        var bills = DistinctBills(context);
        var missing = new List<Evidence>();
        if (bills.Count == 0) missing.Add(Factors.Source("no bill (invoice or receipt) among the legible documents"));
        decimal billed = 0;
        foreach (var bill in bills)
        {
            if (Amount(bill.Field(FieldNames.TotalAmount)) is { } t) billed += t;
            else missing.Add(Evidence(bill, $"{FieldNames.TotalAmount} not readable"));
        }
        var billsReadable = missing.Count == 0;
        // The bills first; a Chinese inpatient invoice does not print the level, its settlement sheet does (医院等级).
        var level = bills.Concat(context.OfType(DocumentType.SettlementSheet)).Select(b => b.Field(FieldNames.ProviderLevel)).FirstOrDefault(f => f is not null) is { } lf ? NormalizeLevel(Text(lf)) : null;
        var steps = new List<ComputationStep>();
        var basis = context.Policy.ExpenseBasis;
        var clause = $"expenseBasis: {Json.KebabCaseEnumConverterNames.Of(basis)}";
        decimal? eligible = null;
        if (missing.Count == 0)
        {
            steps.Add(new ComputationStep { Step = "billed", Clause = "documents", Amount = billed, Detail = $"sum of {bills.Count} bill total(s): " + string.Join(" + ", bills.Select(b => $"{b.FileName} {Money(Amount(b.Field(FieldNames.TotalAmount))!.Value)}")) });
            eligible = basis switch
            {
                ExpenseBasis.Total => Step(steps, billed, clause, "the whole bill counts"),
                ExpenseBasis.ResidualAfterBasicAndCritical => Residual(context, steps, clause, missing),
                ExpenseBasis.OutOfCatalogueOnly => OutOfCatalogue(context, steps, clause, missing),
                _ => throw new InvalidOperationException($"Expense basis {basis} has no computation."),
            };
        }
        return new ExpenseFigures { Billed = billsReadable ? billed : null, Eligible = missing.Count == 0 ? eligible : null, HospitalLevel = level, Steps = steps, Missing = missing };
    }

    private static decimal Step(List<ComputationStep> steps, decimal amount, string clause, string detail)
    {
        steps.Add(new ComputationStep { Step = "eligible expenses", Clause = clause, Amount = amount, Detail = detail });
        return amount;
    }

    private static decimal? Residual(AssessmentContext context, List<ComputationStep> steps, string clause, List<Evidence> missing)
    {
        decimal total = 0, covered = 0, critical = 0;
        var sources = PartSources(context);
        foreach (var doc in sources)
        {
            var t = Amount(doc.Field(FieldNames.TotalAmount));
            var c = Amount(doc.Field(FieldNames.InsurancePaidAmount));
            if (t is null) missing.Add(Evidence(doc, $"{FieldNames.TotalAmount} not readable"));
            if (c is null) missing.Add(Evidence(doc, $"{FieldNames.InsurancePaidAmount} not readable"));
            total += t ?? 0;
            covered += c ?? 0;
            critical += Amount(doc.Field(FieldNames.CriticalIllnessAmount)) ?? 0;
        }
        if (missing.Count > 0) return null;
        var names = string.Join(", ", sources.Select(s => s.FileName));
        steps.Add(new ComputationStep { Step = "total expenses", Clause = clause, Amount = total, Detail = $"total on {names}" });
        steps.Add(new ComputationStep { Step = "less basic medical insurance", Clause = clause, Amount = -covered, Detail = $"{FieldNames.InsurancePaidAmount} on {names}" });
        steps.Add(new ComputationStep { Step = "less critical-illness insurance", Clause = clause, Amount = -critical, Detail = critical == 0 ? "no critical-illness payment shown" : $"{FieldNames.CriticalIllnessAmount} on {names}" });
        return Step(steps, Math.Max(0, total - covered - critical), clause, "what basic and critical-illness insurance left to pay");
    }

    private static decimal? OutOfCatalogue(AssessmentContext context, List<ComputationStep> steps, string clause, List<Evidence> missing)
    {
        var sources = PartSources(context);
        var printed = sources.Select(d => Amount(d.Field(FieldNames.OutOfCatalogueAmount))).ToList();
        if (printed.All(p => p is not null))
            return Step(steps, printed.Sum(p => p!.Value), clause, $"{FieldNames.OutOfCatalogueAmount} on " + string.Join(", ", sources.Select(s => s.FileName)));
        var lists = context.OfType(DocumentType.ExpenseList).Where(d => d.LineItems.Any(i => i.Category is not null)).ToList();
        if (lists.Count == 0)
        {
            missing.AddRange(sources.Where(d => d.Field(FieldNames.OutOfCatalogueAmount) is null).Select(d => Evidence(d, $"{FieldNames.OutOfCatalogueAmount} not readable and no categorised expense list")));
            return null;
        }
        var sum = lists.SelectMany(l => l.LineItems).Where(i => i.Category is { } c && OutOfCatalogueCategories.Contains(c)).Sum(i => i.Amount);
        return Step(steps, sum, clause, "sum of out-of-catalogue (丙) line items on " + string.Join(", ", lists.Select(l => l.FileName)));
    }

    /// <summary>Maps printed hospital levels (一级/乡镇卫生院, 二级/县医院, 三级 …) onto the policy's level keys.</summary>
    public static string NormalizeLevel(string printed)
    {
        var p = printed.Trim();
        if (p.Contains('乡', StringComparison.Ordinal) || p.Contains('镇', StringComparison.Ordinal) || p.StartsWith("一级", StringComparison.Ordinal)) return "township";
        if (p.Contains('县', StringComparison.Ordinal) || p.StartsWith("二级", StringComparison.Ordinal)) return "county";
        if (p.Contains('省', StringComparison.Ordinal)) return "province";
        if (p.Contains('市', StringComparison.Ordinal) || p.StartsWith("三级", StringComparison.Ordinal)) return "city";
        return p.ToLowerInvariant();
    }
}
