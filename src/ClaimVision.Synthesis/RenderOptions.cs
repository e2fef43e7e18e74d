using ClaimVision.Domain.Documents;
using ClaimVision.Synthesis.Cases;
using ClaimVision.Synthesis.Rendering;

namespace ClaimVision.Synthesis;

/// <summary>How to render: the file stem, and how hard to degrade (0 = clean PNG, 1 = worst phone photo).</summary>
public sealed record RenderOptions
{
    public string Id { get; init; } = "sample";
    /// <summary>Upper bound of the degradation strengths, 0–1; each effect is drawn between 0 and its maximum times this.</summary>
    public double Severity { get; init; } = 0.5;
    /// <summary>Fields whose printed value is blotted out with ink before the photo effects (an illegible key field for test claims).</summary>
    public IReadOnlyList<string> Obscured { get; init; } = [];
}

/// <summary>An encoded image and its label.</summary>
public sealed record RenderedDocument(byte[] Image, string Format, GroundTruth Truth);

/// <summary>Renders any document type of a case in its language, then degrades it like a phone photo.</summary>
public static class DocumentRenderer
{
    /// <summary>Every built-in type is rendered in both languages (claim-form zh is an insurer's 理赔申请书).</summary>
    public static bool Supports(DocumentType type, string language) =>
        DocumentType.BuiltIn.Contains(type) && language is "zh" or "en";

    public static RenderedDocument Render(MedicalCase medicalCase, DocumentType type, RenderOptions options, int seed)
    {
        ArgumentNullException.ThrowIfNull(medicalCase);
        ArgumentNullException.ThrowIfNull(options);
        if (!Supports(type, medicalCase.Language))
            throw new ArgumentException($"No template renders '{type}' in '{medicalCase.Language}'.", nameof(type));
        if (options.Severity is < 0 or > 1 || double.IsNaN(options.Severity))
            throw new ArgumentOutOfRangeException(nameof(options), $"Severity must be between 0 and 1, not {options.Severity}.");

        var random = new Random(seed);
        var x = new SpecContext(medicalCase, random, new Random(unchecked(seed * 131 + 11)));
        var truth = new TruthCollector();
        var (pixels, width, height, template) = Draw(type, x, truth);
        foreach (var field in options.Obscured)
        {
            if (!truth.Fields.TryGetValue(field, out var obscured))
                throw new ArgumentException($"'{field}' is not printed on a {type} of this case, so it cannot be obscured.", nameof(options));
            Blot(pixels, width, height, obscured.Box);
        }
        var plan = DegradationPlanner.Plan(new Random(unchecked(seed * 31 + 7)), options.Severity);
        var photo = Vision.Degradation.PhotoDegrader.Apply(pixels, width, height, plan.Effects);
        var g = photo.Geometry;

        var fields = truth.Fields.ToDictionary(f => f.Key, f => new GroundTruthField(f.Value.Value, f.Value.Normalized, g.MapBox(f.Value.Box)));
        var items = truth.LineItems.Select(i => new GroundTruthLineItem
        {
            Description = i.Item.Description, Quantity = i.Item.Quantity, UnitPrice = i.Item.UnitPrice,
            Amount = i.Item.Amount, Category = i.Item.Category, Box = g.MapBox(i.Box),
        }).ToList();
        return new RenderedDocument(photo.Encoded, photo.Format, new GroundTruth
        {
            Id = options.Id,
            Image = $"{options.Id}.{photo.Format}",
            Type = type,
            Language = medicalCase.Language,
            Seed = seed,
            CaseId = medicalCase.CaseId,
            Template = $"{type}/{medicalCase.Language}/{template}",
            Width = photo.Width,
            Height = photo.Height,
            Fields = fields,
            LineItems = items,
            Degradation = plan.Record,
            Edits = medicalCase.Edits,
        });
    }

    /// <summary>The types whose schema holds the currency their amounts are in (invoices, expense lists, settlement sheets,
    /// receipts); other pages may print amounts (a claim form's) but label no currency.</summary>
    private static readonly HashSet<DocumentType> ShowsAmounts =
    [
        DocumentType.InpatientInvoice, DocumentType.OutpatientInvoice, DocumentType.ExpenseList, DocumentType.SettlementSheet,
        DocumentType.PharmacyReceipt, DocumentType.Other,
    ];

    private static (uint[] Pixels, int Width, int Height, string Template) Draw(DocumentType type, SpecContext x, TruthCollector truth)
    {
        if (type == DocumentType.IdCard) return Card(x, truth, CardLayout.IdCard, "card");
        if (type == DocumentType.InsuranceCard) return Card(x, truth, CardLayout.InsuranceCard, "card");
        if (type == DocumentType.BankCard) return Card(x, truth, CardLayout.BankCard, "card");
        if (type == DocumentType.Other && x.Random.Next(3) == 0)
        {
            using var canvas = new Canvas(1200, 900, Rgb.White);
            CardLayout.Scene(canvas, x.Random);
            return (canvas.Pixels(), canvas.Width, canvas.Height, "photo");
        }
        var spec = SpecFor(type, x);
        var style = PageStyle.Draw(x.Random, x.Case.Language, spec.Width);
        var paper = new Rgb(1 - x.Random.NextDouble() * 0.04, 1 - x.Random.NextDouble() * 0.03, 1 - x.Random.NextDouble() * 0.06);
        using var page = new Canvas(spec.Width, Math.Max(spec.MinHeight, 2600), paper);
        var used = PageLayout.Draw(page, spec, style, x.Random, truth);
        if (ShowsAmounts.Contains(type)) truth.AddCurrencyShown(page.Drawn, x.Case.Currency);
        var height = Math.Min(page.Height, Math.Max(spec.MinHeight, used));
        var pixels = page.Pixels();
        if (height < page.Height) Array.Resize(ref pixels, spec.Width * height);
        var template = $"{style.Font.Replace(' ', '-')}-c{style.Columns}-t{style.TableRules}";
        return (pixels, spec.Width, height, template);
    }

    /// <summary>An ink blot over a box: dark strokes that leave no glyph legible.</summary>
    private static void Blot(uint[] pixels, int width, int height, Domain.Documents.BoundingBox box)
    {
        const int pad = 4;
        var x0 = Math.Max(0, box.X - pad);
        var y0 = Math.Max(0, box.Y - pad);
        var x1 = Math.Min(width, box.Right + pad);
        var y1 = Math.Min(height, box.Bottom + pad);
        for (var y = y0; y < y1; y++)
            for (var x = x0; x < x1; x++)
                pixels[y * width + x] = 0x1C1C2Eu;
    }

    private static (uint[], int, int, string) Card(SpecContext x, TruthCollector truth, Action<Canvas, SpecContext, TruthCollector> draw, string template)
    {
        using var canvas = new Canvas(CardLayout.Width, CardLayout.Height, Rgb.White);
        draw(canvas, x, truth);
        return (canvas.Pixels(), canvas.Width, canvas.Height, template);
    }

    private static DocumentSpec SpecFor(DocumentType type, SpecContext x) => type.Label switch
    {
        "inpatient-invoice" => MedicalSpecs.InpatientInvoice(x),
        "outpatient-invoice" => MedicalSpecs.OutpatientInvoice(x),
        "expense-list" => MedicalSpecs.ExpenseList(x),
        "discharge-summary" => MedicalSpecs.DischargeSummary(x),
        "diagnosis-certificate" => MedicalSpecs.DiagnosisCertificate(x),
        "lab-report" => MedicalSpecs.LabReport(x),
        "prescription" => MedicalSpecs.Prescription(x),
        "pharmacy-receipt" => PaymentSpecs.PharmacyReceipt(x),
        "settlement-sheet" => PaymentSpecs.SettlementSheet(x),
        "claim-form" => PaymentSpecs.ClaimForm(x),
        "other" => ShopReceipts.Receipt(x),
        _ => throw new ArgumentException($"No page template for '{type}'.", nameof(type)),
    };
}
