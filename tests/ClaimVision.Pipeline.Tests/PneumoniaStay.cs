using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence;

namespace ClaimVision.Pipeline.Tests;

/// <summary>
/// The four documents of a county-hospital pneumonia stay of 杨秀英 (billed 8,650.40, basic insurance 4,980.20), as the
/// analysis reports a scripted analyzer returns for them: no OCR runs. The invoice number is the caller's, so a test
/// chooses whether two claims share it.
/// </summary>
internal static class PneumoniaStay
{
    public const string IdNumber = "522631197803150428";

    public static readonly string[] Files = ["invoice.jpg", "expenses.jpg", "settlement.jpg", "discharge.jpg"];

    /// <summary>The report of one of <see cref="Files"/>; null for a file the stay does not have. The stay lasts eight days
    /// from <paramref name="admission"/> (ISO date).</summary>
    public static DocumentReport? Report(string fileName, string invoiceNumber, string admission = "2026-03-02")
    {
        var discharge = DateOnly.ParseExact(admission, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).AddDays(8).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var (type, fields) = fileName switch
        {
            "invoice.jpg" => (DocumentType.InpatientInvoice, new[]
            {
                F(FieldNames.InvoiceNumber, invoiceNumber), F(FieldNames.ProviderLevel, "二级"), F(FieldNames.PatientName, "杨秀英"),
                F(FieldNames.PatientIdNumber, IdNumber), F(FieldNames.AdmissionDate, admission), F(FieldNames.DischargeDate, discharge),
                F(FieldNames.TotalAmount, "8650.40"), F(FieldNames.InsurancePaidAmount, "4980.20"), F(FieldNames.PersonalPaidAmount, "3670.20"),
            }),
            "expenses.jpg" => (DocumentType.ExpenseList, new[] { F(FieldNames.PatientName, "杨秀英"), F(FieldNames.TotalAmount, "8650.40") }),
            "settlement.jpg" => (DocumentType.SettlementSheet, new[]
            {
                F(FieldNames.PatientName, "杨秀英"), F(FieldNames.TotalAmount, "8650.40"), F(FieldNames.InsurancePaidAmount, "4980.20"),
                F(FieldNames.CriticalIllnessAmount, "0.00"), F(FieldNames.PersonalPaidAmount, "3670.20"),
            }),
            "discharge.jpg" => (DocumentType.DischargeSummary, new[] { F(FieldNames.Diagnosis, "社区获得性肺炎"), F(FieldNames.DiagnosisCode, "J18.9"), F(FieldNames.AdmissionDate, admission) }),
            _ => (DocumentType.Other, (ExtractedField[]?)null),
        };
        return fields is null ? null : Classified(fileName, type, fields);
    }

    /// <summary>A report of <paramref name="fileName"/> classified as <paramref name="type"/> at 0.95 with <paramref name="fields"/>.</summary>
    public static DocumentReport Classified(string fileName, DocumentType type, IEnumerable<ExtractedField> fields) => new()
    {
        File = fileName,
        MeanConfidence = 0.9,
        DocumentType = new DocumentClassification(type, 0.95, []),
        Fields = fields.ToDictionary(f => f.Name),
    };

    private static ExtractedField F(string name, string value) => new() { Name = name, Value = value, Confidence = 0.95, Box = new BoundingBox(10, 10, 200, 24) };
}
