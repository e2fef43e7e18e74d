using System.Text.RegularExpressions;
using ClaimVision.Synthesis.Cases;
using ClaimVision.Synthesis.Rendering;

namespace ClaimVision.Synthesis.Tests;

/// <summary>What the Chinese hospital invoice templates print besides their labelled fields.</summary>
public sealed partial class InvoiceSpecTests
{
    private const string PayerLabel = "交款人统一社会信用代码：";

    [GeneratedRegex(@"\d")]
    private static partial Regex Digit();

    private static IEnumerable<(MedicalCase Case, DocumentSpec Spec)> ChineseInvoices(int later = 1)
    {
        for (var seed = 1; seed <= 300; seed++)
        {
            var c = CaseGenerator.Generate(seed, "zh");
            var x = new SpecContext(c, new Random(seed), new Random(seed * later + 5));
            yield return (c, seed % 2 == 0 ? MedicalSpecs.InpatientInvoice(x) : MedicalSpecs.OutpatientInvoice(x));
        }
    }

    [Fact]
    public void The_payer_code_is_masked_in_several_shapes_or_left_blank_and_never_printed_whole()
    {
        var codes = ChineseInvoices().Select(i =>
        {
            Assert.StartsWith(PayerLabel, i.Spec.Subtitle);
            return (Id: i.Case.Patient.IdNumber, Printed: i.Spec.Subtitle![PayerLabel.Length..]);
        }).ToList();

        foreach (var (id, printed) in codes)
        {
            if (printed.Length == 0) continue;
            Assert.Equal(id.Length, printed.Length);
            Assert.Contains('*', printed);
            for (var k = 0; k < id.Length; k++)
                if (printed[k] != '*') Assert.Equal(id[k], printed[k]);
        }

        // One shape (six digits, then stars) taught the classifier that shape as the mark of an invoice.
        var shapes = codes.GroupBy(c => Digit().Replace(c.Printed, "9")).ToList();
        Assert.True(shapes.Count >= 4, $"{shapes.Count} shapes");
        Assert.True(shapes.Max(s => s.Count()) < codes.Count / 2, string.Join(", ", shapes.Select(s => $"'{s.Key}' {s.Count()}")));
        Assert.Contains(shapes, s => s.Key.Length == 0);
    }

    [Fact]
    public void The_payer_code_draws_from_its_own_stream_so_the_rest_of_the_invoice_is_as_before()
    {
        var first = ChineseInvoices(later: 1).ToList();
        var second = ChineseInvoices(later: 7).ToList();

        static string Everything_but_the_payer_code(DocumentSpec s) => string.Join('|',
            new[] { s.Title }
                .Concat(s.Header.Select(e => e.Label + "=" + e.Value))
                .Concat(s.Table!.Rows.SelectMany(r => r.Cells))
                .Concat(s.Footer.Select(e => e.Label + "=" + e.Value + (e.Handwritten ? "~" : "")))
                .Append(s.Stamp?.Centre ?? ""));

        Assert.Equal(first.Select(i => Everything_but_the_payer_code(i.Spec)), second.Select(i => Everything_but_the_payer_code(i.Spec)));
        Assert.NotEqual(first.Select(i => i.Spec.Subtitle), second.Select(i => i.Spec.Subtitle));
    }
}
