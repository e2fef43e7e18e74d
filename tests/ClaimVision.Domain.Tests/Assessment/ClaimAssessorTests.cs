using System.Text.Json;
using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using static ClaimVision.Domain.Tests.Assessment.Claims;

namespace ClaimVision.Domain.Tests.Assessment;

public class ClaimAssessorTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void A_complete_county_hospital_claim_is_partial_after_deductible_and_ratio()
    {
        var r = Assess(Complete());

        Assert.Equal(Decision.Partial, r.Decision);
        // (8650.40 − 4980.20 − 0) = 3670.20 eligible; − 300 deductible = 3370.20; × 60 % (county) = 2022.12
        Assert.Equal(3670.20m, r.EligibleAmount);
        Assert.Equal(8650.40m, r.BilledAmount);
        Assert.Equal(2022.12m, r.PayableAmount);
        Assert.Equal("CNY", r.Currency);
        Assert.Equal("cn-poverty-labour-inpatient@2026.1", r.PolicyVersion);
        Assert.Equal([3370.20m, 2022.12m], r.Computation.Where(s => s.Step is "after deductible" or "after reimbursement ratio").Select(s => s.Amount));
        Assert.Contains(r.Computation, s => s.Clause.Contains("60 %", StringComparison.Ordinal) && s.Clause.Contains("county", StringComparison.Ordinal));
        Assert.All(r.Factors, f => Assert.Equal(FactorStatus.Pass, f.Status));
        Assert.Equal("test", r.ModelVersions["classifier"]);
        Assert.InRange(r.Confidence, 0.9, 1.0);
    }

    [Fact]
    public void A_township_hospital_pays_the_higher_ratio()
    {
        var docs = Complete();
        docs[0] = Invoice(level: "乡镇卫生院");
        var r = Assess(docs);
        Assert.Equal(Decision.Partial, r.Decision);
        Assert.Equal(2359.14m, r.PayableAmount); // 3370.20 × 0.70
    }

    [Fact]
    public void A_large_bill_is_capped_per_claim()
    {
        var docs = new List<AnalyzedDocument>
        {
            Invoice(total: "98000.00", covered: "40000.00", selfPaid: "58000.00"),
            ExpenseList(total: "98000.00", items: Items(3000m, 60000m, 20000m, 15000m)),
            Settlement(total: "98000.00", covered: "40000.00", selfPaid: "58000.00"),
            Discharge(),
        };
        var r = Assess(docs);
        Assert.Equal(Decision.Partial, r.Decision);
        Assert.Equal(20000.00m, r.PayableAmount); // 57,700 × 0.6 = 34,620 capped at 20,000
        Assert.Contains(r.Computation, s => s.Step == "after per-claim cap" && s.Detail == "capped");
    }

    [Fact]
    public void The_per_year_cap_counts_what_earlier_claims_of_the_year_were_paid()
    {
        var history = new ClaimHistory([new PriorClaim { ClaimId = "CLM-2026-0000", PolicyId = CnPolicy.Id, InsuredIdNumber = Id, ServiceDate = new DateOnly(2026, 1, 15), PaidAmount = 48500.00m, InvoiceNumbers = ["52002600110000001"] }]);
        var r = Assess(Complete(), history: history);
        Assert.Equal(Decision.Partial, r.Decision);
        Assert.Equal(1500.00m, r.PayableAmount);
    }

    [Fact]
    public void An_in_network_pharmacy_claim_with_the_deductible_met_is_approved_in_full()
    {
        var history = new ClaimHistory([new PriorClaim { ClaimId = "US-0001", PolicyId = UsPolicy.Id, InsuredIdNumber = "USM-100234", ServiceDate = new DateOnly(2026, 2, 3), PaidAmount = 40m, DeductibleApplied = 100m }]);
        var r = Assess([UsReceipt("86.45")], UsRequest(), UsPolicy, history);
        Assert.Equal(Decision.Approve, r.Decision);
        Assert.Equal(86.45m, r.PayableAmount);
        Assert.Equal("USD", r.Currency);
    }

    [Fact]
    public void A_pharmacy_claim_below_the_yearly_deductible_pays_nothing_and_is_rejected()
    {
        var r = Assess([UsReceipt("86.45")], UsRequest(), UsPolicy);
        Assert.Equal(Decision.Reject, r.Decision);
        Assert.Equal(0m, r.PayableAmount);
        Assert.Equal(FactorStatus.Fail, r.Factor(ClaimAssessor.PayableFactor).Status);
    }

    [Fact]
    public void An_insured_over_the_age_limit_is_rejected()
    {
        const string elder = "522633196211200354"; // 龙德明, born 1962-11-20: 63 on admission
        var docs = new List<AnalyzedDocument> { Invoice(name: "龙德明", id: elder), ExpenseList(), Settlement(), Discharge() };
        var r = Assess(docs, Request("龙德明", elder));
        Assert.Equal(Decision.Reject, r.Decision);
        Assert.Equal(0m, r.PayableAmount);
        var age = r.Factor(EligibilityRule.AgeFactor);
        Assert.Equal(FactorStatus.Fail, age.Status);
        Assert.Contains("63", age.Reason, StringComparison.Ordinal);
        Assert.Contains(age.Evidence, e => e.Field == FieldNames.AdmissionDate && e.DocumentId != null);
    }

    [Fact]
    public void An_insured_outside_the_covered_counties_is_rejected()
    {
        const string kaili = "52260119900405051X"; // 石光荣, 凯里市: not a covered county
        var r = Assess([Invoice(name: "石光荣", id: kaili), ExpenseList(), Settlement(), Discharge()], Request("石光荣", kaili));
        Assert.Equal(Decision.Reject, r.Decision);
        Assert.Equal(FactorStatus.Fail, r.Factor(EligibilityRule.RegionFactor).Status);
        Assert.Contains("522601", r.Factor(EligibilityRule.RegionFactor).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_person_missing_from_the_registry_is_rejected()
    {
        const string stranger = "522631199001010019";
        Assert.True(Domain.Identity.ResidentId.TryParse(stranger, out _, out _));
        var r = Assess([Invoice(name: "张三", id: stranger), ExpenseList(), Settlement(), Discharge()], Request("张三", stranger));
        Assert.Equal(Decision.Reject, r.Decision);
        Assert.Equal(FactorStatus.Fail, r.Factor(EligibilityRule.RegistryFactor).Status);
    }

    [Fact]
    public void An_admission_before_the_policy_period_is_rejected()
    {
        var docs = new List<AnalyzedDocument> { Invoice(admission: "2025-12-28"), ExpenseList(), Settlement(), Discharge() };
        // the other documents say 2026-03-02: that contradiction alone would be review; make them agree
        docs = [.. docs.Select(d => d.Field(FieldNames.AdmissionDate) is null ? d : d.With(F(FieldNames.AdmissionDate, "2025-12-28")))];
        var r = Assess(docs);
        Assert.Equal(Decision.Reject, r.Decision);
        Assert.Equal(FactorStatus.Fail, r.Factor(EligibilityRule.PeriodFactor).Status);
    }

    [Fact]
    public void A_self_inflicted_injury_is_excluded_naming_the_clause()
    {
        var docs = Complete();
        docs[3] = Discharge("自缢致颈部损伤", "X70.0");
        var r = Assess(docs);
        Assert.Equal(Decision.Reject, r.Decision);
        var exclusion = r.Factor(ExclusionsRule.Name);
        Assert.Equal(FactorStatus.Fail, exclusion.Status);
        Assert.Contains("第七条(一)", exclusion.Reason, StringComparison.Ordinal);
        Assert.Contains(exclusion.Evidence, e => e.Field == FieldNames.DiagnosisCode && e.Value == "X70.0");
    }

    [Fact]
    public void An_exclusion_read_off_an_unsure_diagnosis_goes_to_review_not_reject()
    {
        var docs = Complete();
        docs[3] = Discharge("自缢致颈部损伤", "X70.0", diagnosisConfidence: 0.55);
        var r = Assess(docs);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Equal(FactorStatus.Uncertain, r.Factor(ExclusionsRule.Name).Status);
        Assert.Contains(r.ReviewItems, i => i.Field == FieldNames.DiagnosisCode);
    }

    [Fact]
    public void An_exclusion_the_sure_code_shows_rejects_even_when_the_matching_text_is_read_unsurely()
    {
        var docs = Complete();
        docs[3] = Discharge("交通事故致右胫腓骨骨折", "V89.2").With(F(FieldNames.Diagnosis, "交通事故致右肥腓骨骨折", 0.65));
        var r = Assess(docs);
        Assert.Equal(Decision.Reject, r.Decision);
        var exclusion = r.Factor(ExclusionsRule.Name);
        Assert.Equal(FactorStatus.Fail, exclusion.Status);
        // The unsure text match stays in the evidence; the sure code match alone carries the rejection.
        Assert.Contains(exclusion.Evidence, e => e.Field == FieldNames.Diagnosis && e.Confidence < 0.8);
        Assert.Contains(exclusion.Evidence, e => e.Field == FieldNames.DiagnosisCode && e.Value == "V89.2");
    }

    [Fact]
    public void An_invoice_claimed_before_is_a_duplicate()
    {
        var history = new ClaimHistory([new PriorClaim { ClaimId = "CLM-2026-0007", PolicyId = CnPolicy.Id, InsuredIdNumber = Id, ServiceDate = new DateOnly(2026, 3, 2), InvoiceNumbers = ["5200 2600 3100 12345"] }]);
        var r = Assess(Complete(), history: history);
        Assert.Equal(Decision.Reject, r.Decision);
        var duplicate = r.Factor(DuplicateRule.Name);
        Assert.Equal(FactorStatus.Fail, duplicate.Status);
        Assert.Contains("CLM-2026-0007", duplicate.Reason, StringComparison.Ordinal);
    }

    /// <summary>An earlier paid claim of the same person for the stay of <see cref="Complete"/> (admitted 2026-03-02).</summary>
    private static ClaimHistory PaidBefore(string invoiceNumber, decimal billed = 8650.40m, string id = Id, DateOnly? service = null, decimal paid = 2022.12m) =>
        new([new PriorClaim
        {
            ClaimId = "CLM-2026-0005", PolicyId = CnPolicy.Id, InsuredIdNumber = id, ServiceDate = service ?? new DateOnly(2026, 3, 2),
            InvoiceNumbers = [invoiceNumber], Documents = [new PriorDocument("d-1", "invoice.jpg", new string('a', 64), invoiceNumber)],
            BilledAmount = billed, PaidAmount = paid,
        }]);

    [Theory]
    [InlineData("5200260031")]          // the earlier reading cut short
    [InlineData("0310012345")]          // its leading digits lost
    [InlineData("52002600(10012345")]   // one glyph misread
    public void The_same_stay_with_its_invoice_number_read_differently_is_a_duplicate(string earlierReading)
    {
        var r = Assess(Complete(), history: PaidBefore(earlierReading));

        Assert.Equal(Decision.Reject, r.Decision);
        var duplicate = r.Factor(DuplicateRule.Name);
        Assert.Equal(FactorStatus.Fail, duplicate.Status);
        Assert.Contains($"invoice {earlierReading} of claim CLM-2026-0005 (invoice.jpg, document d-1) read differently", duplicate.Reason, StringComparison.Ordinal);
        Assert.Contains("service date 2026-03-02 and billed 8,650.40", duplicate.Reason, StringComparison.Ordinal);
        Assert.Contains(duplicate.Evidence, e => e.Field == FieldNames.InvoiceNumber && e.Value == "52002600310012345");
        Assert.Contains(duplicate.Evidence, e => e.Source == "earlier claim CLM-2026-0005" && e.DocumentId == "d-1");
    }

    [Fact]
    public void A_resembling_invoice_number_of_another_amount_or_an_unrelated_one_on_the_same_day_goes_to_a_person()
    {
        var otherAmount = Assess(Complete(), history: PaidBefore("5200260031", billed: 1200.00m));
        var otherNumber = Assess(Complete(), history: PaidBefore("8800990011"));

        Assert.Equal(Decision.Review, otherAmount.Decision);
        var near = otherAmount.Factor(DuplicateRule.Name);
        Assert.Equal(FactorStatus.Uncertain, near.Status);
        Assert.Contains("its invoice 5200260031 resembles 52002600310012345", near.Reason, StringComparison.Ordinal);
        Assert.Contains("it billed 1,200.00, this claim 8,650.40", near.Reason, StringComparison.Ordinal);
        Assert.Equal(Decision.Review, otherNumber.Decision);
        Assert.Equal(FactorStatus.Uncertain, otherNumber.Factor(DuplicateRule.Name).Status);
        Assert.Contains("claim CLM-2026-0005 of the same person under this policy, for a service on 2026-03-02, was already paid", otherNumber.Factor(DuplicateRule.Name).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_person_another_day_or_an_unpaid_claim_with_a_resembling_invoice_number_is_no_duplicate()
    {
        var histories = new[]
        {
            PaidBefore("5200260031", id: "522633197209180264"),
            PaidBefore("5200260031", service: new DateOnly(2026, 3, 3)),
            PaidBefore("5200260031", paid: 0m),
        };

        Assert.All(histories, h => Assert.Equal(FactorStatus.Pass, Assess(Complete(), history: h).Factor(DuplicateRule.Name).Status));
    }

    [Theory]
    [InlineData("5226310302", "522631", true)]
    [InlineData("5226310302", "226310302", true)]
    [InlineData("5226310522302", "522631(522302", true)]
    [InlineData("5226 3105-22302", "5226310522302", true)]
    [InlineData("5226310302", "52263", false)]          // five characters: any bill of the hospital's series
    [InlineData("5226310302", "5226310303", false)]     // one digit for another: as likely the next bill as a misread
    [InlineData("5226310302", "522631O302", true)]      // a letter for a digit: a misread
    [InlineData("5226310302", "5226310311", false)]
    [InlineData("1234567", "1234568", false)]           // too short for one glyph to mean a misreading
    [InlineData("5226310302", "", false)]
    public void Invoice_numbers_resemble_when_one_reading_is_cut_short_or_has_one_glyph_wrong(string a, string b, bool expected)
    {
        Assert.Equal(expected, ClaimHistory.InvoicesResemble(a, b));
        Assert.Equal(expected, ClaimHistory.InvoicesResemble(b, a));
    }

    [Fact]
    public void An_image_submitted_with_an_earlier_claim_is_a_duplicate()
    {
        var docs = Complete();
        var history = new ClaimHistory([new PriorClaim { ClaimId = "CLM-2026-0003", PolicyId = CnPolicy.Id, InsuredIdNumber = Id, ImageSha256s = [docs[1].Sha256.ToUpperInvariant()] }]);
        var r = Assess(docs, history: history);
        Assert.Equal(Decision.Reject, r.Decision);
        Assert.Contains("expenses.jpg", r.Factor(DuplicateRule.Name).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_claim_is_not_its_own_duplicate()
    {
        var docs = Complete();
        var first = Assess(docs);
        var history = ClaimHistory.Empty.With(ClaimAssessor.ToPriorClaim(Request(), docs, first));
        var again = Assess(docs, history: history);
        Assert.Equal(first.Decision, again.Decision);
        Assert.Equal(FactorStatus.Pass, again.Factor(DuplicateRule.Name).Status);
    }

    [Fact]
    public void A_duplicate_names_the_earlier_claim_and_its_document_in_reason_and_evidence()
    {
        var docs = Complete();
        var earlier = ClaimAssessor.ToPriorClaim(Request(claimId: "CLM-2025-0900"), docs, Assess(docs));
        var again = Assess(docs, history: ClaimHistory.Empty.With(earlier));

        var duplicate = again.Factor(DuplicateRule.Name);
        Assert.Equal(FactorStatus.Fail, duplicate.Status);
        var invoice = docs.Single(d => d.Field(FieldNames.InvoiceNumber) is not null);
        Assert.Contains($"claim CLM-2025-0900 ({invoice.FileName}, document {invoice.DocumentId.Value})", duplicate.Reason, StringComparison.Ordinal);
        Assert.Contains(duplicate.Evidence, e => e.Source == "earlier claim CLM-2025-0900" && e.DocumentId == invoice.DocumentId.Value);
        Assert.Equal(docs.Select(d => d.DocumentId.Value).Order(),
            duplicate.Evidence.Where(e => e.Source == "earlier claim CLM-2025-0900").Select(e => e.DocumentId).Distinct().Order());
    }

    [Fact]
    public void The_history_lookup_asks_for_the_year_person_invoices_and_images_the_assessment_uses()
    {
        var docs = Complete();
        var lookup = ClaimAssessor.Lookup(Request(), docs, CnPolicy, Registry, Now);

        Assert.Equal(Request().ClaimId, lookup.ClaimId);
        Assert.Equal(Id, lookup.InsuredIdNumber);
        Assert.Equal(CnPolicy.Id, lookup.PolicyId);
        Assert.Equal(2026, lookup.Year);
        Assert.Equal([ClaimHistory.NormalizeInvoice(AssessmentContext.Text(docs.Select(d => d.Field(FieldNames.InvoiceNumber)).First(f => f is not null)!))], lookup.InvoiceNumbers);
        Assert.Equal(docs.Select(d => d.Sha256).Distinct(), lookup.ImageSha256s);
    }

    [Fact]
    public void Earlier_claims_without_an_id_number_do_not_share_a_yearly_cap()
    {
        var history = new ClaimHistory([new PriorClaim { ClaimId = "A", PolicyId = CnPolicy.Id, InsuredIdNumber = "", ServiceDate = new DateOnly(2026, 3, 2), PaidAmount = 10m }]);
        Assert.Empty(history.InYear("", CnPolicy.Id, 2026, "B"));
    }

    [Fact]
    public void A_low_confidence_total_sends_the_claim_to_review_naming_the_field()
    {
        var docs = Complete();
        docs[0] = Invoice(totalConfidence: 0.62);
        // Every other printed total is doubtful too, so no sure reading corroborates the invoice's.
        for (var i = 1; i < docs.Count; i++)
            if (docs[i].Fields.TryGetValue(FieldNames.TotalAmount, out var total))
                docs[i] = docs[i].With(total with { Confidence = 0.62 });
        var r = Assess(docs);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Equal(0m, r.PayableAmount);
        Assert.Equal(2022.12m, r.ProvisionalPayable);
        Assert.All(r.ReviewItems, i => Assert.Equal(FieldNames.TotalAmount, i.Field));
        Assert.Contains(r.ReviewItems, i => i.FileName == "invoice.jpg");
        Assert.Contains("totalAmount", Assert.Single(r.Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void Contradicting_totals_send_the_claim_to_review()
    {
        var docs = Complete();
        docs[2] = Settlement(total: "8560.40", selfPaid: "3580.20");
        var r = Assess(docs);
        Assert.Equal(Decision.Review, r.Decision);
        var amounts = r.Factor(AmountsRule.Name);
        Assert.Equal(FactorStatus.Uncertain, amounts.Status);
        Assert.Contains("8,560.40", amounts.Reason, StringComparison.Ordinal);
        Assert.Contains(r.ReviewItems, i => i.FileName == "settlement.jpg" && i.Field == FieldNames.TotalAmount);
    }

    [Fact]
    public void Line_items_that_do_not_add_up_send_the_claim_to_review()
    {
        var docs = Complete();
        docs[1] = ExpenseList(items: Items(720.00m, 4210.60m, 1380.00m, 946.80m, 1133.00m, 206.00m));
        var r = Assess(docs);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Contains("8,596.40", r.Factor(AmountsRule.Name).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parts_that_do_not_make_up_the_total_send_the_claim_to_review()
    {
        var docs = Complete();
        docs[2] = Settlement(selfPaid: "3760.20");
        var r = Assess(docs);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Contains("personally paid", r.Factor(AmountsRule.Name).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_corrupt_image_still_gets_a_recommendation_naming_the_missing_document()
    {
        List<AnalyzedDocument> docs = [Invoice(), ExpenseList(), Corrupt("scan3"), Discharge()];
        var r = Assess(docs);
        Assert.Equal(Decision.Review, r.Decision);
        var required = r.Factor(CompletenessRule.RequiredFactor);
        Assert.Equal(FactorStatus.Uncertain, required.Status);
        Assert.Contains("settlement-sheet", required.Reason, StringComparison.Ordinal);
        Assert.Contains("scan3.jpg", required.Reason, StringComparison.Ordinal);
        Assert.Contains(r.ReviewItems, i => i.FileName == "scan3.jpg");
        Assert.Equal(0m, r.PayableAmount);
    }

    [Fact]
    public void A_corrupt_extra_image_is_named_even_when_the_required_set_is_complete()
    {
        var r = Assess([.. Complete(), Corrupt("extra")]);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Equal(FactorStatus.Pass, r.Factor(CompletenessRule.RequiredFactor).Status);
        Assert.Contains("extra.jpg", r.Factor(CompletenessRule.UnreadableFactor).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_of_unsure_type_does_not_count_as_present()
    {
        var docs = Complete();
        docs[2] = docs[2] with { Classification = new DocumentClassification(DocumentType.SettlementSheet, 0.41, []) };
        var r = Assess(docs);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Contains("type unsure", r.Factor(CompletenessRule.RequiredFactor).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_document_of_another_person_is_rejected()
    {
        var docs = Complete();
        docs[2] = docs[2].With(F(FieldNames.PatientIdNumber, "522632198507020179"));
        var r = Assess(docs);
        Assert.Equal(Decision.Reject, r.Decision);
        var id = r.Factor(IdentityRule.IdNumberFactor);
        Assert.Equal(FactorStatus.Fail, id.Status);
        Assert.DoesNotContain("198507020179", id.Reason, StringComparison.Ordinal); // masked in the reason
    }

    [Fact]
    public void A_misread_id_number_no_other_document_reads_fails_its_check_digit_and_goes_to_review()
    {
        // The invoice's number unread: nothing in the claim says which number the settlement sheet's was (ClaimIdNumberTests).
        var docs = Complete();
        docs[0] = docs[0] with { Fields = docs[0].Fields.Where(f => f.Key != FieldNames.PatientIdNumber).ToDictionary() };
        docs[2] = docs[2].With(F(FieldNames.PatientIdNumber, "522631197808150428"));
        var r = Assess(docs);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Contains(r.ReviewItems, i => i.Field == FieldNames.PatientIdNumber && i.FileName == "settlement.jpg");
    }

    [Fact]
    public void A_truncated_id_number_read_with_high_confidence_is_review_not_a_different_person()
    {
        var docs = Complete();
        docs[2] = docs[2].With(F(FieldNames.PatientIdNumber, "52263119780315042", confidence: 0.99));
        var r = Assess(docs);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Equal(FactorStatus.Uncertain, r.Factor(IdentityRule.IdNumberFactor).Status);
    }

    [Fact]
    public void A_name_read_with_an_ocr_look_alike_still_matches()
    {
        var docs = Complete();
        docs[1] = docs[1].With(F(FieldNames.PatientName, "扬秀英"));
        var r = Assess(docs);
        Assert.Equal(Decision.Partial, r.Decision);
        Assert.Contains("look-alike", r.Factor(IdentityRule.NameFactor).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unsure_name_reading_that_spells_the_registry_name_exactly_does_not_lower_the_claims_confidence()
    {
        // 0.70 is below the policy's 0.80, but another document reads the same name surely: quality passes, and the
        // exact spelling is no OCR error that happens to match, so the name factor stays sure.
        var docs = Complete();
        docs[0] = docs[0].With(F(FieldNames.PatientName, Claims.Name, confidence: 0.70));
        var exact = Assess(docs);
        Assert.Equal(Decision.Partial, exact.Decision);
        Assert.Equal(1, exact.Factor(IdentityRule.NameFactor).Weight);

        docs[0] = docs[0].With(F(FieldNames.PatientName, "扬秀英", confidence: 0.70)); // a look-alike keeps its doubt
        Assert.Equal(0.70, Assess(docs).Factor(IdentityRule.NameFactor).Weight, 3);
    }

    [Fact]
    public void Exact_name_readings_keep_their_doubt_when_none_of_them_is_sure()
    {
        // No sure reading of the name anywhere: an unsure exact spelling may be a misread of a similar name.
        var docs = Complete().Select(d => d.Fields.ContainsKey(FieldNames.PatientName) ? d.With(F(FieldNames.PatientName, Claims.Name, confidence: 0.70)) : d).ToList();
        Assert.Equal(0.70, Assess(docs).Factor(IdentityRule.NameFactor).Weight, 3);
    }

    [Fact]
    public void A_different_name_goes_to_review()
    {
        var docs = Complete();
        docs[1] = docs[1].With(F(FieldNames.PatientName, "杨秀梅"));
        var r = Assess(docs);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Contains(r.ReviewItems, i => i.Field == FieldNames.PatientName && i.FileName == "expenses.jpg");
    }

    [Fact]
    public void Admission_after_discharge_goes_to_review()
    {
        var docs = Complete();
        docs[3] = docs[3].With(F(FieldNames.DischargeDate, "2026-02-28"));
        var r = Assess(docs);
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Equal(FactorStatus.Uncertain, r.Factor(DatesRule.Name).Status);
    }

    [Fact]
    public void Decisions_and_statuses_serialise_in_lower_case()
    {
        var json = JsonSerializer.Serialize(Assess(Complete()), Web);
        Assert.Contains("\"decision\":\"partial\"", json, StringComparison.Ordinal);
        Assert.Contains("\"status\":\"pass\"", json, StringComparison.Ordinal);
        Assert.Contains("\"payableAmount\":2022.12", json, StringComparison.Ordinal);
    }

    private static ClaimRequest UsRequest() => new()
    {
        ClaimId = "US-0002",
        PolicyId = "us-outpatient-pharmacy",
        Insured = new InsuredPerson { Name = "John Carter", IdNumber = "USM-100234" },
    };

    private static AnalyzedDocument UsReceipt(string total) => Doc("receipt", DocumentType.PharmacyReceipt,
    [
        F(FieldNames.ProviderName, "Walgreens #4821"),
        F(FieldNames.ProviderLevel, "in-network"),
        F(FieldNames.PatientName, "JOHN CARTER"),
        F(FieldNames.DocumentDate, "2026-03-14"),
        F(FieldNames.InvoiceNumber, "RX-0048213-7"),
        F(FieldNames.TotalAmount, "$" + total, normalized: total),
    ]);
}
