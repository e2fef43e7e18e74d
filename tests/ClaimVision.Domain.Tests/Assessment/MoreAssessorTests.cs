using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Policies;
using static ClaimVision.Domain.Tests.Assessment.Claims;

namespace ClaimVision.Domain.Tests.Assessment;

public class MoreAssessorTests
{
    public static TheoryData<int, string> DecisionFieldReadings()
    {
        var data = new TheoryData<int, string>();
        var docs = Complete();
        for (var i = 0; i < docs.Count; i++)
            foreach (var name in docs[i].Fields.Keys.Where(QualityRule.DecisionFields(CnPolicy.ExpenseBasis).Contains))
                data.Add(i, name);
        return data;
    }

    [Theory]
    [MemberData(nameof(DecisionFieldReadings))]
    public void Any_unsure_decision_field_means_review_naming_that_field(int document, string field)
    {
        var docs = Complete();
        var reading = docs[document].Fields[field];
        docs[document] = docs[document].With(reading with { Confidence = 0.5 });
        // Other documents reading the same value surely would corroborate it (see the next test): make them unsure too.
        for (var i = 0; i < docs.Count; i++)
            if (i != document && docs[i].Fields.TryGetValue(field, out var same))
                docs[i] = docs[i].With(same with { Confidence = 0.5 });
        var r = Assess(docs);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Equal(0m, r.PayableAmount);
        Assert.Contains(r.ReviewItems, i => i.Field == field && i.DocumentId == docs[document].DocumentId.Value);
        // Reasons reach consoles and logs: a name or an ID number is quoted masked there (the evidence carries it).
        var quality = r.Factor(QualityRule.Name);
        Assert.Contains($"{field} on {docs[document].FileName}", quality.Reason, StringComparison.Ordinal);
        if (Privacy.Mask.IsPersonal(field)) Assert.DoesNotContain(reading.Value, quality.Reason, StringComparison.Ordinal);
        else Assert.Contains(reading.Value, quality.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FieldNames.PersonalPaidAmount, null)]
    [InlineData(FieldNames.CoveredAmount, "5200.00")]   // not printed on the fixture's documents: added to its settlement sheet
    [InlineData(FieldNames.SelfPaidAmount, "310.00")]
    public void An_unsure_part_the_residual_basis_does_not_compute_with_is_no_reason_for_review(string field, string? added)
    {
        var docs = Complete();
        if (added is not null) docs[2] = docs[2].With(F(field, added));
        for (var i = 0; i < docs.Count; i++)
            if (docs[i].Fields.TryGetValue(field, out var reading))
                docs[i] = docs[i].With(reading with { Confidence = 0.5 });
        var unsure = Assess(docs);
        var sure = Assess(Complete());

        Assert.Contains(docs, d => d.Fields.TryGetValue(field, out var f) && f.Confidence == 0.5);
        Assert.Equal(Decision.Partial, unsure.Decision);
        Assert.Equal(sure.PayableAmount, unsure.PayableAmount);
        Assert.Equal(FactorStatus.Pass, unsure.Factor(QualityRule.Name).Status);
    }

    [Fact]
    public void Under_the_whole_bill_basis_an_unsure_fund_payment_is_no_reason_for_review_but_one_that_contradicts_the_total_is()
    {
        var request = new ClaimRequest { ClaimId = "US-0003", PolicyId = UsPolicy.Id, Insured = new InsuredPerson { Name = "John Carter", IdNumber = "USM-100234" } };
        AnalyzedDocument Bill(string fund, string patient) => Doc("bill", DocumentType.OutpatientInvoice,
        [
            F(FieldNames.ProviderName, "Riverside Family Clinic"), F(FieldNames.ProviderLevel, "in-network"), F(FieldNames.PatientName, "John Carter"),
            F(FieldNames.DocumentDate, "2026-02-10"), F(FieldNames.InvoiceNumber, "INV-260210"), F(FieldNames.TotalAmount, "385.40"),
            F(FieldNames.InsurancePaidAmount, fund, confidence: 0.76), F(FieldNames.PersonalPaidAmount, patient, confidence: 0.23),
        ]);

        var consistent = Assess([Bill("0.00", "385.40")], request, UsPolicy);
        var contradicting = Assess([Bill("100.00", "385.40")], request, UsPolicy);
        var residual = Assess([Bill("0.00", "385.40")], request, UsPolicy with { ExpenseBasis = ExpenseBasis.ResidualAfterBasicAndCritical });

        Assert.Equal(Decision.Partial, consistent.Decision); // 385.40 − the 100.00 yearly deductible
        Assert.Equal(285.40m, consistent.PayableAmount);
        Assert.Equal(Decision.Review, contradicting.Decision);
        Assert.Equal(FactorStatus.Uncertain, contradicting.Factor(AmountsRule.Name).Status);
        Assert.Equal(FactorStatus.Pass, contradicting.Factor(QualityRule.Name).Status);
        Assert.Equal(Decision.Review, residual.Decision);
        Assert.Contains(residual.ReviewItems, i => i.Field == FieldNames.InsurancePaidAmount);
        Assert.DoesNotContain(residual.ReviewItems, i => i.Field == FieldNames.PersonalPaidAmount);
    }

    [Fact]
    public void An_unsure_reading_that_a_sure_one_on_another_document_repeats_exactly_does_not_need_review()
    {
        var docs = Complete();
        var billIndex = docs.FindIndex(d => d.Type == DocumentType.InpatientInvoice);
        var listIndex = docs.FindIndex(d => d.Type == DocumentType.ExpenseList);
        // As the extractors give them: printed "¥8650.40" and "8650.40", both normalised to 8650.40.
        var billTotal = docs[billIndex].Fields[FieldNames.TotalAmount] with { Normalized = "8650.40" };
        docs[billIndex] = docs[billIndex].With(billTotal);
        docs[listIndex] = docs[listIndex].With(docs[listIndex].Fields[FieldNames.TotalAmount] with { Normalized = "8650.40" });
        var expected = Assess(docs);

        // The expense list's total read doubtfully (a ¥ glyph before it) but to the same value as the invoice's sure total.
        var doubtful = docs[listIndex].Fields[FieldNames.TotalAmount] with
        {
            Confidence = 0.23, Checks = [new FieldCheck("readIntact", false, "glyph before figure")],
        };
        docs[listIndex] = docs[listIndex].With(doubtful);
        var r = Assess(docs);
        Assert.Equal(expected.Decision, r.Decision);
        Assert.Equal(expected.PayableAmount, r.PayableAmount);
        Assert.Contains(r.Factors, f => f.Name == QualityRule.Name && f.Status == FactorStatus.Pass && f.Reason.Contains("agree exactly", StringComparison.Ordinal));

        // The same doubt on a value nothing else confirms is still a review.
        docs[billIndex] = docs[billIndex].With(billTotal with { Confidence = 0.5 });
        Assert.Equal(Decision.Review, Assess(docs).Decision);
    }

    [Fact]
    public void An_out_of_catalogue_policy_pays_only_the_out_of_catalogue_line_items()
    {
        var policy = CnPolicy with { ExpenseBasis = ExpenseBasis.OutOfCatalogueOnly, Deductible = new DeductibleRule { Amount = 0, Per = DeductiblePer.Claim } };
        var items = Items(720.00m, 4210.60m, 1380.00m, 946.80m, 1133.00m, 260.00m).Select((i, n) => n == 2 || n == 5 ? i with { Category = "丙" } : i).ToList();
        List<AnalyzedDocument> docs = [Invoice(), ExpenseList(items: items), Settlement(), Discharge()];
        var r = Assess(docs, policy: policy);
        Assert.Equal(1640.00m, r.EligibleAmount); // 1380.00 + 260.00
        Assert.Equal(984.00m, r.PayableAmount);   // × 60 %
        Assert.Equal(Decision.Partial, r.Decision);
    }

    [Fact]
    public void An_unsure_line_item_matters_when_line_items_decide_the_eligible_amount()
    {
        var policy = CnPolicy with { ExpenseBasis = ExpenseBasis.OutOfCatalogueOnly };
        var items = Items(720.00m, 4210.60m, 1380.00m, 946.80m, 1133.00m, 260.00m).Select((i, n) => n == 2 ? i with { Category = "丙", Confidence = 0.41 } : i).ToList();
        var r = Assess([Invoice(), ExpenseList(items: items), Settlement(), Discharge()], policy: policy);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Contains(r.ReviewItems, i => i.Field == "lineItems[2]" && i.FileName == "expenses.jpg");
        Assert.Equal(Decision.Partial, Assess([Invoice(), ExpenseList(items: items), Settlement(), Discharge()]).Decision); // the residual basis ignores line items
    }

    [Fact]
    public void A_printed_out_of_catalogue_amount_takes_precedence_over_line_items()
    {
        var policy = CnPolicy with { ExpenseBasis = ExpenseBasis.OutOfCatalogueOnly };
        List<AnalyzedDocument> docs = [Invoice(), ExpenseList(), Settlement().With(F(FieldNames.OutOfCatalogueAmount, "1204.50")), Discharge()];
        var r = Assess(docs, policy: policy);
        Assert.Equal(1204.50m, r.EligibleAmount);
    }

    [Fact]
    public void Critical_illness_payments_are_subtracted_too()
    {
        List<AnalyzedDocument> docs = [Invoice(selfPaid: "2670.20"), ExpenseList(), Settlement(selfPaid: "2670.20", critical: "1000.00"), Discharge()];
        var r = Assess(docs);
        Assert.Equal(2670.20m, r.EligibleAmount);
        Assert.Equal(1422.12m, r.PayableAmount); // (2670.20 − 300) × 0.6
    }

    [Fact]
    public void An_excluded_cause_in_the_claims_description_rejects()
    {
        var r = Assess(Complete(), Request(description: "骑摩托车发生交通事故受伤住院"));
        Assert.Equal(Decision.Reject, r.Decision);
        Assert.Contains("第七条(二)", r.Factor(ExclusionsRule.Name).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_without_a_bill_goes_to_review()
    {
        var r = Assess([ExpenseList(), Settlement(), Discharge()]);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Contains("no bill", r.Factor(AmountsRule.Name).Reason, StringComparison.Ordinal);
        Assert.Null(r.EligibleAmount);
    }

    [Fact]
    public void Without_a_registry_enrolment_cannot_be_checked_and_the_claim_goes_to_review()
    {
        var r = Assess(Complete(), registry: InsuredRegistry.Empty);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Equal(FactorStatus.Uncertain, r.Factor(EligibilityRule.RegistryFactor).Status);
    }

    [Fact]
    public void A_household_member_enrolled_later_is_not_covered_before_the_enrolment()
    {
        const string id = "522634198206120240"; // 王秀兰, enrolled from 2026-06-01
        List<AnalyzedDocument> docs = [Invoice(name: "王秀兰", id: id), ExpenseList().With(F(FieldNames.PatientName, "王秀兰")), Settlement().With(F(FieldNames.PatientName, "王秀兰")).With(F(FieldNames.PatientIdNumber, id)), Discharge().With(F(FieldNames.PatientName, "王秀兰"))];
        var r = Assess(docs, Request("王秀兰", id));
        Assert.Equal(Decision.Reject, r.Decision);
        Assert.Contains("outside the enrolment", r.Factor(EligibilityRule.RegistryFactor).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_invoice_twice_in_one_claim_is_counted_once_and_reviewed()
    {
        var second = Invoice() with { DocumentId = new DocumentId("invoice-copy"), FileName = "invoice-copy.jpg", Sha256 = "ab12" };
        var r = Assess([.. Complete(), second]);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Equal(FactorStatus.Uncertain, r.Factor(DuplicateRule.Name).Status);
        Assert.Equal(8650.40m, r.BilledAmount);
    }

    [Fact]
    public void Assessment_is_deterministic()
    {
        var a = System.Text.Json.JsonSerializer.Serialize(Assess(Complete()));
        var b = System.Text.Json.JsonSerializer.Serialize(Assess(Complete()));
        Assert.Equal(a, b);
    }

    [Fact]
    public void A_bill_in_another_currency_than_the_policy_s_goes_to_review_naming_the_document_and_both_currencies()
    {
        var docs = Complete();
        docs[0] = docs[0].With(F(FieldNames.Currency, "HKD", 0.9, "HKD"));
        var r = Assess(docs);
        Assert.Equal(Decision.Review, r.Decision);
        var factor = Assert.Single(r.Factors, f => f.Name == CurrencyRule.Name);
        Assert.Equal(FactorStatus.Uncertain, factor.Status);
        Assert.Contains("invoice.jpg prints amounts in HKD", factor.Reason, StringComparison.Ordinal);
        Assert.Contains("the policy pays in CNY", factor.Reason, StringComparison.Ordinal);
        Assert.Contains(r.ReviewItems, i => i.Field == FieldNames.Currency && i.DocumentId == docs[0].DocumentId.Value);
    }

    [Fact]
    public void Bills_in_the_policy_s_currency_or_printing_none_pass_the_currency_check()
    {
        var unstated = Assess(Complete());
        Assert.Contains(unstated.Factors, f => f.Name == CurrencyRule.Name && f.Status == FactorStatus.Pass && f.Reason.Contains("No document prints a currency", StringComparison.Ordinal));

        var docs = Complete();
        docs[0] = docs[0].With(F(FieldNames.Currency, "CNY", 0.9, "CNY"));
        var stated = Assess(docs);
        Assert.Equal(unstated.Decision, stated.Decision);
        Assert.Equal(unstated.PayableAmount, stated.PayableAmount);
        Assert.Contains(stated.Factors, f => f.Name == CurrencyRule.Name && f.Status == FactorStatus.Pass && f.Reason.Contains("print CNY", StringComparison.Ordinal));
    }
}
