using System.Text.Json;
using ClaimVision.Benchmarks.Baselines;
using ClaimVision.Benchmarks.EndToEnd;
using ClaimVision.Benchmarks.Reporting;
using ClaimVision.Vision.Ocr;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimVision.Benchmarks;

/// <summary>What <c>claimvision bench</c> was asked to do.</summary>
public sealed record BenchOptions
{
    public required string Input { get; init; }
    public required IReadOnlyList<BenchDocument> Files { get; init; }
    public required BenchConfiguration Configuration { get; init; }
    public required IReadOnlyList<int> Workers { get; init; }
    /// <summary>Scaled out: engines per worker process; null gives each worker an equal share of the cores.</summary>
    public int? EnginesPerWorker { get; init; }
    public required int Warmup { get; init; }
    public required int Documents { get; init; }
    public TimeSpan? Duration { get; init; }
    /// <summary>OCR language for the ceiling baseline, as the analyzer is configured ("auto" by default).</summary>
    public string Language { get; init; } = OcrOptions.Auto;
    /// <summary>The OCR options the pipeline is configured with (<c>ClaimVision:Ocr</c>): the ceiling prepares its pages by them
    /// (the resolution rule above all), with one engine per core and <see cref="Language"/>.</summary>
    public OcrOptions Ocr { get; init; } = new();
    public bool Baselines { get; init; } = true;
    public required IReadOnlyDictionary<string, string> Settings { get; init; }
    public required Action<IServiceCollection> Engines { get; init; }
}

/// <summary>Runs every worker count end to end, then the two baselines on the same files, and puts the report together.</summary>
public sealed class BenchRunner(BenchOptions options, TextWriter progress)
{
    public async Task<BenchReport> RunAsync(CancellationToken ct)
    {
        var started = DateTimeOffset.UtcNow;
        var runs = new List<RunResult>();
        foreach (var workers in options.Workers)
        {
            var engines = options.Configuration == BenchConfiguration.Embedded
                ? workers
                : options.EnginesPerWorker ?? Math.Max(1, Environment.ProcessorCount / workers);
            var runner = new EndToEndRunner(new EndToEndSettings
            {
                Configuration = options.Configuration,
                Workers = workers,
                EnginesPerWorker = engines,
                Files = options.Files,
                Warmup = options.Warmup,
                Documents = options.Documents,
                Duration = options.Duration,
                Settings = options.Settings,
                Engines = options.Engines,
            }, progress);
            runs.Add(await runner.RunAsync(ct));
        }

        BaselineResult? ceiling = null, cli = null;
        if (options.Baselines)
        {
            var files = options.Files.Select(f => f.File).Distinct().ToList();
            using var ocr = new OcrCeiling(options.Ocr with { PoolSize = Environment.ProcessorCount, Language = options.Language });
            await progress.WriteLineAsync($"[OCR ceiling] preparing {files.Count} files (untimed) …");
            ocr.Prepare(files, ct);
            await progress.WriteLineAsync("[OCR ceiling] recognising with all engines …");
            ceiling = ocr.Run(ct);
            await progress.WriteLineAsync($"[OCR ceiling] {ceiling.DocumentsPerSecond} docs/s");
            await progress.WriteLineAsync($"[tesseract CLI] {ocr.CliJobs.Count} files, {Environment.ProcessorCount} at once …");
            cli = await new TesseractCliBaseline().RunAsync(ocr.CliJobs, Environment.ProcessorCount, ct);
            await progress.WriteLineAsync($"[tesseract CLI] {cli.DocumentsPerSecond} docs/s");
        }

        return new BenchReport
        {
            StartedAt = started,
            Machine = MachineInfo.Current(),
            Configuration = options.Configuration == BenchConfiguration.Embedded ? "embedded" : "scaled-out",
            Input = options.Input,
            Files = options.Files.Count,
            Warmup = options.Warmup,
            Language = options.Language,
            VisionRevision = Vision.VisionPipeline.Revision,
            OcrOverrides = OcrOverrides(options.Ocr),
            Environment = TuningEnvironment(System.Environment.GetEnvironmentVariable),
            Runs = [.. runs.Select(r => r with
            {
                RatioToCeiling = Ratio(r.DocumentsPerSecond, ceiling?.DocumentsPerSecond),
                RatioToCli = Ratio(r.DocumentsPerSecond, cli?.DocumentsPerSecond),
            })],
            OcrCeiling = ceiling,
            TesseractCli = cli,
        };
    }

    /// <summary>The members of <paramref name="ocr"/> whose JSON value differs from a default <see cref="OcrOptions"/>'s, by
    /// name; the pool size, the tessdata folder and the language are left out (the report states engines and language).</summary>
    internal static IReadOnlyDictionary<string, string> OcrOverrides(OcrOptions ocr)
    {
        var actual = JsonSerializer.SerializeToElement(ocr);
        var defaults = JsonSerializer.SerializeToElement(new OcrOptions());
        return actual.EnumerateObject()
            .Where(p => p.Name is not (nameof(OcrOptions.PoolSize) or nameof(OcrOptions.TessdataPath) or nameof(OcrOptions.Language))
                        && (!defaults.TryGetProperty(p.Name, out var d) || d.GetRawText() != p.Value.GetRawText()))
            .ToDictionary(p => p.Name, p => p.Value.GetRawText(), StringComparer.Ordinal);
    }

    /// <summary>Environment variables read at process start that change what a document costs: Tesseract's OpenMP
    /// threads, glibc's arenas and mmap threshold, the .NET JIT and GC modes.</summary>
    internal static readonly string[] TuningVariables =
    [
        "OMP_THREAD_LIMIT", "MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_",
        "DOTNET_TieredCompilation", "DOTNET_TieredPGO", "DOTNET_TC_QuickJitForLoops", "DOTNET_ReadyToRun", "DOTNET_gcServer",
        "DOTNET_GCHeapHardLimit", "DOTNET_GCgen0size",
    ];

    /// <summary>The <see cref="TuningVariables"/> that are set, with their values.</summary>
    internal static IReadOnlyDictionary<string, string> TuningEnvironment(Func<string, string?> get) =>
        TuningVariables.Select(n => (Name: n, Value: get(n))).Where(v => v.Value is not null)
            .ToDictionary(v => v.Name, v => v.Value!, StringComparer.Ordinal);

    internal static double Ratio(double value, double? baseline) => baseline is > 0 ? Math.Round(value / baseline.Value, 3) : 0;
}
