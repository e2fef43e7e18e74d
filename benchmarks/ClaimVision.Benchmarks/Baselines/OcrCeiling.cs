using System.Collections.Concurrent;
using System.Diagnostics;
using ClaimVision.Benchmarks.Reporting;
using ClaimVision.Vision;
using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Benchmarks.Baselines;

/// <summary>
/// The OCR ceiling: the engine pool doing nothing but recognition, with one engine per core, on the pages exactly
/// as the pipeline would hand them to Tesseract (decoded, turned upright by OSD, deskewed, resolution-normalised,
/// with the language chosen per page). Preparation is not timed; only <c>Recognize</c> is. End to end cannot beat it.
/// </summary>
public sealed class OcrCeiling(OcrOptions options) : IDisposable
{
    private readonly List<PreparedPage> _pages = [];
    private readonly List<CliJob> _cliJobs = [];
    private readonly List<string> _errors = [];

    private sealed record PreparedPage(string File, PageImage Image, string Language);

    /// <summary>Per file, the language the pipeline chose for its first page: the CLI baseline uses the same.</summary>
    public IReadOnlyList<CliJob> CliJobs => _cliJobs;

    /// <summary>Decodes and preprocesses every file as the pipeline does (in parallel, untimed). Files that fail are left out and named.</summary>
    public void Prepare(IReadOnlyList<string> files, CancellationToken cancellationToken = default)
    {
        using var pool = new EnginePool(options);
        var prepared = new ConcurrentDictionary<int, (List<PreparedPage> Pages, string? Error)>();
        Parallel.For(0, files.Count, new ParallelOptions { MaxDegreeOfParallelism = options.PoolSize, CancellationToken = cancellationToken }, i =>
        {
            try
            {
                using var decoded = ImageDecoder.Decode(File.ReadAllBytes(files[i]), Path.GetFileName(files[i]));
                using var lease = pool.Rent(cancellationToken);
                prepared[i] = ([.. decoded.Pages.Select(p => PreparePage(lease.Engine, files[i], p))], null);
            }
            catch (Exception e) when (e is ImageRejectedException or OcrEngineException or IOException)
            {
                prepared[i] = ([], $"{Path.GetFileName(files[i])}: {e.Message}");
            }
        });
        foreach (var (_, (pages, error)) in prepared.OrderBy(p => p.Key))
        {
            if (error is not null) _errors.Add(error);
            if (pages.Count == 0) continue;
            _pages.AddRange(pages);
            _cliJobs.Add(new CliJob(pages[0].File, pages[0].Language));
        }
    }

    private PreparedPage PreparePage(OcrEngine engine, string file, PageImage page)
    {
        // OSD as VisionPipeline.ProcessPage does it, then the pipeline's own preparation.
        using var work = PageStatisticsCalculator.Reduced(page, PageStatisticsCalculator.WorkingLongSide);
        using var workBinary = Binarizer.ToBinary(work);
        var guess = OrientationDetector.Detect(engine, workBinary);
        var rotate = guess is not null && guess.OrientationConfidence >= options.MinOrientationConfidence ? guess.RotateDegrees : 0;
        var (ready, _) = VisionPipeline.Prepare(page, rotate, options);
        return new PreparedPage(file, ready, LanguageChooser.Choose(options.Language, guess, options));
    }

    /// <summary>Recognises every prepared page with all engines busy; documents/s counts files.</summary>
    public BaselineResult Run(CancellationToken cancellationToken = default)
    {
        using var pool = new EnginePool(options);
        // Engines and language models are initialised before the clock starts, as in a running worker.
        _ = pool.Warm(_pages.Select(p => p.Language), cancellationToken);

        var clock = Stopwatch.StartNew();
        Parallel.ForEach(_pages, new ParallelOptions { MaxDegreeOfParallelism = options.PoolSize, CancellationToken = cancellationToken }, page =>
        {
            using var lease = pool.Rent(cancellationToken);
            _ = lease.Engine.Recognize(page.Image.Pix, page.Language);
        });
        var seconds = clock.Elapsed.TotalSeconds;
        return new BaselineResult
        {
            Name = "OCR ceiling",
            Documents = _cliJobs.Count,
            Pages = _pages.Count,
            Failed = 0,
            Seconds = Math.Round(seconds, 3),
            Parallelism = options.PoolSize,
            Errors = [.. _errors.Take(10)],
        };
    }

    public void Dispose()
    {
        foreach (var page in _pages) page.Image.Dispose();
        _pages.Clear();
    }
}
