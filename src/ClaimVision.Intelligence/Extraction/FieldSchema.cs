using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>How a field's value is read and normalised.</summary>
public enum FieldKind
{
    /// <summary>Free text (names, diagnosis): cleaned, single-spaced.</summary>
    Text,
    /// <summary>A calendar date → ISO 8601.</summary>
    Date,
    /// <summary>The end of a validity range (有效期 2021.08.01-2031.08.01 → 2031-08-01), or the one date printed → ISO 8601.</summary>
    RangeEnd,
    /// <summary>Money in figures → invariant decimal with two places.</summary>
    Amount,
    /// <summary>Money in Chinese upper-case words (大写) → invariant decimal.</summary>
    AmountInWords,
    /// <summary>Chinese resident ID → upper-case, validated.</summary>
    IdNumber,
    /// <summary>ICD-10 code → upper-case.</summary>
    DiagnosisCode,
    /// <summary>Invoice / record numbers: a run of letters and digits containing a digit.</summary>
    Identifier,
    /// <summary>男/女/Male/Female → M/F.</summary>
    Sex,
    /// <summary>A payment card or bank account number: 13–19 digits, printed in groups → the digits (Luhn-checked).</summary>
    CardNumber,
    /// <summary>A month and year as cards print them (06/30, 06/2030) → yyyy-MM.</summary>
    MonthYear,
}

/// <summary>One field a document type carries; key fields are the ones assessment needs and evaluation targets.</summary>
public sealed record FieldSpec(string Name, FieldKind Kind, bool IsKey = false);

/// <summary>The fields of one document type.</summary>
public sealed record FieldSchema(DocumentType Type, IReadOnlyList<FieldSpec> Fields)
{
    public IEnumerable<string> KeyFields => Fields.Where(f => f.IsKey).Select(f => f.Name);
}
