using ClaimVision.Benchmarks.Stats;

namespace ClaimVision.Benchmarks.Reporting;

/// <summary>Where the figures were measured: ops teams scale them to their own hardware.</summary>
public sealed record MachineInfo(int Cores, string Os, string Runtime, double MemoryGb)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        System.Runtime.InteropServices.RuntimeInformation.OSDescription,
        System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        Math.Round(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0, 1));
}

/// <summary>One end-to-end run at one worker count: submission (POST /claims) to recommendation (RecommendationReady).</summary>
public sealed record RunResult
{
    /// <summary>Embedded: OCR engines (analysis concurrency) in the one process. Scaled out: worker processes.</summary>
    public required int Workers { get; init; }
    /// <summary>Documents each worker process analyses at once (its OCR engines).</summary>
    public required int EnginesPerWorker { get; init; }
    public required int Documents { get; init; }
    /// <summary>Documents rejected, or claims with no recommendation before the time-out.</summary>
    public int Failed { get; init; }
    public required double Seconds { get; init; }
    public double DocumentsPerSecond => Seconds <= 0 ? 0 : Math.Round(Documents / Seconds, 3);
    /// <summary>Submission → recommendation, per document (one document per claim).</summary>
    public required Distribution LatencyMs { get; init; }
    /// <summary>decode, preprocess, classify, ocr, extract (the analyzer's timings), assess and queue wait (from message times).</summary>
    public required IReadOnlyDictionary<string, Distribution> StagesMs { get; init; }
    /// <summary>CPU seconds of every process of the run (API/submitter and workers) per document.</summary>
    public double CpuSecondsPerDocument { get; init; }
    /// <summary>Scaled out: <see cref="CpuSecondsPerDocument"/> split into <c>api</c> (this process: the API and the bench's
    /// submitter) and <c>workers</c> (all worker processes); empty for embedded runs, where one process does both.</summary>
    public IReadOnlyDictionary<string, double> CpuSecondsPerDocumentByProcess { get; init; } = new Dictionary<string, double>();
    /// <summary>Scaled out: the broker, the database and the blob store, each with its CPU per document when its processes
    /// run on this machine (not counted in <see cref="CpuSecondsPerDocument"/>); empty for embedded runs.</summary>
    public IReadOnlyList<ClaimVision.Benchmarks.EndToEnd.ServiceCpu> Services { get; init; } = [];
    /// <summary>Peak resident set (VmHWM) of each process that analysed documents, MB.</summary>
    public IReadOnlyList<double> PeakMemoryMb { get; init; } = [];
    /// <summary>
    /// Growth of the analysing processes' summed resident set, MB: the median of the last tenth of the samples minus the
    /// median of the first tenth (<see cref="MemoryCurve.GrowthMb"/>); the curve itself is <see cref="Memory"/>.
    /// </summary>
    public double MemoryGrowthMb { get; init; }
    /// <summary>The resident set sampled as each measured document finished, with its trend and medians per 100 documents.</summary>
    public MemoryCurve Memory { get; init; } = MemoryCurve.Empty;
    /// <summary>The Tesseract passes of the measured documents by kind (embedded runs only: workers count in their own process).</summary>
    public IReadOnlyList<ClaimVision.Vision.Ocr.OcrPassTotals> OcrPasses { get; init; } = [];
    /// <summary>End-to-end documents/s ÷ the OCR ceiling's (0 when the ceiling was not measured).</summary>
    public double RatioToCeiling { get; init; }
    /// <summary>End-to-end documents/s ÷ the parallel tesseract CLI's (0 when it was not measured).</summary>
    public double RatioToCli { get; init; }
}

/// <summary>A baseline over the same files: the OCR ceiling or the tesseract command-line tool.</summary>
public sealed record BaselineResult
{
    public required string Name { get; init; }
    public required int Documents { get; init; }
    public int Pages { get; init; }
    public int Failed { get; init; }
    public required double Seconds { get; init; }
    public required int Parallelism { get; init; }
    public double DocumentsPerSecond => Seconds <= 0 ? 0 : Math.Round((Documents - Failed) / Seconds, 3);
    /// <summary>What failed and why, one line per file (at most a few).</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>The whole benchmark: written as JSON by <c>--out</c>, rendered as a table and a chart.</summary>
public sealed record BenchReport
{
    public required DateTimeOffset StartedAt { get; init; }
    public required MachineInfo Machine { get; init; }
    /// <summary>"embedded" or "scaled-out".</summary>
    public required string Configuration { get; init; }
    public required string Input { get; init; }
    public required int Files { get; init; }
    public required int Warmup { get; init; }
    public required string Language { get; init; }
    /// <summary>The build of the vision code that ran (<c>VisionPipeline.Revision</c>).</summary>
    public string VisionRevision { get; init; } = "";
    /// <summary>The OCR options the run used that differ from the defaults, each as its JSON value (empty: all defaults).
    /// Seal fading and the resolution rule change the CPU per document by 8–17 %, so a report must say which it ran.</summary>
    public IReadOnlyDictionary<string, string> OcrOverrides { get; init; } = new Dictionary<string, string>();
    /// <summary>The process environment variables that change CPU or memory per document as they were set for the run
    /// (<see cref="BenchRunner.TuningVariables"/>; unset ones are left out). The malloc threshold alone moves CPU per
    /// document by 10–25 %, so a report must say which it ran under.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public required IReadOnlyList<RunResult> Runs { get; init; }
    public BaselineResult? OcrCeiling { get; init; }
    public BaselineResult? TesseractCli { get; init; }
}
