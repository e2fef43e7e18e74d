using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimVision.Domain.Documents;

/// <summary>
/// The kind of a document, as a stable kebab-case label. A string rather than an enum so that a new
/// type is one folder in ClaimVision.Intelligence plus samples, and policies can name types in their files.
/// </summary>
[JsonConverter(typeof(DocumentTypeJsonConverter))]
public readonly record struct DocumentType
{
    public DocumentType(string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        Label = label;
    }

    public string Label { get; }

    public override string ToString() => Label;

    public static readonly DocumentType InpatientInvoice = new("inpatient-invoice");
    public static readonly DocumentType OutpatientInvoice = new("outpatient-invoice");
    public static readonly DocumentType ExpenseList = new("expense-list");
    public static readonly DocumentType PharmacyReceipt = new("pharmacy-receipt");
    public static readonly DocumentType DischargeSummary = new("discharge-summary");
    public static readonly DocumentType DiagnosisCertificate = new("diagnosis-certificate");
    public static readonly DocumentType LabReport = new("lab-report");
    public static readonly DocumentType SettlementSheet = new("settlement-sheet");
    public static readonly DocumentType ClaimForm = new("claim-form");
    public static readonly DocumentType IdCard = new("id-card");
    public static readonly DocumentType InsuranceCard = new("insurance-card");
    public static readonly DocumentType BankCard = new("bank-card");
    public static readonly DocumentType Prescription = new("prescription");
    public static readonly DocumentType Other = new("other");

    /// <summary>The types the product knows out of the box, in a fixed order (model class indices follow the model file, not this list).</summary>
    public static IReadOnlyList<DocumentType> BuiltIn { get; } =
    [
        InpatientInvoice, OutpatientInvoice, ExpenseList, PharmacyReceipt, DischargeSummary, DiagnosisCertificate,
        LabReport, SettlementSheet, ClaimForm, IdCard, InsuranceCard, BankCard, Prescription, Other,
    ];
}

public sealed class DocumentTypeJsonConverter : JsonConverter<DocumentType>
{
    public override DocumentType Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? throw new JsonException("A document type is a non-empty string."));

    public override void Write(Utf8JsonWriter writer, DocumentType value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Label);
}
