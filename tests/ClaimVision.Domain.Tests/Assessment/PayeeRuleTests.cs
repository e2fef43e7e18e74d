using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using static ClaimVision.Domain.Tests.Assessment.Claims;

namespace ClaimVision.Domain.Tests.Assessment;

public class PayeeRuleTests
{
    /// <summary>A 中国银行 debit card number with a valid Luhn check digit, and a second valid one of another bank.</summary>
    private const string Account = "6216619956801875586";
    private const string OtherAccount = "6228480402564890018";
    private const string MaskedAccount = "621661*********5586";

    [Fact]
    public void A_claim_without_bank_details_gets_no_payee_factor_and_keeps_its_outcome()
    {
        var r = Assess(Complete());
        Assert.DoesNotContain(r.Factors, f => f.Name.StartsWith("payee.", StringComparison.Ordinal));
        Assert.Equal(Decision.Partial, r.Decision);
        Assert.Equal(2022.12m, r.PayableAmount);
    }

    [Fact]
    public void A_valid_bank_card_passes_showing_the_masked_account_only()
    {
        var r = Assess([.. Complete(), BankCard()]);

        Assert.Equal(Decision.Partial, r.Decision);
        Assert.Equal(2022.12m, r.PayableAmount);
        var account = r.Factor(PayeeRule.AccountFactor);
        Assert.Equal(FactorStatus.Pass, account.Status);
        Assert.Equal($"Payment to account {MaskedAccount} (中国银行), read on 1 document(s).", account.Reason);
        Assert.DoesNotContain(Account, account.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("9956801875586", account.Reason, StringComparison.Ordinal); // nor its printed group
        Assert.DoesNotContain("621661 9956801875586", account.Reason, StringComparison.Ordinal); // nor as printed
        Assert.Contains(account.Evidence, e => e.Field == FieldNames.CardNumber && e.FileName == "card.jpg" && e.Value == "621661 9956801875586");
        Assert.DoesNotContain(r.Factors, f => f.Name == PayeeRule.HolderFactor); // a Chinese card prints no holder
    }

    [Fact]
    public void A_claim_form_and_card_that_agree_pass_as_sure_as_the_surer_reading()
    {
        // The handwritten 银行账号 read unsurely, the printed card surely: the same valid number on both.
        var r = Assess([.. Complete(), BankCard(), ClaimForm(confidence: 0.55)]);

        var account = r.Factor(PayeeRule.AccountFactor);
        Assert.Equal(FactorStatus.Pass, account.Status);
        Assert.Contains("read on 2 document(s)", account.Reason, StringComparison.Ordinal);
        Assert.Equal(0.96, account.Weight, 3);
        Assert.Equal(Decision.Partial, r.Decision);
    }

    [Theory]
    [InlineData("6216619956801875587", 0.96)] // last digit misread
    [InlineData("6216619956801857586", 0.96)] // two neighbours swapped
    [InlineData("6216619956801875587", 0.40)] // misread and unsure: still review, never a reject
    [InlineData("621661995680", 0.96)]        // too short for a card: unreadable
    public void A_card_number_that_fails_its_check_digit_goes_to_review(string number, double confidence)
    {
        var r = Assess([.. Complete(), BankCard(number, confidence: confidence)]);

        Assert.Equal(Decision.Review, r.Decision);
        Assert.DoesNotContain(r.Factors, f => f.Status == FactorStatus.Fail);
        var account = r.Factor(PayeeRule.AccountFactor);
        Assert.Equal(FactorStatus.Uncertain, account.Status);
        Assert.Contains("card.jpg", account.Reason, StringComparison.Ordinal);
        Assert.Contains("probably misread", account.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(number, account.Reason, StringComparison.Ordinal);
        Assert.Contains(r.ReviewItems, i => i.Factor == PayeeRule.AccountFactor && i.FileName == "card.jpg" && i.Field == FieldNames.CardNumber);
    }

    [Fact]
    public void A_claim_form_account_that_differs_from_the_card_goes_to_review_naming_both()
    {
        var r = Assess([.. Complete(), BankCard(), ClaimForm(OtherAccount, "农业银行")]);

        Assert.Equal(Decision.Review, r.Decision);
        var account = r.Factor(PayeeRule.AccountFactor);
        Assert.Equal(FactorStatus.Uncertain, account.Status);
        Assert.Contains($"card.jpg {MaskedAccount}", account.Reason, StringComparison.Ordinal);
        Assert.Contains("claim-form.jpg 622848*********0018", account.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Account, account.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(OtherAccount, account.Reason, StringComparison.Ordinal);
        Assert.Equal(["card.jpg", "claim-form.jpg"], account.Evidence.Select(e => e.FileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Bank_details_without_a_readable_account_number_go_to_review()
    {
        var form = Doc("claim-form", DocumentType.ClaimForm, [F(FieldNames.PatientName, Name), F(FieldNames.BankName, "中国银行")]);
        var r = Assess([.. Complete(), form]);

        Assert.Equal(Decision.Review, r.Decision);
        var account = r.Factor(PayeeRule.AccountFactor);
        Assert.Equal(FactorStatus.Uncertain, account.Status);
        Assert.Contains("no account number", account.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-03", null, FactorStatus.Uncertain)]       // ended 2026-03-31, submitted 2026-04-01 (now)
    [InlineData("2025-06", null, FactorStatus.Uncertain)]
    [InlineData("2026-04", null, FactorStatus.Pass)]            // valid through the end of the submission month
    [InlineData("2030-06", null, FactorStatus.Pass)]
    [InlineData("2026-03", "2026-03-20", FactorStatus.Pass)]    // submitted while still valid: the submission date counts, not now
    [InlineData("2026-02", "2026-03-20", FactorStatus.Uncertain)]
    public void A_card_that_expired_before_the_claim_was_submitted_goes_to_review(string expiry, string? submitted, FactorStatus expected)
    {
        var request = Request() with { SubmittedAt = submitted is null ? null : DateTimeOffset.Parse(submitted + "T10:00:00+08:00", System.Globalization.CultureInfo.InvariantCulture) };
        var r = Assess([.. Complete(), BankCard(expiry: expiry)], request);

        var account = r.Factor(PayeeRule.AccountFactor);
        Assert.Equal(expected, account.Status);
        Assert.Equal(expected == FactorStatus.Pass ? Decision.Partial : Decision.Review, r.Decision);
        if (expected == FactorStatus.Uncertain)
        {
            Assert.Contains($"expired {expiry}", account.Reason, StringComparison.Ordinal);
            Assert.Contains("a transfer to it may fail", account.Reason, StringComparison.Ordinal);
            Assert.Contains(r.ReviewItems, i => i.Field == FieldNames.ExpiryDate && i.FileName == "card.jpg");
        }
    }

    [Theory]
    [InlineData("JOHN CARTER", null)]
    [InlineData("JOHN CARTER", "John Carter")]
    [InlineData("john carter", null)]
    public void A_card_in_the_insured_persons_name_passes_whatever_the_case(string printed, string? normalized)
    {
        var r = Assess([UsReceipt(), UsBankCard(printed, normalized)], UsRequest(), UsPolicy, DeductibleMet());

        Assert.Equal(FactorStatus.Pass, r.Factor(PayeeRule.HolderFactor).Status);
        Assert.Equal(FactorStatus.Pass, r.Factor(PayeeRule.AccountFactor).Status);
        Assert.Contains("(Wells Fargo)", r.Factor(PayeeRule.AccountFactor).Reason, StringComparison.Ordinal);
        Assert.Equal(Decision.Approve, r.Decision);
    }

    [Fact]
    public void A_holder_name_with_an_ocr_look_alike_passes_but_keeps_its_reading_confidence()
    {
        var r = Assess([UsReceipt(), UsBankCard("J0HN CARTER", confidence: 0.75)], UsRequest(), UsPolicy, DeductibleMet());

        var holder = r.Factor(PayeeRule.HolderFactor);
        Assert.Equal(FactorStatus.Pass, holder.Status);
        Assert.Equal(0.75, holder.Weight, 3);
    }

    [Fact]
    public void A_card_in_someone_elses_name_goes_to_review_but_does_not_make_the_identity_uncertain()
    {
        var r = Assess([UsReceipt(), UsBankCard("MARY CARTER")], UsRequest(), UsPolicy, DeductibleMet());

        Assert.Equal(Decision.Review, r.Decision);
        var holder = r.Factor(PayeeRule.HolderFactor);
        Assert.Equal(FactorStatus.Uncertain, holder.Status);
        Assert.Equal("The bank card wells-fargo.jpg is in the name of M**********, not the insured J**********: paying someone else needs the insured's authorisation.", holder.Reason);
        Assert.Contains(r.ReviewItems, i => i.Factor == PayeeRule.HolderFactor && i.Field == FieldNames.PatientName && i.FileName == "wells-fargo.jpg");
        // The cardholder may legitimately be someone else (a parent's card): that is the payee's question, not the patient's.
        Assert.Equal(FactorStatus.Pass, r.Factor(IdentityRule.NameFactor).Status);
        Assert.Equal([PayeeRule.HolderFactor], r.Factors.Where(f => f.Status != FactorStatus.Pass).Select(f => f.Name));
    }

    [Fact]
    public void A_holder_name_read_unsurely_that_agrees_is_no_quality_doubt()
    {
        var r = Assess([UsReceipt(), UsBankCard("JOHN CARTER", confidence: 0.55)], UsRequest(), UsPolicy, DeductibleMet());

        Assert.Equal(FactorStatus.Pass, r.Factor(QualityRule.Name).Status);
        Assert.Equal(FactorStatus.Pass, r.Factor(PayeeRule.HolderFactor).Status);
    }

    [Fact]
    public void A_different_holder_read_unsurely_is_still_review_not_reject()
    {
        var r = Assess([UsReceipt(), UsBankCard("MARY CARTER", confidence: 0.40)], UsRequest(), UsPolicy, DeductibleMet());
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Equal(FactorStatus.Uncertain, r.Factor(PayeeRule.HolderFactor).Status);
        Assert.DoesNotContain(r.Factors, f => f.Status == FactorStatus.Fail);
    }

    [Fact]
    public void Card_numbers_on_social_security_cards_and_id_cards_are_no_bank_account()
    {
        var insuranceCard = Doc("si-card", DocumentType.InsuranceCard,
            [F(FieldNames.PatientName, Name), F(FieldNames.CardNumber, "522631D15600000X"), F(FieldNames.ExpiryDate, "2020-01-01")]);
        var licence = Doc("licence", DocumentType.IdCard, [F(FieldNames.PatientName, Name), F(FieldNames.CardNumber, "1234567890123")]);

        var r = Assess([.. Complete(), insuranceCard, licence]);

        Assert.DoesNotContain(r.Factors, f => f.Name.StartsWith("payee.", StringComparison.Ordinal));
        Assert.Equal(Decision.Partial, r.Decision);
    }

    private static AnalyzedDocument BankCard(string number = Account, string bank = "中国银行", string? expiry = "2030-06", double confidence = 0.96)
    {
        var printed = number.Length > 6 ? number[..6] + " " + number[6..] : number;
        List<ExtractedField> fields = [F(FieldNames.BankName, bank, y: 40), F(FieldNames.CardNumber, printed, confidence, number, y: 340)];
        if (expiry is not null) fields.Add(F(FieldNames.ExpiryDate, expiry[5..] + "/" + expiry[2..4], normalized: expiry, y: 436));
        return Doc("card", DocumentType.BankCard, fields);
    }

    private static AnalyzedDocument ClaimForm(string number = Account, string bank = "中国银行", double confidence = 0.90) =>
        Doc("claim-form", DocumentType.ClaimForm,
        [
            F(FieldNames.PatientName, Name, y: 120),
            F(FieldNames.PatientIdNumber, Id, y: 150),
            F(FieldNames.BankName, bank, y: 600),
            F(FieldNames.CardNumber, number, confidence, y: 630),
        ]);

    private static ClaimRequest UsRequest() => new()
    {
        ClaimId = "US-0004",
        PolicyId = "us-outpatient-pharmacy",
        Insured = new InsuredPerson { Name = "John Carter", IdNumber = "USM-100234" },
    };

    /// <summary>The yearly deductible already met by an earlier claim, so the receipt is approved in full.</summary>
    private static ClaimHistory DeductibleMet() =>
        new([new PriorClaim { ClaimId = "US-0001", PolicyId = UsPolicy.Id, InsuredIdNumber = "USM-100234", ServiceDate = new DateOnly(2026, 2, 3), PaidAmount = 40m, DeductibleApplied = 100m }]);

    private static AnalyzedDocument UsReceipt() => Doc("receipt", DocumentType.PharmacyReceipt,
    [
        F(FieldNames.ProviderName, "Walgreens #4821"),
        F(FieldNames.ProviderLevel, "in-network"),
        F(FieldNames.PatientName, "JOHN CARTER"),
        F(FieldNames.DocumentDate, "2026-03-14"),
        F(FieldNames.InvoiceNumber, "RX-0048213-7"),
        F(FieldNames.TotalAmount, "$86.45", normalized: "86.45"),
    ]);

    private static AnalyzedDocument UsBankCard(string holder, string? normalized = null, double confidence = 0.93) => Doc("wells-fargo", DocumentType.BankCard,
    [
        F(FieldNames.BankName, "Wells Fargo", y: 40),
        F(FieldNames.CardNumber, "4111 1111 1111 1111", normalized: "4111111111111111", y: 340),
        F(FieldNames.ExpiryDate, "09/28", normalized: "2028-09", y: 436),
        F(FieldNames.PatientName, holder, confidence, normalized, y: 480),
    ]);
}
