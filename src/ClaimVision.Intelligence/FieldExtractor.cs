using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.DocumentTypes.BankCard;
using ClaimVision.Intelligence.DocumentTypes.ClaimForm;
using ClaimVision.Intelligence.DocumentTypes.DiagnosisCertificate;
using ClaimVision.Intelligence.DocumentTypes.DischargeSummary;
using ClaimVision.Intelligence.DocumentTypes.ExpenseList;
using ClaimVision.Intelligence.DocumentTypes.IdCard;
using ClaimVision.Intelligence.DocumentTypes.InpatientInvoice;
using ClaimVision.Intelligence.DocumentTypes.InsuranceCard;
using ClaimVision.Intelligence.DocumentTypes.LabReport;
using ClaimVision.Intelligence.DocumentTypes.OutpatientInvoice;
using ClaimVision.Intelligence.DocumentTypes.Prescription;
using ClaimVision.Intelligence.DocumentTypes.Receipt;
using ClaimVision.Intelligence.DocumentTypes.SettlementSheet;
using ClaimVision.Intelligence.Extraction;
using ClaimVision.Intelligence.Normalization;

namespace ClaimVision.Intelligence;

/// <summary>Dispatches field extraction to the extractor of the document's type (one per folder under DocumentTypes/).
/// A type without an extractor yields no fields rather than guessing.</summary>
public sealed class FieldExtractor : IFieldExtractor
{
    private readonly Dictionary<DocumentType, ITypeExtractor> _byType;
    private readonly TimeProvider _time;
    private readonly DateOrder _dateOrder;
    private readonly DiagnosisCatalogue _diagnoses;

    /// <param name="diagnoses">The catalogue diagnoses are matched to; null for the embedded one,
    /// <see cref="DiagnosisCatalogue.Empty"/> for none.</param>
    public FieldExtractor(TimeProvider? time = null, DateOrder dateOrder = DateOrder.DayFirst, DiagnosisCatalogue? diagnoses = null)
    {
        _time = time ?? TimeProvider.System;
        _dateOrder = dateOrder;
        _diagnoses = diagnoses ?? DiagnosisCatalogue.Embedded;
        ITypeExtractor[] all =
        [
            new InpatientInvoiceExtractor(), new OutpatientInvoiceExtractor(), new ExpenseListExtractor(),
            new DischargeSummaryExtractor(), new SettlementSheetExtractor(),
            new ReceiptExtractor(DocumentType.PharmacyReceipt), new ReceiptExtractor(DocumentType.Other),
            new DiagnosisCertificateExtractor(), new LabReportExtractor(), new PrescriptionExtractor(), new ClaimFormExtractor(),
            new IdCardExtractor(), new InsuranceCardExtractor(), new BankCardExtractor(),
        ];
        _byType = all.ToDictionary(e => e.Schema.Type);
    }

    /// <summary>The extractor's rules and the diagnosis catalogue it matches against.</summary>
    public string Version => $"fields-1+icd:{_diagnoses.Version}";

    /// <summary>The schemas of every type this extractor reads.</summary>
    public IEnumerable<FieldSchema> Schemas => _byType.Values.Select(e => e.Schema);

    public FieldExtraction Extract(DocumentType type, VisionResult vision)
    {
        if (!_byType.TryGetValue(type, out var extractor)) return new FieldExtraction(new Dictionary<string, ExtractedField>(), []);
        var view = new DocumentView(vision.Pages);
        var dateOrder = PageDateOrder.Decide(view, _dateOrder);
        var today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        var result = extractor.Extract(view, new ExtractionContext(today, dateOrder.Order, _diagnoses));
        bool IsDate(string name) => extractor.Schema.Fields.Any(f => f.Name == name && f.Kind is FieldKind.Date or FieldKind.RangeEnd);
        if (!dateOrder.Proven && result.Fields.Values.Any(f => IsDate(f.Name) && DateNormalizer.FindAll(f.Value).Any(d => d.Ambiguous)))
        {
            // Unproven, and a date both orders read differently (03/12/2022): the page read in the other order too, for the
            // claim to choose (ClaimDateOrder).
            var other = extractor.Extract(view, new ExtractionContext(today, Other(dateOrder.Order), _diagnoses)).Fields;
            var differ = other.Where(kv => IsDate(kv.Key) && (!result.Fields.TryGetValue(kv.Key, out var mine) || mine.Normalized != kv.Value.Normalized))
                .ToDictionary(kv => kv.Key, kv => InImagePixels(view, kv.Value), StringComparer.Ordinal);
            if (differ.Count > 0) dateOrder = dateOrder with { OtherOrder = differ };
        }
        if (vision.Pages.All(p => p.Orientation % 360 == 0)) return result with { DateOrder = dateOrder };
        return result with
        {
            DateOrder = dateOrder,
            Fields = result.Fields.ToDictionary(kv => kv.Key, kv => InImagePixels(view, kv.Value)),
            LineItems = [.. result.LineItems.Select(i => i.Box is { } b ? i with { Box = view.ToImage(b, i.Page) } : i)],
        };
    }

    /// <summary>Extractors work on the upright view; boxes go out in the stored image's pixels.</summary>
    private static ExtractedField InImagePixels(DocumentView view, ExtractedField field) =>
        field.Box is { } b ? field with { Box = view.ToImage(b, field.Page) } : field;

    private static DateOrder Other(DateOrder order) => order == DateOrder.DayFirst ? DateOrder.MonthFirst : DateOrder.DayFirst;
}
