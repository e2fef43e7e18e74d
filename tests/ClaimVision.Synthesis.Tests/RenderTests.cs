using ClaimVision.Domain.Documents;
using ClaimVision.Synthesis.Cases;
using F = ClaimVision.Domain.Documents.FieldNames;

namespace ClaimVision.Synthesis.Tests;

public class RenderTests
{
    /// <summary>Fields every variant of a type must label (cards and pages alike).</summary>
    private static readonly Dictionary<string, string[]> Required = new()
    {
        ["inpatient-invoice"] = [F.InvoiceNumber, F.DocumentDate, F.ProviderName, F.PatientName, F.MedicalRecordNumber, F.AdmissionDate, F.DischargeDate, F.TotalAmount, F.InsurancePaidAmount, F.SelfPaidAmount, F.OutOfCatalogueAmount],
        ["outpatient-invoice"] = [F.InvoiceNumber, F.DocumentDate, F.ProviderName, F.PatientName, F.TotalAmount],
        ["expense-list"] = [F.ProviderName, F.PatientName, F.AdmissionDate, F.DischargeDate, F.TotalAmount, F.CoveredAmount, F.SelfPaidAmount, F.OutOfCatalogueAmount, F.DocumentDate],
        ["pharmacy-receipt"] = [F.ProviderName, F.DocumentDate, F.TotalAmount, F.InvoiceNumber],
        ["discharge-summary"] = [F.ProviderName, F.PatientName, F.AdmissionDate, F.DischargeDate, F.Diagnosis, F.DiagnosisCode, F.DocumentDate],
        ["diagnosis-certificate"] = [F.ProviderName, F.PatientName, F.Diagnosis, F.DiagnosisCode, F.DocumentDate],
        ["lab-report"] = [F.ProviderName, F.PatientName, F.TestName, F.DocumentDate],
        ["settlement-sheet"] = [F.PatientName, F.PatientIdNumber, F.ProviderName, F.TotalAmount, F.CoveredAmount, F.InsurancePaidAmount, F.PersonalPaidAmount, F.DocumentDate],
        ["claim-form"] = [F.PatientName, F.PatientIdNumber, F.PolicyNumber, F.TotalAmount, F.DocumentDate],
        ["id-card"] = [F.PatientName, F.PatientBirthDate],
        ["insurance-card"] = [F.PatientName, F.PatientIdNumber],
        ["bank-card"] = [F.BankName, F.CardNumber, F.ExpiryDate],
        ["prescription"] = [F.ProviderName, F.PatientName, F.DocumentDate, F.Diagnosis],
        ["other"] = [],
    };

    private static readonly HashSet<string> Itemised = ["inpatient-invoice", "outpatient-invoice", "expense-list", "pharmacy-receipt"];

    public static TheoryData<string, string, int> EveryTypeAndLanguage()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var t in DocumentType.BuiltIn)
            foreach (var lang in new[] { "zh", "en" })
                foreach (var seed in new[] { 3, 8 })
                    data.Add(t.Label, lang, seed);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTypeAndLanguage))]
    public void Every_type_renders_in_both_languages_with_its_fields_inside_the_image(string label, string language, int seed)
    {
        var type = new DocumentType(label);
        var c = CaseGenerator.Generate(seed * 13, language);
        var doc = DocumentRenderer.Render(c, type, new RenderOptions { Id = "x", Severity = 0.6 }, seed);
        var t = doc.Truth;

        Assert.Equal("jpg", doc.Format);
        Assert.Equal([0xFF, 0xD8], doc.Image[..2]);
        Assert.Equal((type, language, c.CaseId, "x.jpg"), (t.Type, t.Language, t.CaseId, t.Image));
        foreach (var name in Required[label])
            Assert.True(t.Fields.ContainsKey(name), $"{label}/{language} ({t.Template}) lacks {name}");
        foreach (var (name, f) in t.Fields)
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Value), name);
            AssertInside(f.Box, t, name);
        }
        foreach (var item in t.LineItems) AssertInside(item.Box, t, item.Description);
        if (Itemised.Contains(label)) Assert.NotEmpty(t.LineItems);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void No_labelled_value_on_a_card_is_drawn_over_its_portrait(string language)
    {
        // Long English names (MICHAEL RODRIGUEZ) ran into a second portrait and OCR lost their last letters.
        var cards = new Action<Rendering.Canvas, Rendering.SpecContext, Rendering.TruthCollector>[]
            { Rendering.CardLayout.IdCard, Rendering.CardLayout.InsuranceCard };
        var pictures = 0;
        for (var seed = 1; seed <= 40; seed++)
            foreach (var draw in cards)
            {
                var truth = new Rendering.TruthCollector();
                using var canvas = new Rendering.Canvas(Rendering.CardLayout.Width, Rendering.CardLayout.Height, Rendering.Rgb.White);
                draw(canvas, new Rendering.SpecContext(CaseGenerator.Generate(seed, language), new Random(seed), new Random(seed + 1)), truth);
                pictures += truth.Pictures.Count;
                foreach (var (name, f) in truth.Fields)
                    foreach (var p in truth.Pictures)
                        Assert.False(f.Box.X < p.X + p.Width && p.X < f.Box.X + f.Box.Width && f.Box.Y < p.Y + p.Height && p.Y < f.Box.Y + f.Box.Height,
                            $"seed {seed}: {name} {f.Box} lies on the portrait {p}");
            }
        Assert.True(pictures >= 40, $"only {pictures} portraits drawn");
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Printed_figures_agree_with_the_case(string language)
    {
        var c = CaseGenerator.Generate(21, language);
        var list = DocumentRenderer.Render(c, DocumentType.ExpenseList, new RenderOptions(), 1).Truth;
        var invoice = DocumentRenderer.Render(c, DocumentType.InpatientInvoice, new RenderOptions(), 2).Truth;
        var settlement = DocumentRenderer.Render(c, DocumentType.SettlementSheet, new RenderOptions(), 3).Truth;

        var total = Amount(list, F.TotalAmount);
        Assert.Equal(c.Settlement.Total, total);
        Assert.Equal(total, list.LineItems.Sum(i => i.Amount));
        Assert.Equal(total, invoice.LineItems.Sum(i => i.Amount));
        Assert.Equal(total, Amount(list, F.CoveredAmount) + Amount(list, F.SelfPaidAmount) + Amount(list, F.OutOfCatalogueAmount));
        Assert.Equal(total, Amount(settlement, F.InsurancePaidAmount) + Amount(settlement, F.PersonalPaidAmount));
        Assert.Equal(invoice.Field(F.PatientName)!.Normalized, settlement.Field(F.PatientName)!.Normalized);
        Assert.Equal(invoice.Field(F.AdmissionDate)!.Normalized, list.Field(F.AdmissionDate)!.Normalized);
        if (language == "zh") Assert.Equal(Formats(c.Settlement.Total), invoice.Field(F.TotalAmountInWords)!.Normalized);
    }

    [Fact]
    public void Edited_cases_print_their_inconsistency()
    {
        var c = CaseGenerator.Generate(33, "zh");
        var wrong = DocumentRenderer.Render(c.WithWrongTotal(50m), DocumentType.ExpenseList, new RenderOptions(), 1).Truth;
        Assert.Equal(wrong.LineItems.Sum(i => i.Amount) + 50m, Amount(wrong, F.TotalAmount));
        Assert.Equal([CaseEdits.WrongTotal], wrong.Edits);

        var reversed = DocumentRenderer.Render(c.WithDischargeBeforeAdmission(), DocumentType.DischargeSummary, new RenderOptions(), 1).Truth;
        Assert.True(string.CompareOrdinal(reversed.Field(F.DischargeDate)!.Normalized, reversed.Field(F.AdmissionDate)!.Normalized) < 0);

        var renamed = DocumentRenderer.Render(c.WithOtherPatientName("钱七"), DocumentType.DiagnosisCertificate, new RenderOptions(), 1).Truth;
        Assert.Equal("钱七", renamed.Field(F.PatientName)!.Value);
    }

    [Fact]
    public void Rendering_is_deterministic_for_a_seed()
    {
        var c = CaseGenerator.Generate(4, "zh");
        var a = DocumentRenderer.Render(c, DocumentType.InpatientInvoice, new RenderOptions { Severity = 0.9 }, 77);
        var b = DocumentRenderer.Render(c, DocumentType.InpatientInvoice, new RenderOptions { Severity = 0.9 }, 77);
        var other = DocumentRenderer.Render(c, DocumentType.InpatientInvoice, new RenderOptions { Severity = 0.9 }, 78);

        Assert.Equal(a.Image, b.Image);
        Assert.Equal(GroundTruthJson.Serialize(a.Truth), GroundTruthJson.Serialize(b.Truth));
        Assert.NotEqual(a.Image, other.Image);
    }

    [Theory]
    [InlineData("other")]
    [InlineData("pharmacy-receipt")]
    public void A_long_shop_name_heading_a_page_is_set_small_enough_to_fit_it(string label)
    {
        // English shop and pharmacy names in the bold heading font ran past a narrow receipt's edge and were cut off there
        // ("ergreen Printing & Statione"), while the ground truth named the whole of them. The canvas clips a box to
        // itself, so a heading cut off shows as a box touching the page's edge.
        var type = new DocumentType(label);
        for (var seed = 0; seed < 30; seed++)
        {
            var doc = DocumentRenderer.Render(CaseGenerator.Generate(seed, "en"), type, new RenderOptions { Id = "x", Severity = 0 }, seed);
            if (doc.Truth.Field(F.ProviderName) is not { } name) continue;
            Assert.True(name.Box.X > 0 && name.Box.Right < doc.Truth.Width,
                $"seed {seed}: '{name.Value}' at {name.Box} reaches the edge of a page {doc.Truth.Width} wide");
        }
    }

    [Fact]
    public void Clean_renders_are_png_with_no_degradation_and_degraded_ones_record_it()
    {
        var c = CaseGenerator.Generate(4, "en");
        var clean = DocumentRenderer.Render(c, DocumentType.BankCard, new RenderOptions { Severity = 0 }, 5);
        var rough = DocumentRenderer.Render(c, DocumentType.BankCard, new RenderOptions { Severity = 1 }, 5);

        Assert.Equal("png", clean.Format);
        Assert.Equal(DegradationRecord.None, clean.Truth.Degradation);
        Assert.Equal((960, 606), (clean.Truth.Width, clean.Truth.Height));
        Assert.Equal(1, rough.Truth.Degradation.Severity);
        Assert.NotNull(rough.Truth.Degradation.JpegQuality);
        Assert.True(rough.Truth.Width * rough.Truth.Height > 960 * 606, "a photo shows the table around the card");
        Assert.Throws<ArgumentOutOfRangeException>(() => DocumentRenderer.Render(c, DocumentType.BankCard, new RenderOptions { Severity = 1.5 }, 5));
    }

    private static void AssertInside(BoundingBox b, GroundTruth t, string what)
    {
        Assert.True(b.Width > 0 && b.Height > 0, $"{what}: empty box {b}");
        Assert.True(b.X >= 0 && b.Y >= 0 && b.Right <= t.Width && b.Bottom <= t.Height, $"{what}: box {b} outside {t.Width}×{t.Height}");
    }

    private static decimal Amount(GroundTruth t, string field) =>
        decimal.Parse(t.Field(field)?.Normalized ?? throw new Xunit.Sdk.XunitException($"{t.Type} lacks {field}"), System.Globalization.CultureInfo.InvariantCulture);

    private static string Formats(decimal v) => v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
