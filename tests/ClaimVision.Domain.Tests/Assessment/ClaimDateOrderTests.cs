using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using static ClaimVision.Domain.Tests.Assessment.Claims;

namespace ClaimVision.Domain.Tests.Assessment;

public class ClaimDateOrderTests
{
    private static readonly DocumentDateOrder UsDollars = new(DateOrder.MonthFirst, "amounts in US dollars");
    private static readonly DocumentDateOrder Unproven = new(DateOrder.DayFirst, null);

    /// <summary>A certificate printing 03/12/2022, read day first because nothing on it says otherwise.</summary>
    private static AnalyzedDocument Certificate(string printed = "03/12/2022", string normalized = "2022-12-03") =>
        Doc("certificate", DocumentType.DiagnosisCertificate, [F(FieldNames.DocumentDate, printed, 0.82, normalized), F(FieldNames.Diagnosis, "Essential hypertension")])
        with { DateOrder = Unproven };

    private static AnalyzedDocument UsInvoice(DocumentDateOrder? order = null) =>
        Doc("invoice", DocumentType.OutpatientInvoice, [F(FieldNames.DocumentDate, "08-Feb-2022", normalized: "2022-02-08"), F(FieldNames.TotalAmount, "$1,234.00", normalized: "1234.00")])
        with { DateOrder = order ?? UsDollars };

    [Fact]
    public void A_date_the_page_left_open_is_read_in_the_order_another_document_of_the_claim_proves()
    {
        var invoice = UsInvoice();
        var settled = ClaimDateOrder.Reconcile([invoice, Certificate()]);

        var date = settled[1].Field(FieldNames.DocumentDate)!;
        Assert.Equal("2022-03-12", date.Normalized);
        Assert.Equal("03/12/2022", date.Value);
        var check = Assert.Single(date.Checks);
        Assert.Equal(ClaimDateOrder.CheckName, check.Name);
        Assert.True(check.Passed);
        Assert.Contains("invoice.jpg", check.Message, StringComparison.Ordinal);
        Assert.Contains("amounts in US dollars", check.Message, StringComparison.Ordinal);
        Assert.Equal(new DocumentDateOrder(DateOrder.MonthFirst, settled[1].DateOrder!.Proof), settled[1].DateOrder);
        Assert.True(settled[1].DateOrder!.Proven);
        // The other fields and the proving document are left as they were.
        Assert.Same(invoice, settled[0]);
        Assert.Equal("Essential hypertension", settled[1].Field(FieldNames.Diagnosis)!.Value);
    }

    [Fact]
    public void Documents_that_prove_different_orders_settle_nothing()
    {
        var dayFirst = UsInvoice(new DocumentDateOrder(DateOrder.DayFirst, "24/04/2022 on the page can only be read day first")) with { DocumentId = new DocumentId("receipt"), FileName = "receipt.jpg" };
        var documents = new[] { UsInvoice(), dayFirst, Certificate() };

        var settled = ClaimDateOrder.Reconcile(documents);

        Assert.Equal("2022-12-03", settled[2].Field(FieldNames.DocumentDate)!.Normalized);
        Assert.Same(documents[2], settled[2]);
    }

    [Fact]
    public void Without_a_proof_in_the_claim_the_default_reading_stands()
    {
        var documents = new[] { UsInvoice(Unproven), Certificate() };
        Assert.Same(documents[1], ClaimDateOrder.Reconcile(documents)[1]);
    }

    [Fact]
    public void A_failed_document_proves_nothing()
    {
        var failed = UsInvoice() with { Error = new DocumentError("corrupt-image", "the JPEG data ends prematurely") };
        var documents = new[] { failed, Certificate() };
        Assert.Same(documents[1], ClaimDateOrder.Reconcile(documents)[1]);
    }

    [Theory]
    [InlineData("03/12/2022", "2022-03-12")] // already read month first (the field is not the default reading)
    [InlineData("24/04/2022", "2022-04-24")] // only one order reads it
    [InlineData("03/03/2022", "2022-03-03")] // both orders read the same day
    [InlineData("2022-12-03", "2022-12-03")] // year first: no order to settle
    [InlineData("3 Dec 2022", "2022-12-03")] // a month name
    [InlineData("03/12/2022 - 04/12/2022", "2022-12-03")] // two dates in one value: not one date to read again
    public void Only_one_all_numeric_date_both_orders_read_differently_is_read_again(string printed, string normalized)
    {
        var settled = ClaimDateOrder.Reconcile([UsInvoice(), Certificate(printed, normalized)]);
        var date = settled[1].Field(FieldNames.DocumentDate)!;
        Assert.Equal(normalized, date.Normalized);
        Assert.Empty(date.Checks);
    }

    [Fact]
    public void Assessment_reads_the_claim_s_dates_in_the_order_its_documents_prove()
    {
        // The invoice prints 03/02/2026 and proves month first; the discharge summary prints the same admission date and
        // read it day first, which alone makes the documents disagree on the admission date.
        List<AnalyzedDocument> Claim(DocumentDateOrder invoiceOrder) =>
        [
            Invoice().With(F(FieldNames.AdmissionDate, "03/02/2026", normalized: "2026-03-02")) with { DateOrder = invoiceOrder },
            ExpenseList(), Settlement(),
            Discharge().With(F(FieldNames.AdmissionDate, "03/02/2026", normalized: "2026-02-03")) with { DateOrder = Unproven },
        ];

        Assert.Equal(FactorStatus.Uncertain, Assess(Claim(new DocumentDateOrder(DateOrder.MonthFirst, null))).Factor(DatesRule.Name).Status);
        var settled = Assess(Claim(new DocumentDateOrder(DateOrder.MonthFirst, "03/15/2026 on the page can only be read month first")));
        Assert.Equal(FactorStatus.Pass, settled.Factor(DatesRule.Name).Status);
    }
}
