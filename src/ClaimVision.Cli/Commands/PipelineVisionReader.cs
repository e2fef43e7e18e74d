using ClaimVision.Intelligence;
using ClaimVision.Intelligence.Script;
using ClaimVision.Intelligence.Training;
using ClaimVision.Vision;
using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Cli.Commands;

/// <summary>
/// The vision pipeline as the reader of every command that caches OCR beside the images (<c>train</c>,
/// <c>evaluate classifier</c>, <c>explain</c>, <c>evaluate fields --ocr-cache</c>): one reader and one version, so a
/// folder read by one of them is not read again by another, and the classifier is trained on the text production reads.
/// The page statistics are kept (the classifier reads them).
/// </summary>
internal sealed class PipelineReader(VisionPipeline pipeline, string language = OcrOptions.Auto) : IVisionReader
{
    /// <summary>The pipeline's version (engine, models, vision build, script guess, OCR options that change its output) and
    /// the language. Caches of the readers before the twenty-first session (<c>…/zh-retry</c>, <c>…/fields/auto/statistics</c>)
    /// are read again once.</summary>
    public string Version { get; } = $"{pipeline.Version}/read-{language}/statistics";

    public VisionResult Read(string fileName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var output = pipeline.Process(bytes.Span, fileName, new VisionOptions { Language = language }, cancellationToken);
        return new VisionResult(output.Pages, output.Statistics);
    }
}

/// <summary>
/// A <see cref="PipelineReader"/> with an engine pool and the committed script guess of its own, on the OCR options the
/// environment sets (<c>ClaimVision__Ocr__*</c>, as <c>analyze</c>, <c>process</c> and a deployment read them), for the
/// classifier commands. A page that cannot be read becomes <see cref="InvalidDataException"/> (image rejected) or
/// <see cref="InvalidOperationException"/> (engine failure), which the sample reader reports and skips.
/// </summary>
/// <remarks>Until the twenty-first session this reader read a page again in chi_sim when it came back from eng below
/// 0.6 mean confidence. The pipeline's own language re-check had made that redundant: on 350 held-out generated pages
/// both readers gave the same text and statistics, so it was removed and the readers made one.</remarks>
internal sealed class PipelineVisionReader : IVisionReader, IDisposable
{
    private readonly EnginePool _pool;
    private readonly ScriptGuessModel? _script;
    private readonly PipelineReader _reader;

    /// <exception cref="InvalidOperationException">A <c>ClaimVision__Ocr__</c> variable names no option or has a value it cannot take.</exception>
    public PipelineVisionReader(int threads)
    {
        var options = EnvironmentOcr.Read() with { PoolSize = Math.Max(1, threads) };
        _pool = new EnginePool(options);
        _script = CommittedScriptGuess.Load();
        _reader = new PipelineReader(new VisionPipeline(_pool, _script));
    }

    public string Version => _reader.Version;

    public VisionResult Read(string fileName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            return _reader.Read(fileName, bytes, cancellationToken);
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
