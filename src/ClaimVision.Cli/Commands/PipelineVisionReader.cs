using ClaimVision.Intelligence;
using ClaimVision.Intelligence.Script;
using ClaimVision.Intelligence.Training;
using ClaimVision.Vision;
using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Cli.Commands;

/// <summary>The vision pipeline (decode → orient → deskew → OCR + page statistics) as the classifier commands' reader.</summary>
internal sealed class PipelineVisionReader : IVisionReader, IDisposable
{
    // What this reader adds to the vision pipeline (the Chinese retry below); the vision code's own build is in the version too.
    private const string ReaderRevision = "zh-retry";
    // OSD misjudged most generated Chinese pages as Latin (or Greek/Cyrillic) and they came back from
    // eng at 0.27–0.50 mean confidence; English pages read at 0.64–0.95. Below this, read again with chi_sim.
    private const double RetryBelowConfidence = 0.6;
    private static readonly VisionOptions Chinese = VisionOptions.Default with { Language = "chi_sim" };
    private readonly EnginePool _pool;
    private readonly ScriptGuessModel? _script;
    private readonly VisionPipeline _pipeline;

    /// <summary>The production pipeline, with the committed script guess when there is one, so that the classifier is
    /// trained and evaluated on the text production reads.</summary>
    public PipelineVisionReader(int threads)
    {
        _pool = new EnginePool(new OcrOptions { PoolSize = Math.Max(1, threads) });
        _script = CommittedScriptGuess.Load();
        _pipeline = new VisionPipeline(_pool, _script);
        Version = $"{_pipeline.Version}/{ReaderRevision}";
    }

    public string Version { get; }

    public VisionResult Read(string fileName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            var output = _pipeline.Process(bytes.Span, fileName, VisionOptions.Default, cancellationToken);
            if (output.Pages.Any(p => p.Language == "eng" && p.MeanConfidence < RetryBelowConfidence))
            {
                var chinese = _pipeline.Process(bytes.Span, fileName, Chinese, cancellationToken);
                if (chinese.Pages.Count > 0 && chinese.Pages.Average(p => p.MeanConfidence) > output.Pages.Average(p => p.MeanConfidence)) output = chinese;
            }
            return new VisionResult(output.Pages, output.Statistics);
        }
        catch (ImageRejectedException e)
        {
            throw new InvalidDataException($"{fileName}: image rejected ({e.Code}): {e.Message}", e);
        }
        catch (OcrEngineException e)
        {
            throw new InvalidOperationException($"{fileName}: OCR failed: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        _pool.Dispose();
        _script?.Dispose();
    }
}
