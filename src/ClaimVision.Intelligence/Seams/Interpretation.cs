using ClaimVision.Domain.Documents;
using ClaimVision.Vision;

namespace ClaimVision.Intelligence;

/// <summary>Cheap whole-image statistics the classifier can use beside the text (computed by the vision layer).</summary>
public sealed record PageStatistics
{
    public double AspectRatio { get; init; }
    /// <summary>Share of dark pixels after binarisation, 0–1.</summary>
    public double InkDensity { get; init; }
    /// <summary>Mean colour saturation, 0–1 (stamps, coloured headers, cards).</summary>
    public double MeanSaturation { get; init; }
    /// <summary>Share of strongly red pixels, 0–1 (official seals).</summary>
    public double RedShare { get; init; }
    public int HorizontalRules { get; init; }
    public int VerticalRules { get; init; }
}

/// <summary>Everything the vision layer produced for one document, the input to classification and extraction.</summary>
public sealed record VisionResult(IReadOnlyList<OcrPage> Pages, IReadOnlyList<PageStatistics> Statistics);

/// <summary>Says what kind of document a page set is. Implementations are thread-safe.</summary>
public interface IDocumentClassifier
{
    string ModelVersion { get; }
    DocumentClassification Classify(VisionResult vision);
}

/// <summary>The fields and line items read off one document.</summary>
public sealed record FieldExtraction(IReadOnlyDictionary<string, ExtractedField> Fields, IReadOnlyList<LineItem> LineItems);

/// <summary>Reads the fields of documents of a given type. Thread-safe.</summary>
public interface IFieldExtractor
{
    string Version { get; }
    FieldExtraction Extract(DocumentType type, VisionResult vision);
}
