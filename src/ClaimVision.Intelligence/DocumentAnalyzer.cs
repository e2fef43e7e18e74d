using System.Diagnostics;
using System.Security.Cryptography;
using ClaimVision.Domain.Documents;
using ClaimVision.Vision;
using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Intelligence;

/// <summary>
/// Decode → preprocess → OCR through <see cref="VisionPipeline"/>, then classification and field extraction
/// when those stages are supplied (without them <see cref="DocumentReport.DocumentType"/> and
/// <see cref="DocumentReport.Fields"/> stay null and are left out of the JSON). Thread-safe: concurrency is
/// bounded by the engine pool behind the pipeline.
/// </summary>
public sealed class DocumentAnalyzer(VisionPipeline vision, VisionOptions? options = null, IDocumentClassifier? classifier = null, IFieldExtractor? extractor = null)
    : IDocumentAnalyzer
{
    private readonly VisionOptions _options = options ?? VisionOptions.Default;

    public IReadOnlyDictionary<string, string> ModelVersions
    {
        get
        {
            var versions = new Dictionary<string, string>(StringComparer.Ordinal) { ["ocr"] = vision.EngineVersion, ["ocrModels"] = vision.Models, ["vision"] = VisionPipeline.Revision };
            if (vision.ScriptGuesser is { } script) versions["script"] = script.Version;
            if (vision.ResolutionRule is { } rule) versions["resolution"] = rule;
            if (vision.SealRule is { } seals) versions["seals"] = seals;
            if (vision.LineRereadRule is { } lines) versions["lineReread"] = lines;
            if (classifier is not null) versions["classifier"] = classifier.ModelVersion;
            if (extractor is not null) versions["extractor"] = extractor.Version;
            return versions;
        }
    }

    public DocumentReport Analyze(string fileName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes.Span));
        VisionOutput output;
        try
        {
            output = vision.Process(bytes.Span, fileName, _options, cancellationToken);
        }
        catch (ImageRejectedException ex)
        {
            return Failed(fileName, sha256, ex.Code, ex.Message, total);
        }
        catch (OcrTimeoutException ex)
        {
            return Failed(fileName, sha256, "ocr-timeout", $"{fileName}: {ex.Message}", total);
        }
        catch (OcrEngineException ex)
        {
            return Failed(fileName, sha256, "ocr-failed", $"{fileName}: {ex.Message}", total);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A native failure in one file must not stop the others; say which file and what.
            return Failed(fileName, sha256, "analysis-failed", $"{fileName}: {ex.GetType().Name}: {ex.Message}", total);
        }

        var result = new VisionResult(output.Pages, output.Statistics);
        var classifyMs = 0.0;
        var extractMs = 0.0;
        DocumentClassification? type = null;
        FieldExtraction? fields = null;
        if (classifier is not null)
        {
            var sw = Stopwatch.StartNew();
            type = classifier.Classify(result);
            classifyMs = sw.Elapsed.TotalMilliseconds;
        }
        if (extractor is not null && type is not null)
        {
            var sw = Stopwatch.StartNew();
            fields = extractor.Extract(type.Label, result);
            extractMs = sw.Elapsed.TotalMilliseconds;
        }
        return Report(fileName, sha256, output, total) with
        {
            DocumentType = type,
            Fields = fields?.Fields,
            LineItems = fields?.LineItems,
            DateOrder = fields?.DateOrder,
            TimingsMs = Timings(output.Timings, total) with { Classify = Ms(classifyMs), Extract = Ms(extractMs) },
        };
    }

    private static DocumentReport Report(string fileName, string sha256, VisionOutput output, Stopwatch total)
    {
        var first = output.Pages.Count > 0 ? output.Pages[0] : null;
        var lines = output.Pages
            .SelectMany(p => p.Lines.Select(l => new ReportLine(l.Text, Round(l.Confidence), l.Box, p.PageIndex)))
            .ToList();
        var words = output.Pages.SelectMany(p => p.Lines).SelectMany(l => l.Words).ToList();
        return new DocumentReport
        {
            File = fileName,
            Sha256 = sha256,
            Width = first?.Width ?? 0,
            Height = first?.Height ?? 0,
            PageCount = output.Pages.Count,
            Orientation = first?.Orientation ?? 0,
            SkewDegrees = Math.Round(first?.SkewDegrees ?? 0, 2),
            Language = string.Join('+', output.Pages.Select(p => p.Language).Distinct()),
            // Word-weighted: a page with two words should not count as much as a page with two hundred.
            MeanConfidence = words.Count == 0 ? 0 : Round(words.Average(w => w.Confidence)),
            Text = string.Join("\n\n", output.Pages.Select(p => p.Text)),
            Lines = lines,
            TimingsMs = Timings(output.Timings, total),
        };
    }

    private static StageTimings Timings(VisionTimings t, Stopwatch total) => new()
    {
        Decode = Ms(t.DecodeMs),
        Preprocess = Ms(t.PreprocessMs),
        Ocr = Ms(t.OcrMs),
        Total = Ms(total.Elapsed.TotalMilliseconds),
    };

    private static DocumentReport Failed(string fileName, string sha256, string code, string message, Stopwatch total) => new()
    {
        File = fileName,
        Sha256 = sha256,
        Error = new DocumentError(code, message),
        TimingsMs = new StageTimings { Total = Ms(total.Elapsed.TotalMilliseconds) },
    };

    private static double Round(double confidence) => Math.Round(confidence, 3);
    private static double Ms(double ms) => Math.Round(ms, 1);
}
