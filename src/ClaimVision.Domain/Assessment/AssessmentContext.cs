using System.Globalization;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Policies;

namespace ClaimVision.Domain.Assessment;

/// <summary>Everything a factor rule may look at, with the lookups they share. Pure: built from values, no I/O.</summary>
public sealed class AssessmentContext
{
    /// <summary>Bills: the documents whose totals make up the claimed expenses.</summary>
    public static readonly IReadOnlyList<DocumentType> BillTypes = [DocumentType.InpatientInvoice, DocumentType.OutpatientInvoice, DocumentType.PharmacyReceipt];

    public AssessmentContext(ClaimRequest claim, IReadOnlyList<AnalyzedDocument> documents, Policy policy, InsuredRegistry registry, ClaimHistory history, DateTimeOffset now)
    {
        Claim = claim;
        // A date order or a diagnosis one document could not settle alone is read as the claim's other documents show.
        documents = ClaimReadings.Settle(documents, policy.Quality.MinClassificationConfidence);
        Documents = documents;
        Policy = policy;
        Registry = registry;
        History = history;
        Now = now;
        Readable = [.. documents.Where(d => !d.Failed && d.Classification is not null)];
        Trusted = [.. Readable.Where(d => d.Classification!.Confidence >= policy.Quality.MinClassificationConfidence)];
        Entry = registry.Find(claim.Insured.IdNumber, policy.Id);
        ServiceDate = FindServiceDate();
        InsuredIdNumber = Entry?.IdNumber ?? ResidentId.Normalize(claim.Insured.IdNumber);
        Year = ServiceDate?.Date.Year ?? now.Year;
    }

    public ClaimRequest Claim { get; }
    public IReadOnlyList<AnalyzedDocument> Documents { get; }
    /// <summary>Documents analysed without error.</summary>
    public IReadOnlyList<AnalyzedDocument> Readable { get; }
    /// <summary>Readable documents whose type the classifier is sure enough of to rely on.</summary>
    public IReadOnlyList<AnalyzedDocument> Trusted { get; }
    public Policy Policy { get; }
    public InsuredRegistry Registry { get; }
    public ClaimHistory History { get; }
    public DateTimeOffset Now { get; }
    /// <summary>The registry enrolment of the claimed person in this policy, or null.</summary>
    public InsuredEntry? Entry { get; }
    /// <summary>Admission date, or for outpatient claims the bill's date; with the field it was read from.</summary>
    public (DateOnly Date, AnalyzedDocument Document, ExtractedField Field)? ServiceDate { get; }
    /// <summary>The insured person's normalised ID number: the registry's when enrolled, else the claimed one (may be empty).</summary>
    public string InsuredIdNumber { get; }
    /// <summary>The calendar year whose per-year caps and deductible apply: the service date's, else the current one.</summary>
    public int Year { get; }

    /// <summary>The claim's amounts as the policy sees them, worked out once for every rule and the payable arithmetic.</summary>
    public ExpenseFigures Figures => _figures ??= ExpenseFigures.From(this);
    private ExpenseFigures? _figures;

    public IEnumerable<AnalyzedDocument> OfType(IReadOnlyList<DocumentType> types) =>
        Trusted.Where(d => types.Contains(d.Type!.Value));

    public IEnumerable<AnalyzedDocument> OfType(DocumentType type) => Trusted.Where(d => d.Type == type);

    public IEnumerable<AnalyzedDocument> Bills => OfType(BillTypes);

    /// <summary>Every reading of a field across the trusted documents.</summary>
    public IEnumerable<(AnalyzedDocument Document, ExtractedField Field)> Readings(string name) =>
        Trusted.Select(d => (d, d.Field(name))).Where(x => x.Item2 is not null).Select(x => (x.d, x.Item2!));

    /// <summary>Every reading of the patient's name but a bank card's: a card's name is its holder's, the payee, who may
    /// rightly be someone else (a parent's card for a child); payee.holder weighs it (<see cref="PayeeRule"/>).</summary>
    public IEnumerable<(AnalyzedDocument Document, ExtractedField Field)> PatientNames() =>
        Readings(FieldNames.PatientName).Where(r => !NamesHolder(r.Document, r.Field));

    /// <summary>True for a bank card's patientName: the card holder's name, not a reading of the patient's.</summary>
    public static bool NamesHolder(AnalyzedDocument document, ExtractedField field) =>
        document.Type == DocumentType.BankCard && field.Name == FieldNames.PatientName;

    /// <summary>ISO date, independent of the current culture (a Thai culture would print the Buddhist year).</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly? date) => date is { } d ? Iso(d) : "";

    public static string Probability(double p) => p.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A reason's clauses joined into a sentence start with a capital.</summary>
    public static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static string Money(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Text(ExtractedField field) => (field.Normalized ?? field.Value).Trim();

    public static decimal? Amount(ExtractedField? field)
    {
        if (field is null) return null;
        var text = Text(field).Replace(",", "", StringComparison.Ordinal).TrimStart('¥', '￥', '$');
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    public static DateOnly? Date(ExtractedField? field) =>
        field is not null && DateOnly.TryParseExact(Text(field), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>Evidence pointing at one field on one document.</summary>
    public static Evidence Evidence(AnalyzedDocument document, ExtractedField field) => new()
    {
        DocumentId = document.DocumentId.Value,
        FileName = document.FileName,
        Field = field.Name,
        Value = field.Value,
        Box = field.Box,
        Page = field.Page,
        Confidence = field.Confidence,
    };

    /// <summary>Evidence about a whole document (its type, its analysis error).</summary>
    public static Evidence Evidence(AnalyzedDocument document, string source) => new()
    {
        DocumentId = document.DocumentId.Value,
        FileName = document.FileName,
        Source = source,
        Confidence = document.Classification?.Confidence,
    };

    private (DateOnly, AnalyzedDocument, ExtractedField)? FindServiceDate()
    {
        foreach (var name in new[] { FieldNames.AdmissionDate, FieldNames.DocumentDate })
        {
            var sources = name == FieldNames.AdmissionDate ? Trusted : Bills;
            var best = sources.Select(d => (d, f: d.Field(name)))
                .Where(x => Date(x.f) is not null)
                .OrderByDescending(x => x.f!.Confidence)
                .FirstOrDefault();
            if (best.f is not null) return (Date(best.f)!.Value, best.d, best.f);
        }
        return null;
    }
}
