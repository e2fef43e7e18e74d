using System.Diagnostics;
using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision;

/// <summary>
/// Bytes → OCR'd pages: decode and validate, then per page orientation (OSD), deskew, resolution
/// normalisation, language choice and recognition, with every box mapped back to the page as the user sees it.
/// Thread-safe; each call holds one engine of the pool for the whole document, so the pool size bounds
/// how many documents are worked on at once.
/// </summary>
public sealed class VisionPipeline(EnginePool pool)
{
    public EnginePool Pool => pool;

    /// <summary>"tesseract 5.3.0"; recorded with every result.</summary>
    public string EngineVersion { get; } = "tesseract " + Interop.Tesseract.Version();

    /// <exception cref="ImageRejectedException">The bytes are not an acceptable image.</exception>
    /// <exception cref="OcrEngineException">A language model is missing.</exception>
    public VisionOutput Process(ReadOnlySpan<byte> bytes, string fileName, VisionOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= VisionOptions.Default;
        var clock = Stopwatch.StartNew();
        using var decoded = ImageDecoder.Decode(bytes, fileName, options.Limits);
        var timings = new StageClock { DecodeMs = clock.Elapsed.TotalMilliseconds };

        using var lease = pool.Rent(cancellationToken);
        var pages = new List<OcrPage>(decoded.Pages.Count);
        var statistics = new List<PageStatistics>(decoded.Pages.Count);
        for (var i = 0; i < decoded.Pages.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (page, stats) = ProcessPage(lease.Engine, decoded.Pages[i], i, options, timings);
            pages.Add(page);
            statistics.Add(stats);
        }
        return new VisionOutput(decoded.Format, pages, statistics, new VisionTimings(timings.DecodeMs, timings.PreprocessMs, timings.OcrMs));
    }

    private (OcrPage, PageStatistics) ProcessPage(OcrEngine engine, PageImage page, int index, VisionOptions options, StageClock timings)
    {
        var clock = Stopwatch.StartNew();
        var ocrOptions = pool.Options;
        var statistics = PageStatisticsCalculator.Compute(page);

        var guess = OrientationDetector.Detect(engine, page);
        var rotate = guess is not null && guess.OrientationConfidence >= ocrOptions.MinOrientationConfidence ? guess.RotateDegrees : 0;
        using var upright = ImageTransforms.RotateOrthogonal(page, rotate);
        var deskew = Deskewer.Deskew(upright);
        using var straight = deskew.Image;
        var scale = ResolutionNormalizer.ChooseScale(straight);
        using var ready = ImageTransforms.Scale(straight, scale);
        var transform = new PageTransform(page.Width, page.Height, rotate, deskew.AngleDegrees, scale);
        timings.PreprocessMs += clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var language = LanguageChooser.Choose(options.Language, guess, ocrOptions);
        var text = engine.Recognize(ready.Pix, language);
        timings.OcrMs += clock.Elapsed.TotalMilliseconds;

        var lines = text.Lines.Select(l => new OcrLine(
            l.Text, l.Confidence, transform.MapBack(l.Box),
            l.Words.Select(w => w with { Box = transform.MapBack(w.Box) }).ToList())).ToList();
        var ocrPage = new OcrPage
        {
            PageIndex = index,
            Width = page.Width,
            Height = page.Height,
            Orientation = rotate,
            SkewDegrees = deskew.AngleDegrees,
            Script = guess is not null && guess.ScriptConfidence >= ocrOptions.MinScriptConfidence ? guess.Script : null,
            Language = language,
            Scale = scale,
            MeanConfidence = text.MeanConfidence,
            Lines = lines,
        };
        return (ocrPage, statistics);
    }

    private sealed class StageClock
    {
        public double DecodeMs;
        public double PreprocessMs;
        public double OcrMs;
    }
}
