using ClaimVision.Domain.Documents;
using ClaimVision.Synthesis.Cases;
using ClaimVision.Synthesis.Rendering;

namespace ClaimVision.Synthesis.Tests;

/// <summary>The ground truth labels a page's currency wherever the page shows it, not only where it prints a 币种 /
/// Currency entry: an invoice whose amounts read ¥1,234.00 or whose table says 金额(元) is in yuan as plainly.</summary>
public class CurrencyTruthTests
{
    private static readonly BoundingBox A = new(10, 10, 80, 20), B = new(10, 40, 80, 20), C = new(10, 70, 80, 20);

    [Theory]
    [InlineData("USD", "Service|Amount|$1,234.00", "$", 2)]
    [InlineData("USD", "Total: USD 1,234.00|$5.00", "USD", 0)]
    [InlineData("USD", "Paid by US$ card|x|y", "US$", 0)]
    [InlineData("CNY", "项目名称|金额(元)|¥55.00", "元", 1)]
    [InlineData("CNY", "合计|¥1,390.00|壹仟叁佰玖拾元整", "¥", 1)]
    [InlineData("CNY", "币种|人民币|x", "人民币", 1)]
    public void The_first_text_drawn_with_a_sign_or_unit_of_the_currency_labels_it(string currency, string texts, string mark, int at)
    {
        var truth = new TruthCollector();
        truth.AddCurrencyShown(Drawn(texts), currency);
        var (value, normalized, box) = truth.Fields[FieldNames.Currency];
        Assert.Equal((mark, currency, new[] { A, B, C }[at]), (value, normalized, box));
    }

    [Theory]
    [InlineData("USD", "Service|Amount|1,234.00")]      // no sign: the page does not say
    [InlineData("USD", "USDA approved|Bus$top|x")]      // letters around the marks: no currency
    [InlineData("CNY", "Service|$1,234.00|x")]          // a dollar sign is no yuan
    [InlineData("MYR", "RM 12.00|x|y")]                 // a currency the generator does not print
    public void A_page_that_shows_no_mark_of_its_currency_is_not_labelled(string currency, string texts)
    {
        var truth = new TruthCollector();
        truth.AddCurrencyShown(Drawn(texts), currency);
        Assert.False(truth.Fields.ContainsKey(FieldNames.Currency));
    }

    [Fact]
    public void A_printed_currency_entry_is_kept()
    {
        var truth = new TruthCollector();
        truth.Add(FieldNames.Currency, "人民币", "CNY", C);
        truth.AddCurrencyShown(Drawn("金额(元)|x|y"), "CNY");
        Assert.Equal(("人民币", C), (truth.Fields[FieldNames.Currency].Value, truth.Fields[FieldNames.Currency].Box));
    }

    [Fact]
    public void Chinese_invoices_are_labelled_in_yuan_and_claim_forms_are_not_labelled()
    {
        // A Chinese invoice's item table is headed 金额(元), with or without a 币种 entry; a claim form labels no currency.
        for (var seed = 0; seed < 8; seed++)
        {
            var c = CaseGenerator.Generate(seed, "zh");
            var invoice = DocumentRenderer.Render(c, DocumentType.InpatientInvoice, new RenderOptions { Id = "x", Severity = 0 }, seed).Truth;
            Assert.Equal("CNY", invoice.Field(FieldNames.Currency)?.Normalized);
            var form = DocumentRenderer.Render(c, DocumentType.ClaimForm, new RenderOptions { Id = "x", Severity = 0 }, seed).Truth;
            Assert.Null(form.Field(FieldNames.Currency));
        }
    }

    private static List<(string, BoundingBox)> Drawn(string texts) => [.. texts.Split('|').Zip([A, B, C])];
}
