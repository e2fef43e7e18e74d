namespace ClaimVision.Domain.Documents;

/// <summary>A strongly typed document identifier: one uploaded image (or multi-page file) within a claim.</summary>
public readonly record struct DocumentId(string Value)
{
    public static DocumentId New() => new(Guid.NewGuid().ToString("n"));
    public override string ToString() => Value;
}

/// <summary>One check run on a field value (check digit, date range, sum …) and its outcome.</summary>
public sealed record FieldCheck(string Name, bool Passed, string Message);

/// <summary>A field read off a document: the text as printed, its normalised form (ISO date, invariant
/// decimal, upper-case ID …), how sure we are, and where on which page it was found.</summary>
public sealed record ExtractedField
{
    public required string Name { get; init; }
    public required string Value { get; init; }
    public string? Normalized { get; init; }
    public required double Confidence { get; init; }
    public BoundingBox? Box { get; init; }
    public int Page { get; init; }
    public IReadOnlyList<FieldCheck> Checks { get; init; } = [];
    /// <summary>What a doubtful reading may have been printed as when the document alone cannot say which; null when
    /// there is no such choice. Another document of the claim may settle it (<see cref="Assessment.ClaimDiagnosis"/>).</summary>
    public IReadOnlyList<FieldAlternative>? Alternatives { get; init; }
}

/// <summary>One value a doubtful field may stand for, and the catalogue code it is known by (an ICD-10 code for a
/// diagnosis), which another document may print.</summary>
public sealed record FieldAlternative(string Normalized, string Code);

/// <summary>One row of an itemised bill.</summary>
public sealed record LineItem
{
    public required string Description { get; init; }
    public decimal? Quantity { get; init; }
    public decimal? UnitPrice { get; init; }
    public required decimal Amount { get; init; }
    /// <summary>Catalogue class where printed (甲/乙/丙 in Chinese bills: covered, partly covered, out of catalogue).</summary>
    public string? Category { get; init; }
    public double Confidence { get; init; }
    public BoundingBox? Box { get; init; }
    public int Page { get; init; }
}

public sealed record ClassLikelihood(DocumentType Label, double Probability);

/// <summary>What the classifier called a document, with its probability and the runners-up.</summary>
public sealed record DocumentClassification(DocumentType Label, double Confidence, IReadOnlyList<ClassLikelihood> Alternatives);

/// <summary>A specific reason a document could not be analysed.</summary>
public sealed record DocumentError(string Code, string Message);

/// <summary>
/// Everything assessment needs to know about one document: its type, fields and line items, or the
/// error that stopped its analysis. Produced by ClaimVision.Intelligence, consumed by claim assessment.
/// </summary>
public sealed record AnalyzedDocument
{
    public required DocumentId DocumentId { get; init; }
    public required string FileName { get; init; }
    public required string Sha256 { get; init; }
    public DocumentClassification? Classification { get; init; }
    public IReadOnlyDictionary<string, ExtractedField> Fields { get; init; } = new Dictionary<string, ExtractedField>();
    public IReadOnlyList<LineItem> LineItems { get; init; } = [];
    /// <summary>Mean OCR word confidence over the document, 0–1.</summary>
    public double OcrConfidence { get; init; }
    /// <summary>The order the document's all-numeric dates were read in, and whether the document itself proved it.</summary>
    public DocumentDateOrder? DateOrder { get; init; }
    public DocumentError? Error { get; init; }

    public bool Failed => Error is not null;
    public DocumentType? Type => Classification?.Label;
    public ExtractedField? Field(string name) => Fields.TryGetValue(name, out var f) ? f : null;
}
