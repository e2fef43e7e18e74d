using System.Diagnostics;
using ClaimVision.Intelligence;
using ClaimVision.Vision;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Benchmarks;

/// <summary>Pages recognised in a wall-clock span.</summary>
public sealed record ThroughputResult(string Name, int Pages, int Failed, double Seconds)
{
    public double PagesPerSecond => Seconds <= 0 ? 0 : Pages / Seconds;
}

/// <summary>
/// Throughput of `analyze` (engine pool, in process) against the `tesseract` CLI doing the same files, one process per
/// file with as many processes at once as threads — what a shell script around the CLI would do. Both run with
/// OMP_THREAD_LIMIT=1, so neither pays for spinning OpenMP threads and the comparison is of the architectures.
/// </summary>
public static class OcrThroughput
{
    /// <summary>Analyses the files as `analyze` does, with <paramref name="scriptGuesser"/> (the committed script guess in
    /// production; null: every automatic page read first in eng).</summary>
    public static ThroughputResult Analyze(IReadOnlyList<string> files, int threads, string language, IScriptGuesser? scriptGuesser, CancellationToken cancellationToken = default)
    {
        var options = new VisionOptions { Language = language };
        using var pool = new EnginePool(new OcrOptions { PoolSize = threads, Language = language });
        var analyzer = new DocumentAnalyzer(new VisionPipeline(pool, scriptGuesser), options);
        var pages = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(files, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, file =>
        {
            var report = analyzer.AnalyzeFile(file, options.Limits.MaxBytes, cancellationToken);
            if (report.Error is null) Interlocked.Add(ref pages, report.PageCount);
            else Interlocked.Increment(ref failed);
        });
        return new ThroughputResult("claimvision analyze", pages, failed, clock.Elapsed.TotalSeconds);
    }

    /// <summary>Runs <c>tesseract FILE stdout -l LANG</c> per file. Language "auto" has no CLI equivalent; eng is used then.</summary>
    public static async Task<ThroughputResult> TesseractCliAsync(IReadOnlyList<string> files, int threads, string language, CancellationToken cancellationToken = default)
    {
        var lang = language == OcrOptions.Auto ? "eng" : language;
        var pages = 0;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, async (file, ct) =>
        {
            var start = new ProcessStartInfo("tesseract") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { file, "stdout", "-l", lang }) start.ArgumentList.Add(a);
            start.Environment["OMP_THREAD_LIMIT"] = "1";
            using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start tesseract");
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            await Task.WhenAll(stdout, stderr);
            if (process.ExitCode == 0) Interlocked.Increment(ref pages);
            else Interlocked.Increment(ref failed);
        });
        return new ThroughputResult("tesseract CLI", pages, failed, clock.Elapsed.TotalSeconds);
    }
}
