using System.Globalization;
using Spectre.Console;

namespace ClaimVision.Benchmarks.Reporting;

/// <summary>The report as Spectre tables: one row per worker count, then stages, then the baselines.</summary>
public static class ReportTable
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Which vision build and OCR options the run used: "OCR: vision 1a2b3c4d, default options" or the overrides.</summary>
    public static string OcrLine(BenchReport report) =>
        $"OCR: vision {report.VisionRevision}, language {report.Language}, "
        + (report.OcrOverrides.Count == 0 ? "default options" : "options " + string.Join(", ", report.OcrOverrides.Select(o => $"{o.Key}={o.Value}")));

    /// <summary>The tuning variables the run was under: "environment: OMP_THREAD_LIMIT=1, MALLOC_ARENA_MAX=2" or "none set".</summary>
    public static string EnvironmentLine(BenchReport report) =>
        "environment: " + (report.Environment.Count == 0 ? "none of the tuning variables set (docs/operations.md)"
            : string.Join(", ", report.Environment.Select(e => $"{e.Key}={e.Value}")));

    public static void Write(IAnsiConsole console, BenchReport report)
    {
        // Redirected output gets 80 columns from Spectre, too narrow for thirteen; a report file is read wide.
        if (Console.IsOutputRedirected) console.Profile.Width = Math.Max(console.Profile.Width, 160);
        var runs = new Table().Title($"end to end — {report.Configuration}, {report.Files} files, {report.Machine.Cores} cores")
            .AddColumns("workers", "engines/worker", "docs", "failed", "docs/s", "p50 s", "p95 s", "p99 s", "CPU s/doc", "peak MB/worker", "growth MB", "÷ ceiling", "÷ CLI");
        foreach (var r in report.Runs)
            runs.AddRow(I(r.Workers), I(r.EnginesPerWorker), I(r.Documents), I(r.Failed), F(r.DocumentsPerSecond, "0.000"),
                F(r.LatencyMs.P50 / 1000, "0.00"), F(r.LatencyMs.P95 / 1000, "0.00"), F(r.LatencyMs.P99 / 1000, "0.00"),
                F(r.CpuSecondsPerDocument, "0.00"), string.Join(" / ", r.PeakMemoryMb.Select(m => F(m, "0"))), F(r.MemoryGrowthMb, "0"),
                F(r.RatioToCeiling, "0.00"), F(r.RatioToCli, "0.00"));
        console.Write(runs);
        console.WriteLine(OcrLine(report));
        console.WriteLine(EnvironmentLine(report));
        foreach (var r in report.Runs.Where(r => r.Memory.Samples.Count > 0))
            console.WriteLine(MemoryLine(r));
        foreach (var r in report.Runs.Where(r => r.CpuSecondsPerDocumentByProcess.Count > 0 || r.Services.Count > 0))
            console.WriteLine(CpuLine(r));

        var stages = new Table().Title("per-stage median (p95) ms").AddColumn("workers");
        var names = report.Runs.SelectMany(r => r.StagesMs.Keys).Distinct().ToList();
        foreach (var name in names) stages.AddColumn(name);
        foreach (var r in report.Runs)
            stages.AddRow([I(r.Workers), .. names.Select(n => r.StagesMs.TryGetValue(n, out var d) ? $"{F(d.P50, "0")} ({F(d.P95, "0")})" : "-")]);
        console.Write(stages);

        foreach (var r in report.Runs.Where(r => r.OcrPasses.Count > 0))
            console.Write(PassTable(r));

        var baselines = new Table().Title("baselines on the same files").AddColumns("baseline", "parallel", "docs", "pages", "failed", "seconds", "docs/s");
        foreach (var b in new[] { report.OcrCeiling, report.TesseractCli }.OfType<BaselineResult>())
            baselines.AddRow(b.Name, I(b.Parallelism), I(b.Documents), I(b.Pages), I(b.Failed), F(b.Seconds, "0.0"), F(b.DocumentsPerSecond, "0.000"));
        if (baselines.Rows.Count > 0) console.Write(baselines);
        foreach (var b in new[] { report.OcrCeiling, report.TesseractCli }.OfType<BaselineResult>())
            foreach (var error in b.Errors) console.MarkupLineInterpolated($"[yellow]{b.Name}: {error}[/]");
    }

    /// <summary>One line per run: growth from the tenths' medians, the trends, and the median RSS per 100 documents.</summary>
    public static string MemoryLine(RunResult r)
    {
        var m = r.Memory;
        var windows = string.Join(" ", m.Windows.Select(w => $"{I(w.FromDocument)}:{F(w.RssMb, "0")}/{F(w.PeakMb, "0")}"));
        return $"memory, {I(r.Workers)} worker(s): RSS median first tenth {F(m.EarlyMedianMb, "0")} MB, last tenth {F(m.LateMedianMb, "0")} MB, " +
            $"growth {F(m.GrowthMb, "0")} MB (end − start {F(m.EndpointGrowthMb, "0")}), trend {F(m.TrendMbPer100Documents, "0.0")} MB/100 docs " +
            $"(second half {F(m.SecondHalfTrendMbPer100Documents, "0.0")}); per 100 docs, median RSS/peak: {windows}";
    }

    /// <summary>Scaled out, one line per run: CPU seconds per document by process, then each server's (or why it was not measured).</summary>
    public static string CpuLine(RunResult r)
    {
        var processes = r.CpuSecondsPerDocumentByProcess.Select(p => $"{p.Key} {F(p.Value, "0.000")}");
        var services = r.Services.Select(s => s.CpuSecondsPerDocument is { } cpu
            ? $"{s.Name} {F(cpu, "0.000")} ({s.Process}, pid {I(s.ProcessId)}, with its children)"
            : $"{s.Name} not measured ({s.Endpoint}: {s.NotMeasured})");
        return $"CPU s per document, {I(r.Workers)} worker(s): {string.Join(", ", processes.Concat(services))}";
    }

    /// <summary>Per kind of Tesseract pass, per measured document: calls, single-line regions, thread CPU and the part of it
    /// inside Tesseract (the rest is the pass's image work: preparing the page, the script guess, the ink search), and how
    /// often its result was kept.</summary>
    public static Table PassTable(RunResult r)
    {
        var documents = Math.Max(1, r.Documents);
        var table = new Table().Title($"OCR passes, {I(r.Workers)} worker(s), per document")
            .AddColumns("pass", "calls", "regions", "CPU s", "in Tesseract", "share of pass CPU", "kept");
        var total = r.OcrPasses.Sum(p => p.CpuSeconds);
        foreach (var p in r.OcrPasses)
            table.AddRow(p.Pass.ToString(), F((double)p.Calls / documents, "0.00"), F((double)p.Regions / documents, "0.0"),
                F(p.CpuSeconds / documents, "0.000"), F(p.TesseractCpuSeconds / documents, "0.000"), total > 0 ? F(p.CpuSeconds / total, "0%") : "-",
                p.Calls > 0 ? $"{p.Kept}/{p.Calls}" : "-");
        table.AddRow("all passes", "", "", F(total / documents, "0.000"), F(r.OcrPasses.Sum(p => p.TesseractCpuSeconds) / documents, "0.000"), "", "");
        return table;
    }

    private static string I(int value) => value.ToString(C);

    private static string F(double value, string format) => value.ToString(format, C);
}
