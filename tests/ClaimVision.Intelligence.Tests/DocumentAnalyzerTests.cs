using System.Security.Cryptography;
using System.Text.Json;
using ClaimVision.Domain.Documents;
using ClaimVision.Vision.Imaging;

namespace ClaimVision.Intelligence.Tests;

public class DocumentAnalyzerTests(AnalyzerFixture fixture) : IClassFixture<AnalyzerFixture>
{
    [Fact]
    public void AnEmptyFileIsAReportedErrorNotAnException()
    {
        var report = fixture.Analyzer.Analyze("empty.jpg", Array.Empty<byte>());

        Assert.Equal(ImageRejectionCodes.EmptyFile, report.Error?.Code);
        Assert.Contains("empty.jpg", report.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(report.Lines);
    }

    [Fact]
    public void BytesThatAreNoImageAreRefusedWithTheirHash()
    {
        var bytes = "%PDF-1.7 not an image"u8.ToArray();

        var report = fixture.Analyzer.Analyze("claim.pdf", bytes);

        Assert.Equal(ImageRejectionCodes.UnsupportedFormat, report.Error?.Code);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), report.Sha256);
    }

    [Fact]
    public void AMissingFileIsReportedByName()
    {
        var report = fixture.Analyzer.AnalyzeFile("/nonexistent/scan.jpg", long.MaxValue);

        Assert.Equal(FileAnalysis.FileNotFound, report.Error?.Code);
        Assert.Equal("scan.jpg", report.File);
    }

    [Fact]
    public void AFileOverTheByteLimitIsRefusedBeforeReading()
    {
        var report = fixture.Analyzer.AnalyzeFile(AnalyzerFixture.Sample("invoice-en.png"), maxBytes: 1000);

        Assert.Equal(ImageRejectionCodes.TooLarge, report.Error?.Code);
        Assert.Null(report.Sha256);
    }

    [Fact]
    public void TheJsonIsCamelCaseWithBoxArraysAndLeavesOutWhatWasNotComputed()
    {
        var report = fixture.Analyzer.AnalyzeFile(AnalyzerFixture.Sample("invoice-en.png"), long.MaxValue);

        using var json = JsonDocument.Parse(DocumentReportJson.Serialize(report));
        var root = json.RootElement;
        foreach (var name in new[] { "file", "sha256", "width", "height", "orientation", "skewDegrees", "language", "meanConfidence", "text", "lines", "timingsMs" })
            Assert.True(root.TryGetProperty(name, out _), $"missing {name}");
        Assert.False(root.TryGetProperty("documentType", out _));
        Assert.False(root.TryGetProperty("fields", out _));
        Assert.False(root.TryGetProperty("error", out _));
        var box = root.GetProperty("lines")[0].GetProperty("box");
        Assert.Equal(JsonValueKind.Array, box.ValueKind);
        Assert.Equal(4, box.GetArrayLength());
        var timings = root.GetProperty("timingsMs");
        Assert.True(timings.GetProperty("ocr").GetDouble() > 0);
        Assert.True(timings.GetProperty("total").GetDouble() >= timings.GetProperty("ocr").GetDouble());
        var back = DocumentReportJson.Deserialize(json.RootElement.GetRawText());
        Assert.NotNull(back);
        Assert.Equal(report.Lines, back.Lines);
        Assert.Equal(report with { Lines = back.Lines }, back);
    }

    [Fact]
    public void ASuppliedClassifierAndExtractorFillTypeAndFields()
    {
        var analyzer = new DocumentAnalyzer(fixture.Pipeline, classifier: new FixedClassifier(), extractor: new TotalExtractor());

        var report = analyzer.AnalyzeFile(AnalyzerFixture.Sample("invoice-en.png"), long.MaxValue);

        Assert.Equal(DocumentType.OutpatientInvoice, report.DocumentType?.Label);
        Assert.Equal("Total amount due 219.25", report.Fields?["total"].Value);
        Assert.Equal("fixed-1", analyzer.ModelVersions["classifier"]);
        Assert.StartsWith("tesseract 5.", analyzer.ModelVersions["ocr"], StringComparison.Ordinal);
        Assert.Matches("^models-[0-9a-f]{8}$", analyzer.ModelVersions["ocrModels"]);
    }

    [Fact]
    public void The_date_order_the_extractor_found_goes_into_the_report_its_json_and_assessment_s_view()
    {
        var analyzer = new DocumentAnalyzer(fixture.Pipeline, classifier: new FixedClassifier(), extractor: new TotalExtractor());

        var report = analyzer.AnalyzeFile(AnalyzerFixture.Sample("invoice-en.png"), long.MaxValue);

        Assert.Equal(TotalExtractor.Order, report.DateOrder);
        using var json = JsonDocument.Parse(DocumentReportJson.Serialize(report));
        var order = json.RootElement.GetProperty("dateOrder");
        Assert.Equal("month-first", order.GetProperty("order").GetString());
        Assert.Equal("amounts in US dollars", order.GetProperty("proof").GetString());
        Assert.False(order.TryGetProperty("proven", out _));
        Assert.Equal(TotalExtractor.Order, DocumentReportJson.Deserialize(json.RootElement.GetRawText())!.DateOrder);
        Assert.Equal(TotalExtractor.Order, report.ToAnalyzedDocument(new DocumentId("d1")).DateOrder);
    }

    [Fact]
    public void A_resolution_rule_other_than_the_default_is_recorded_among_the_model_versions()
    {
        using var economyPool = new ClaimVision.Vision.Ocr.EnginePool(new ClaimVision.Vision.Ocr.OcrOptions { PoolSize = 1, ScaleUpBelowTextHeight = 16, ScaleUpToTextHeight = 24 });
        Assert.Equal("scale-up-16-24", new DocumentAnalyzer(new ClaimVision.Vision.VisionPipeline(economyPool)).ModelVersions["resolution"]);
        Assert.False(new DocumentAnalyzer(fixture.Pipeline).ModelVersions.ContainsKey("resolution"));
    }

    [Fact]
    public void A_page_whose_recognition_reaches_the_time_limit_fails_its_document_as_an_ocr_timeout_and_the_pool_reads_on()
    {
        using var hurried = new ClaimVision.Vision.Ocr.EnginePool(new ClaimVision.Vision.Ocr.OcrOptions { PoolSize = 1, RecognizeTimeoutSeconds = 0.001 });
        var analyzer = new DocumentAnalyzer(new ClaimVision.Vision.VisionPipeline(hurried));
        var bytes = File.ReadAllBytes(AnalyzerFixture.Sample("invoice-en.png"));

        var report = analyzer.Analyze("invoice-en.png", bytes);

        Assert.Equal("ocr-timeout", report.Error?.Code);
        Assert.StartsWith("invoice-en.png: ", report.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("0.001 s limit", report.Error.Message, StringComparison.Ordinal);
        Assert.Empty(report.Lines);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), report.Sha256);
        // The engine went back to the pool: the next document gets one (and fails the same way, rather than waiting forever).
        Assert.Equal("ocr-timeout", analyzer.Analyze("again.png", bytes).Error?.Code);
    }

    private sealed class FixedClassifier : IDocumentClassifier
    {
        public string ModelVersion => "fixed-1";
        public DocumentClassification Classify(VisionResult vision) => new(DocumentType.OutpatientInvoice, 1, []);
    }

    /// <summary>Reads the line that starts with "Total" — proves the extractor sees the OCR'd pages.</summary>
    private sealed class TotalExtractor : IFieldExtractor
    {
        public static readonly DocumentDateOrder Order = new(DateOrder.MonthFirst, "amounts in US dollars");
        public string Version => "total-1";
        public FieldExtraction Extract(DocumentType type, VisionResult vision)
        {
            var line = vision.Pages.SelectMany(p => p.Lines).First(l => l.Text.StartsWith("Total", StringComparison.Ordinal));
            var field = new ExtractedField { Name = "total", Value = line.Text, Confidence = line.Confidence, Box = line.Box };
            return new FieldExtraction(new Dictionary<string, ExtractedField> { ["total"] = field }, [], Order);
        }
    }
}
