using ClaimVision.Domain.Documents;
using ClaimVision.Vision;

namespace ClaimVision.Intelligence;

/// <summary>Everything the vision layer produced for one document, the input to classification and extraction.</summary>
public sealed record VisionResult(IReadOnlyList<OcrPage> Pages, IReadOnlyList<PageStatistics> Statistics);

/// <summary>Says what kind of document a page set is. Implementations are thread-safe.</summary>
public interface IDocumentClassifier
{
    string ModelVersion { get; }
    DocumentClassification Classify(VisionResult vision);
}

/// <summary>The fields and line items read off one document.</summary>
/// <param name="DateOrder">The order the page's all-numeric dates were read in and what proved it; null when not read.</param>
public sealed record FieldExtraction(IReadOnlyDictionary<string, ExtractedField> Fields, IReadOnlyList<LineItem> LineItems, DocumentDateOrder? DateOrder = null);

/// <summary>Reads the fields of documents of a given type. Thread-safe.</summary>
public interface IFieldExtractor
{
    string Version { get; }
    FieldExtraction Extract(DocumentType type, VisionResult vision);
}
