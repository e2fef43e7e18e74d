using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using static ClaimVision.Domain.Tests.Assessment.Claims;

namespace ClaimVision.Domain.Tests.Assessment;

public class ClaimTotalTests
{
    /// <summary>The expense list's ¥8,650.40 read with its ¥ as a 3: a clean figure, one digit too long.</summary>
    private static AnalyzedDocument MisreadList(string printed = "38,650.40", double confidence = 0.8) =>
        ExpenseList().With(F(FieldNames.TotalAmount, printed, confidence, normalized: printed.Replace(",", "", StringComparison.Ordinal)));

    private static string? Total(AnalyzedDocument document) => AssessmentContext.Text(document.Field(FieldNames.TotalAmount)!);

    [Fact]
    public void A_total_with_its_sign_read_as_a_digit_is_read_as_the_total_the_claim_witnesses()
    {
        var documents = new[] { Invoice(), MisreadList(), Settlement() };
        var settled = ClaimTotal.Reconcile(documents);

        var total = settled[1].Field(FieldNames.TotalAmount)!;
        Assert.Equal("38,650.40", total.Value);                  // what was read stays
        Assert.Equal("8650.40", total.Normalized);
        Assert.Equal(ClaimTotal.SettledConfidence, total.Confidence);
        var check = Assert.Single(total.Checks, c => c.Name == ClaimTotal.CheckName);
        Assert.True(check.Passed);
        Assert.Contains("invoice.jpg", check.Message, StringComparison.Ordinal);   // the invoice reads it surely
        Assert.Same(total, ClaimTotal.Settled(settled[1]));
        Assert.Same(documents[0], settled[0]);
        Assert.Same(documents[2], settled[2]);
    }

    [Fact]
    public void Two_documents_reading_a_total_alike_witness_it_one_unsure_reading_does_not()
    {
        var unsureInvoice = Invoice(totalConfidence: 0.6);
        var unsureSheet = Settlement().With(F(FieldNames.TotalAmount, "8650.40", 0.6));
        Assert.Equal("8650.40", Total(ClaimTotal.Reconcile([unsureInvoice, MisreadList(), unsureSheet])[1]));
        Assert.Equal("38650.40", Total(ClaimTotal.Reconcile([unsureInvoice, MisreadList()])[1]));
        // The same photograph uploaded twice is one witness.
        var copy = unsureSheet with { DocumentId = new DocumentId("copy"), Sha256 = unsureInvoice.Sha256 };
        Assert.Equal("38650.40", Total(ClaimTotal.Reconcile([unsureInvoice, MisreadList(), copy])[1]));
    }

    [Theory]
    [InlineData("¥38,650.40")]     // printed with its sign: the 3 is a digit
    [InlineData("Y38,650.40")]
    [InlineData("338,650.40")]     // two digits too long
    [InlineData("38,650.41")]      // does not end in the witnessed total
    [InlineData("8,650.40")]       // the total itself
    public void A_total_printed_with_its_sign_or_not_one_digit_before_the_witnessed_one_stays(string printed)
    {
        var documents = new[] { Invoice(), MisreadList(printed) };
        Assert.Same(documents[1], ClaimTotal.Reconcile(documents)[1]);
    }

    [Fact]
    public void A_figure_another_document_witnesses_as_it_stands_is_no_misread()
    {
        // Two bills whose totals happen to nest: 8,650.40 and 38,650.40. The list's 38,650.40 is the second bill's.
        var second = Invoice(total: "38650.40") with { DocumentId = new DocumentId("invoice2"), FileName = "invoice2.jpg", Sha256 = "ff01" };
        var documents = new[] { Invoice(), second, MisreadList() };
        Assert.Same(documents[2], ClaimTotal.Reconcile(documents)[2]);
    }

    [Fact]
    public void A_zero_total_witnesses_nothing()
    {
        // A fully reimbursed slip reads 0.00; a receipt's 30.00 is no 0.00 with its sign read as a 3.
        var documents = new[] { Invoice(total: "0.00"), MisreadList("30.00") };
        Assert.Same(documents[1], ClaimTotal.Reconcile(documents)[1]);
    }

    [Fact]
    public void Of_two_bills_the_one_whose_total_the_figure_ends_in_one_digit_short_is_meant()
    {
        var second = Invoice(total: "38650.40") with { DocumentId = new DocumentId("invoice2"), FileName = "invoice2.jpg", Sha256 = "ff01" };
        Assert.Equal("38650.40", Total(ClaimTotal.Reconcile([Invoice(), second, MisreadList("138,650.40")])[2]));
    }

    [Fact]
    public void A_failed_unclassified_or_doubtfully_classified_document_witnesses_nothing()
    {
        foreach (var witness in Unreadable(Invoice()))
        {
            var documents = new[] { witness, MisreadList() };
            Assert.Same(documents[1], ClaimTotal.Reconcile(documents)[1]);
        }
        var doubtful = new[] { Invoice() with { Classification = new DocumentClassification(DocumentType.InpatientInvoice, 0.4, []) }, MisreadList() };
        Assert.Same(doubtful[1], ClaimTotal.Reconcile(doubtful, minClassificationConfidence: 0.5)[1]);
        Assert.Equal("8650.40", Total(ClaimTotal.Reconcile(doubtful)[1]));
        // A total read with a failed check vouches for nothing, however surely.
        var failed = Invoice().With(F(FieldNames.TotalAmount, "8650.40", 0.97) with { Checks = [new FieldCheck("sum", false, "items disagree")] });
        Assert.Equal("38650.40", Total(ClaimTotal.Reconcile([failed, MisreadList()])[1]));
    }

    [Fact]
    public void Assessment_finds_the_amounts_agree_once_the_claim_settled_the_list_s_total()
    {
        var docs = Complete();
        docs[1] = MisreadList();
        var amounts = Assess(docs).Factor(AmountsRule.Name);
        Assert.True(amounts.Status == FactorStatus.Pass, amounts.Reason);

        // With no document witnessing 8,650.40 surely or twice, the list's 38,650.40 contradicts the bill.
        docs[0] = Invoice(totalConfidence: 0.6);
        docs[2] = Settlement().With(F(FieldNames.TotalAmount, "8650.40", 0.6)) with { Sha256 = docs[0].Sha256 };
        Assert.Equal(FactorStatus.Uncertain, Assess(docs).Factor(AmountsRule.Name).Status);
    }
}
