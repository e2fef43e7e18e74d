using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using static ClaimVision.Domain.Tests.Assessment.Claims;

namespace ClaimVision.Domain.Tests.Assessment;

public class ClaimDateOrderTests
{
    private static readonly DocumentDateOrder UsDollars = new(DateOrder.MonthFirst, "amounts in US dollars");

    /// <summary>A certificate printing 03/12/2022, read day first because nothing on it says otherwise; extraction's
    /// month-first reading of it passed its checks where the day-first one (in the future) failed.</summary>
    private static AnalyzedDocument Certificate() =>
        Doc("certificate", DocumentType.DiagnosisCertificate,
            [F(FieldNames.DocumentDate, "03/12/2022", 0.41, "2022-12-03") with { Checks = [new FieldCheck("dateInRange", false, "2022-12-03 is in the future")] },
             F(FieldNames.Diagnosis, "Essential hypertension")])
        with
        {
            DateOrder = new DocumentDateOrder(DateOrder.DayFirst, null, new Dictionary<string, ExtractedField>
            {
                [FieldNames.DocumentDate] = F(FieldNames.DocumentDate, "03/12/2022", 0.82, "2022-03-12") with { Checks = [new FieldCheck("dateInRange", true, "date lies between 1990 and today")] },
            }),
        };

    private static AnalyzedDocument UsInvoice(DocumentDateOrder? order = null) =>
        Doc("invoice", DocumentType.OutpatientInvoice, [F(FieldNames.DocumentDate, "08-Feb-2022", normalized: "2022-02-08"), F(FieldNames.TotalAmount, "$1,234.00", normalized: "1234.00")])
        with { DateOrder = order ?? UsDollars };

    [Fact]
    public void A_document_read_in_the_default_order_takes_its_other_reading_when_another_document_of_the_claim_proves_it()
    {
        var invoice = UsInvoice();
        var settled = ClaimDateOrder.Reconcile([invoice, Certificate()]);

        var date = settled[1].Field(FieldNames.DocumentDate)!;
        Assert.Equal("2022-03-12", date.Normalized);
        Assert.Equal("03/12/2022", date.Value);
        Assert.Equal(0.82, date.Confidence);   // the other reading's own checks and confidence, not the failed day-first ones
        Assert.DoesNotContain(date.Checks, c => !c.Passed);
        var check = Assert.Single(date.Checks, c => c.Name == ClaimDateOrder.CheckName);
        Assert.True(check.Passed);
        Assert.Contains("invoice.jpg", check.Message, StringComparison.Ordinal);
        Assert.Contains("amounts in US dollars", check.Message, StringComparison.Ordinal);
        Assert.Equal(DateOrder.MonthFirst, settled[1].DateOrder!.Order);
        Assert.True(settled[1].DateOrder!.Proven);
        Assert.Equal([date], ClaimDateOrder.Reread(settled[1]));
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
    public void An_order_no_document_proves_settles_nothing()
    {
        // Month first but by default: no proof, so the certificate keeps its own default reading.
        var documents = new[] { UsInvoice(new DocumentDateOrder(DateOrder.MonthFirst, null)), Certificate() };
        Assert.Same(documents[1], ClaimDateOrder.Reconcile(documents)[1]);
    }

    [Fact]
    public void A_failed_or_unclassified_document_proves_nothing()
    {
        foreach (var witness in Unreadable(UsInvoice()))
        {
            var documents = new[] { witness, Certificate() };
            Assert.Same(documents[1], ClaimDateOrder.Reconcile(documents)[1]);
        }
    }

    [Fact]
    public void A_document_classified_less_surely_than_the_policy_asks_proves_nothing()
    {
        var doubtful = UsInvoice() with { Classification = new DocumentClassification(DocumentType.OutpatientInvoice, 0.4, []) };
        var documents = new[] { doubtful, Certificate() };
        Assert.Same(documents[1], ClaimDateOrder.Reconcile(documents, minClassificationConfidence: 0.5)[1]);
        Assert.Equal("2022-03-12", ClaimDateOrder.Reconcile(documents)[1].Field(FieldNames.DocumentDate)!.Normalized);
    }

    [Fact]
    public void A_document_without_another_reading_or_without_an_order_is_left_alone()
    {
        var noOther = Certificate() with { DateOrder = new DocumentDateOrder(DateOrder.DayFirst, null) };
        var noOrder = Certificate() with { DateOrder = null }; // a report from before date orders were recorded
        var documents = new[] { UsInvoice(), noOther, noOrder };
        var settled = ClaimDateOrder.Reconcile(documents);
        Assert.Same(documents[1], settled[1]);
        Assert.Same(documents[2], settled[2]);
    }

    [Fact]
    public void Assessment_reads_the_claim_s_dates_in_the_order_its_documents_prove_and_says_so()
    {
        // The invoice prints 03/02/2026 and proves month first; the discharge summary prints the same admission date and
        // read it day first, which alone makes the documents disagree on the admission date.
        List<AnalyzedDocument> Claim(DocumentDateOrder invoiceOrder) =>
        [
            Invoice().With(F(FieldNames.AdmissionDate, "03/02/2026", normalized: "2026-03-02")) with { DateOrder = invoiceOrder },
            ExpenseList(), Settlement(),
            Discharge().With(F(FieldNames.AdmissionDate, "03/02/2026", normalized: "2026-02-03")) with
            {
                DateOrder = new DocumentDateOrder(DateOrder.DayFirst, null, new Dictionary<string, ExtractedField>
                {
                    [FieldNames.AdmissionDate] = F(FieldNames.AdmissionDate, "03/02/2026", normalized: "2026-03-02"),
                }),
            },
        ];

        Assert.Equal(FactorStatus.Uncertain, Assess(Claim(new DocumentDateOrder(DateOrder.MonthFirst, null))).Factor(DatesRule.Name).Status);
        var dates = Assess(Claim(new DocumentDateOrder(DateOrder.MonthFirst, "03/15/2026 on the page can only be read month first"))).Factor(DatesRule.Name);
        Assert.Equal(FactorStatus.Pass, dates.Status);
        Assert.Contains("discharge.jpg admissionDate 03/02/2026 = 2026-03-02", dates.Reason, StringComparison.Ordinal);
        Assert.Contains("03/15/2026 on the page can only be read month first", dates.Reason, StringComparison.Ordinal);
        Assert.Contains(dates.Evidence, e => e.FileName == "discharge.jpg" && e.Field == FieldNames.AdmissionDate);
    }
}
