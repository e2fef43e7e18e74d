using ClaimVision.Benchmarks.Reporting;
using ClaimVision.Benchmarks.Stats;

namespace ClaimVision.Benchmarks.Tests;

internal static class ReportSamples
{
    public static RunResult Run(int workers, double seconds, double p50Ms) => new()
    {
        Workers = workers,
        EnginesPerWorker = 1,
        Documents = 40,
        Failed = 1,
        Seconds = seconds,
        LatencyMs = Distribution.Of([p50Ms, p50Ms * 2]),
        StagesMs = new Dictionary<string, Distribution> { ["ocr"] = Distribution.Of([900, 1100]), ["queueWait"] = Distribution.Of([5]) },
        CpuSecondsPerDocument = 1.9,
        PeakMemoryMb = [310.5, 298],
        MemoryGrowthMb = 4,
    };

    public static BenchReport Report(string configuration = "embedded", params RunResult[] runs) => new()
    {
        StartedAt = new DateTimeOffset(2026, 12, 1, 20, 0, 0, TimeSpan.Zero),
        Machine = new MachineInfo(2, "Linux", ".NET 10", 24),
        Configuration = configuration,
        Input = "/data/claims",
        Files = 40,
        Warmup = 4,
        Language = "auto",
        Runs = runs,
        OcrCeiling = new BaselineResult { Name = "OCR ceiling", Documents = 40, Pages = 41, Seconds = 20, Parallelism = 2 },
        TesseractCli = new BaselineResult { Name = "tesseract CLI", Documents = 40, Pages = 38, Failed = 2, Seconds = 38, Parallelism = 2, Errors = ["x.png: exit code 1: Error during processing."] },
    };
}
