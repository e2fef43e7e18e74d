using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence;

/// <summary>One line of OCR text in the report.</summary>
public sealed record ReportLine(string Text, double Confidence, BoundingBox Box, int Page = 0);

/// <summary>Wall-clock milliseconds per stage of analysing one document.</summary>
public sealed record StageTimings
{
    public double Decode { get; init; }
    public double Preprocess { get; init; }
    public double Classify { get; init; }
    public double Ocr { get; init; }
    public double Extract { get; init; }
    public double Total { get; init; }
}

/// <summary>
/// The result of analysing one document file: the JSON document `claimvision analyze` writes and the
/// pipeline stores as the document's OCR result. One stable shape (camelCase); later stages add fields,
/// never rename them. When <see cref="Error"/> is set the analysis failed and the other members hold
/// whatever was known before the failure.
/// </summary>
public sealed record DocumentReport
{
    public required string File { get; init; }
    public string? Sha256 { get; init; }
    public int Width { get; init; }
    public int Height { get; init; }
    public int PageCount { get; init; }
    public int Orientation { get; init; }
    public double SkewDegrees { get; init; }
    public string? Language { get; init; }
    public double MeanConfidence { get; init; }
    public string Text { get; init; } = "";
    public IReadOnlyList<ReportLine> Lines { get; init; } = [];
    public StageTimings TimingsMs { get; init; } = new();
    public DocumentClassification? DocumentType { get; init; }
    public IReadOnlyDictionary<string, ExtractedField>? Fields { get; init; }
    public IReadOnlyList<LineItem>? LineItems { get; init; }
    /// <summary>The order the document's all-numeric dates were read in and what on it proved that (null proof: the default).</summary>
    public DocumentDateOrder? DateOrder { get; init; }
    public DocumentError? Error { get; init; }
}

/// <summary>Analyses one document (decode → preprocess → OCR → classify → extract), in memory.</summary>
public interface IDocumentAnalyzer
{
    /// <summary>Never throws for bad input: a corrupt, empty or oversized file yields a report with <see cref="DocumentReport.Error"/>.</summary>
    DocumentReport Analyze(string fileName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default);

    /// <summary>Versions of the models in use (classifier, extractors, OCR), recorded with every recommendation.</summary>
    IReadOnlyDictionary<string, string> ModelVersions { get; }
}

public static class DocumentReportExtensions
{
    /// <summary>The part of a report that claim assessment reads.</summary>
    public static AnalyzedDocument ToAnalyzedDocument(this DocumentReport report, DocumentId documentId) => new()
    {
        DocumentId = documentId,
        FileName = report.File,
        Sha256 = report.Sha256 ?? "",
        Classification = report.DocumentType,
        Fields = report.Fields ?? new Dictionary<string, ExtractedField>(),
        LineItems = report.LineItems ?? [],
        OcrConfidence = report.MeanConfidence,
        DateOrder = report.DateOrder,
        Error = report.Error,
    };
}
