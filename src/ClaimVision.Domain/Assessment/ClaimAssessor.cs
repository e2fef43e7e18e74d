using System.Globalization;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Policies;
using static ClaimVision.Domain.Assessment.AssessmentContext;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Turns a claim, its analysed documents and a policy into a recommendation. Decision rules, in order:
/// any failed factor → reject (payable 0); any uncertain factor → review (the payable is shown as provisional only);
/// nothing payable → reject; payable below the eligible expenses (deductible, ratio, caps) → partial; else approve.
/// A failure that rests on a reading below the policy's confidence threshold is turned into uncertain first, so a
/// decision never rests on a field the system is unsure of.
/// </summary>
public static class ClaimAssessor
{
    public const string PayableFactor = "payable";

    private static readonly IReadOnlyList<IFactorRule> Rules =
    [
        new IdentityRule(), new PayeeRule(), new EligibilityRule(), new CompletenessRule(), new DatesRule(),
        new AmountsRule(), new CurrencyRule(), new ExclusionsRule(), new DuplicateRule(), new QualityRule(),
    ];

    public static Recommendation Assess(ClaimRequest claim, IReadOnlyList<AnalyzedDocument> documents, Policy policy, InsuredRegistry registry,
        ClaimHistory history, DateTimeOffset now, IReadOnlyDictionary<string, string> modelVersions)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(policy);
        var context = new AssessmentContext(claim, documents, policy, registry, history, now);
        var factors = Rules.SelectMany(r => r.Evaluate(context)).Select(f => Soften(f, policy)).ToList();

        var figures = context.Figures;
        PayableComputation? payable = null;
        var steps = new List<ComputationStep>(figures.Steps);
        if (figures.Eligible is { } eligible)
        {
            var prior = history.InYear(context.InsuredIdNumber, policy.Id, context.Year, claim.ClaimId).ToList();
            payable = PayableCalculator.Compute(new PayableInput(eligible, figures.HospitalLevel, prior.Sum(p => p.PaidAmount), prior.Sum(p => p.DeductibleApplied)), policy);
            steps.AddRange(payable.Steps);
            // "Nothing payable" rejects only when the amounts behind it are sure; otherwise a person checks them first.
            var amountsSure = !factors.Any(f => f.Status == FactorStatus.Uncertain && f.Name is AmountsRule.Name or QualityRule.Name or CompletenessRule.RequiredFactor or CompletenessRule.UnreadableFactor);
            var nothing = $"Nothing is payable: the eligible {Money(eligible)} does not exceed what the deductible and caps leave ({Reductions(payable, eligible)}).";
            factors.Add(payable.Payable > 0
                ? Factors.Pass(PayableFactor, payable.Payable < eligible
                    ? $"{Money(payable.Payable)} of the eligible {Money(eligible)} is payable ({Reductions(payable, eligible)})."
                    : $"The eligible {Money(eligible)} is payable in full.")
                : amountsSure ? Factors.Fail(PayableFactor, nothing) : Factors.Uncertain(PayableFactor, nothing + " The amounts are unsure."));
        }

        var failed = factors.Where(f => f.Status == FactorStatus.Fail).ToList();
        var uncertain = factors.Where(f => f.Status == FactorStatus.Uncertain).ToList();
        var confidence = Confidence(factors, documents);
        Decision decision;
        var reasons = new List<string>();
        if (failed.Count > 0)
        {
            decision = Decision.Reject;
            reasons.AddRange(failed.Select(f => f.Reason));
        }
        else if (uncertain.Count > 0)
        {
            decision = Decision.Review;
            reasons.AddRange(uncertain.Select(f => f.Reason));
        }
        else if (confidence < policy.Decision.MinConfidence)
        {
            decision = Decision.Review;
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"Overall confidence {confidence:0.00} is below the policy's {policy.Decision.MinConfidence:0.00} for deciding without a person."));
        }
        else
        {
            decision = payable!.Payable < figures.Eligible ? Decision.Partial : Decision.Approve;
            reasons.Add(factors.Single(f => f.Name == PayableFactor).Reason);
        }

        var paid = decision is Decision.Approve or Decision.Partial ? payable!.Payable : 0m;
        return new Recommendation
        {
            ClaimId = claim.ClaimId,
            Decision = decision,
            PayableAmount = paid,
            Currency = policy.Currency,
            Confidence = Math.Round(confidence, 3),
            Factors = factors,
            Reasons = reasons,
            Computation = steps,
            PolicyVersion = $"{policy.Id}@{policy.Version}",
            ModelVersions = modelVersions,
            CreatedAt = now,
            BilledAmount = figures.Billed,
            EligibleAmount = figures.Eligible,
            ProvisionalPayable = decision == Decision.Review ? payable?.Payable : null,
            DeductibleApplied = decision is Decision.Approve or Decision.Partial ? payable!.DeductibleApplied : 0m,
            ServiceDate = context.ServiceDate?.Date,
            ReviewItems = decision == Decision.Review ? ReviewItems(uncertain, reasons) : [],
        };
    }

    /// <summary>
    /// What the earlier claims must be searched for before assessing this one (a store answers it with a
    /// <see cref="ClaimHistory"/>): the same insured person, policy and year that <see cref="Assess"/> sums caps over, and
    /// every invoice number and image of the claim.
    /// </summary>
    public static HistoryLookup Lookup(ClaimRequest claim, IReadOnlyList<AnalyzedDocument> documents, Policy policy, InsuredRegistry registry, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var context = new AssessmentContext(claim, documents, policy, registry, ClaimHistory.Empty, now);
        var recorded = Recorded(documents);
        return new HistoryLookup(claim.ClaimId, context.InsuredIdNumber, policy.Id, context.Year, InvoiceNumbers(recorded), ImageSha256s(recorded));
    }

    /// <summary>What an earlier claim leaves behind for duplicate and per-year checks of later ones. Invoice numbers are normalised.</summary>
    public static PriorClaim ToPriorClaim(ClaimRequest claim, IReadOnlyList<AnalyzedDocument> documents, Recommendation recommendation)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(recommendation);
        var recorded = Recorded(documents);
        return new PriorClaim
        {
            ClaimId = claim.ClaimId,
            PolicyId = claim.PolicyId,
            InsuredIdNumber = ResidentId.Normalize(claim.Insured.IdNumber),
            ServiceDate = recommendation.ServiceDate,
            InvoiceNumbers = InvoiceNumbers(recorded),
            ImageSha256s = ImageSha256s(recorded),
            Documents = recorded,
            BilledAmount = recommendation.BilledAmount,
            PaidAmount = recommendation.PayableAmount,
            DeductibleApplied = recommendation.DeductibleApplied,
        };
    }

    /// <summary>Each document with an image hash or a bill's invoice number (normalised): what later claims are checked against.</summary>
    private static List<PriorDocument> Recorded(IReadOnlyList<AnalyzedDocument> documents) =>
        [.. documents.Select(d => new PriorDocument(d.DocumentId.Value, d.FileName, d.Sha256, BillInvoiceNumber(d)))
            .Where(d => d.Sha256.Length > 0 || d.InvoiceNumber is not null)];

    private static string? BillInvoiceNumber(AnalyzedDocument document) =>
        document.Type is { } type && AssessmentContext.BillTypes.Contains(type) && document.Field(FieldNames.InvoiceNumber) is { } field
            && ClaimHistory.NormalizeInvoice(Text(field)) is { Length: > 0 } number ? number : null;

    private static List<string> InvoiceNumbers(List<PriorDocument> recorded) => [.. recorded.Select(d => d.InvoiceNumber).OfType<string>().Distinct()];

    private static List<string> ImageSha256s(List<PriorDocument> recorded) =>
        [.. recorded.Select(d => d.Sha256).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>A failure whose evidence includes a reading below the confidence threshold becomes uncertain; one that any
    /// of its pieces of evidence decides alone (<see cref="Factor.AnyEvidenceDecides"/>) only when every piece is unsure.</summary>
    private static Factor Soften(Factor factor, Policy policy)
    {
        if (factor.Status != FactorStatus.Fail) return factor;
        var unsure = factor.Evidence.Where(e => QualityRule.IsUnsure(e, policy)).ToList();
        if (unsure.Count == 0 || (factor.AnyEvidenceDecides && unsure.Count < factor.Evidence.Count)) return factor;
        var fields = string.Join(", ", unsure.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Field} on {e.FileName} ({e.Confidence:0.00})")));
        return factor with
        {
            Status = FactorStatus.Uncertain,
            Effect = Factors.Review,
            Reason = $"Would fail, but rests on unsure reading(s) {fields}: {factor.Reason}",
        };
    }

    private static double Confidence(IReadOnlyList<Factor> factors, IReadOnlyList<AnalyzedDocument> documents)
    {
        var classification = documents.Where(d => !d.Failed && d.Classification is not null).Select(d => d.Classification!.Confidence);
        return factors.Select(f => f.Weight).Concat(classification).DefaultIfEmpty(0).Min();
    }

    private static string Reductions(PayableComputation payable, decimal eligible)
    {
        var parts = new List<string>();
        var previous = eligible;
        foreach (var step in payable.Steps)
        {
            if (step.Amount < previous) parts.Add($"{step.Clause} −{Money(previous - step.Amount)}");
            previous = step.Amount;
        }
        return parts.Count == 0 ? "no reduction" : string.Join("; ", parts);
    }

    private static List<ReviewItem> ReviewItems(List<Factor> uncertain, List<string> reasons)
    {
        if (uncertain.Count == 0) return [new ReviewItem { Factor = "confidence", Reason = reasons[0] }];
        var items = new List<ReviewItem>();
        foreach (var factor in uncertain)
        {
            var pointed = factor.Evidence.Where(e => e.DocumentId is not null).ToList();
            if (pointed.Count == 0) items.Add(new ReviewItem { Factor = factor.Name, Reason = factor.Reason });
            items.AddRange(pointed.Select(e => new ReviewItem { Factor = factor.Name, DocumentId = e.DocumentId, FileName = e.FileName, Field = e.Field, Reason = factor.Reason }));
        }
        return items;
    }
}
