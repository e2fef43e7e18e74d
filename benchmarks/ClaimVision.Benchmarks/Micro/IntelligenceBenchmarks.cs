using BenchmarkDotNet.Attributes;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence;
using ClaimVision.Intelligence.Features;
using ClaimVision.Intelligence.Normalization;

namespace ClaimVision.Benchmarks.Micro;

/// <summary>Classifier features and field extraction on one receipt-sized page: the managed work per document.</summary>
[MemoryDiagnoser]
public class IntelligenceBenchmarks
{
    private readonly VisionResult _receipt = MicroInputs.Receipt();
    private readonly FieldExtractor _extractor = new();

    [Benchmark]
    public object FeatureExtraction() => DocumentFeatures.Extract(_receipt);

    [Benchmark]
    public object FieldExtraction() => _extractor.Extract(DocumentType.PharmacyReceipt, _receipt);
}

/// <summary>The normalisers every extractor calls per line.</summary>
[MemoryDiagnoser]
public class NormaliserBenchmarks
{
    private readonly string _text = MicroInputs.ReceiptText;

    [Benchmark]
    public int Amounts() => AmountNormalizer.FindAll(_text).Count;

    [Benchmark]
    public int Dates() => DateNormalizer.FindAll(_text).Count;

    [Benchmark]
    public decimal? ChineseCapitalAmount() => ChineseAmount.Parse("玖拾壹元伍角整");
}
