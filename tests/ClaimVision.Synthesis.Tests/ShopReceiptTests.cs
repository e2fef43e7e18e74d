using System.Globalization;
using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;
using ClaimVision.Synthesis.Cases;
using ClaimVision.Synthesis.Rendering;

namespace ClaimVision.Synthesis.Tests;

/// <summary>The non-medical receipts (<c>other</c>) and the pharmacy receipts they must be told apart from.</summary>
public sealed partial class ShopReceiptTests
{
    [GeneratedRegex(@"\d{17}[\dX]")]
    private static partial Regex ResidentIdShape();

    private static IEnumerable<(int Seed, string Language, DocumentSpec Spec)> Receipts(Func<SpecContext, DocumentSpec> build, int count = 150)
    {
        foreach (var language in new[] { "zh", "en" })
            for (var seed = 1; seed <= count; seed++)
                yield return (seed, language, build(new SpecContext(CaseGenerator.Generate(seed, language), new Random(seed), new Random(seed + 1))));
    }

    private static decimal Figure(string printed) => decimal.Parse(printed.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture);

    [Fact]
    public void Shop_receipts_come_from_many_kinds_of_shop()
    {
        var receipts = Receipts(ShopReceipts.Receipt).ToList();
        var sellers = receipts.Select(r => r.Spec.Title).Distinct().Count();
        var goods = receipts.SelectMany(r => r.Spec.Table!.Rows.Select(row => row.Cells[0])).Distinct().Count();
        var titles = receipts.Select(r => r.Spec.Subtitle).Distinct().Count();
        // The grocery-only receipts this replaces had 8 sellers, 18 goods (9 per language) and 2 titles.
        Assert.True(sellers > 150, $"{sellers} sellers");
        Assert.True(goods > 100, $"{goods} goods");
        Assert.True(titles > 15, $"{titles} titles");
        Assert.Contains(receipts, r => r.Spec.Table!.Rows.Any(row => row.Item!.Quantity != decimal.Truncate(row.Item.Quantity!.Value)));
        Assert.Contains(receipts, r => r.Spec.Header.Any(e => e.Label is "Table" or "TABLE NO" or "桌号"));
    }

    [Fact]
    public void The_labelled_total_is_what_the_rows_printed_above_it_add_up_to_and_cash_less_change_pays_it()
    {
        foreach (var (seed, language, spec) in Receipts(ShopReceipts.Receipt))
        {
            var where = $"seed {seed} {language}";
            var expected = spec.Table!.Rows.Sum(r => r.Item!.Amount);
            var totalAt = spec.Footer.ToList().FindIndex(e => e.Field == FieldNames.TotalAmount);
            Assert.True(totalAt >= 0, where);
            foreach (var row in spec.Footer.Take(totalAt))
            {
                var label = row.Label.ToUpperInvariant();
                var value = Figure(row.Value);
                if (label.Contains("SUB", StringComparison.Ordinal) || label.Contains("EXCL", StringComparison.Ordinal) || label.Contains("TOTAL", StringComparison.Ordinal) || label == "小计")
                    Assert.Equal(expected, value);
                else
                    expected += value; // tax and service charge positive, discount and rounding printed with their sign
            }
            var total = spec.Footer[totalAt];
            Assert.Equal(expected.ToString("0.00", CultureInfo.InvariantCulture), total.Normalized);
            Assert.Equal(expected, Figure(total.Value));
            Assert.True(expected > 0, where);
            var cash = spec.Footer.Skip(totalAt).FirstOrDefault(e => e.Label is "CASH" or "Cash Tendered" or "实收现金");
            if (cash is not null)
            {
                var change = spec.Footer.Single(e => e.Label is "CHANGE" or "Change Due" or "找零");
                Assert.Equal(expected, Figure(cash.Value) - Figure(change.Value));
                Assert.True(Figure(change.Value) >= 0, where);
            }
        }
    }

    [Fact]
    public void A_rounded_total_is_a_multiple_of_five_cents_within_two_and_a_half_cents_of_the_sum()
    {
        var rounded = 0;
        foreach (var (_, _, spec) in Receipts(ShopReceipts.Receipt))
        {
            var rounding = spec.Footer.FirstOrDefault(e => e.Label is "ROUNDING ADJ" or "Rounding");
            if (rounding is null) continue;
            rounded++;
            var total = Figure(spec.Footer.Single(e => e.Field == FieldNames.TotalAmount).Value);
            Assert.Equal(0m, total * 20 % 1);
            Assert.InRange(Math.Abs(Figure(rounding.Value)), 0.01m, 0.025m);
        }
        Assert.True(rounded > 5, $"{rounded} rounded receipts");
    }

    [Fact]
    public void Every_receipt_labels_its_seller_address_date_number_and_total_and_no_tax_number_looks_like_a_resident_id()
    {
        foreach (var (seed, language, spec) in Receipts(ShopReceipts.Receipt))
        {
            var fields = spec.Header.Concat(spec.Footer).Where(e => e.Field is not null).Select(e => e.Field!).ToHashSet();
            Assert.True(fields.SetEquals([FieldNames.ProviderAddress, FieldNames.DocumentDate, FieldNames.InvoiceNumber, FieldNames.TotalAmount]), $"seed {seed} {language}: {string.Join(",", fields)}");
            Assert.Equal(FieldNames.ProviderName, spec.TitleField!.Value.Field);
            Assert.DoesNotContain(spec.Header, e => ResidentIdShape().IsMatch(e.Value));
        }
    }

    [Fact]
    public void A_pharmacy_receipt_lists_medicines_and_totals_them()
    {
        var billedPerDay = CaseData.Items.Where(i => i.PerDay).SelectMany(i => new[] { i.Zh, i.En }).ToHashSet();
        Assert.DoesNotContain(Receipts(PaymentSpecs.PharmacyReceipt, 60), r => r.Spec.Table!.Rows.Any(row => billedPerDay.Contains(row.Cells[0])));
        var medicines = Receipts(PaymentSpecs.PharmacyReceipt, 60).SelectMany(r => r.Spec.Table!.Rows.Select(row => row.Cells[0])).Distinct().Count();
        Assert.True(medicines > 30, $"{medicines} medicines: the case catalogue alone has five per language");
        foreach (var (seed, language, spec) in Receipts(PaymentSpecs.PharmacyReceipt, 60))
        {
            var total = spec.Footer.Single(e => e.Field == FieldNames.TotalAmount);
            Assert.Equal(spec.Table!.Rows.Sum(r => r.Item!.Amount).ToString("0.00", CultureInfo.InvariantCulture), total.Normalized);
            Assert.DoesNotContain(spec.Footer, e => e.Label.Contains("SUB", StringComparison.OrdinalIgnoreCase) || e.Label is "小计");
            Assert.True(spec.Header.Any(e => e.Field == FieldNames.DocumentDate), $"seed {seed} {language}");
        }
    }

    [Fact]
    public void Other_documents_render_through_the_shop_receipts()
    {
        var c = CaseGenerator.Generate(5, "en");
        var truth = DocumentRenderer.Render(c, DocumentType.Other, new RenderOptions { Severity = 0 }, 3).Truth;
        Assert.Equal(DocumentType.Other, truth.Type);
        Assert.NotNull(truth.Field(FieldNames.ProviderAddress));
        Assert.NotNull(truth.Field(FieldNames.InvoiceNumber));
        Assert.NotEmpty(truth.LineItems);
    }
}
