using System.CommandLine;
using System.Globalization;
using ClaimVision.Benchmarks;
using ClaimVision.Benchmarks.EndToEnd;
using ClaimVision.Benchmarks.Micro;
using ClaimVision.Benchmarks.Reporting;
using ClaimVision.Pipeline.Hosting;
using ClaimVision.Vision.Ocr;
using ClaimVision.Worker;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace ClaimVision.Cli.Commands;

/// <summary>
/// <c>claimvision bench --input DIR [--config embedded|scaled-out] [--workers 1,2] [--warmup N] [--count N | --duration S] [--out DIR]</c>:
/// end-to-end throughput and latency through the real runtime, beside the OCR ceiling and the parallel tesseract CLI on the
/// same files. Subcommands: <c>ocr</c> (analyze against the CLI), <c>micro</c> (BenchmarkDotNet), and the hidden
/// <c>worker</c> the scaled-out configuration starts.
/// </summary>
public static class BenchCommand
{
    public const string DefaultPolicy = "cn-poverty-labour-inpatient";

    public static Command Create()
    {
        var input = new Option<DirectoryInfo?>("--input") { Description = "Folder of document images (searched recursively; an image beside a claim.json takes that claim's policy and insured)." };
        var config = new Option<string>("--config") { Description = "embedded (API + consumers in this process, as serve) or scaled-out (RabbitMQ + Azurite + PostgreSQL from ClaimVision__* or CLAIMVISION_TEST_* settings, worker processes).", DefaultValueFactory = _ => "embedded" };
        var workers = new Option<string>("--workers") { Description = "Comma-separated worker counts: OCR engines in the one process (embedded) or worker processes (scaled-out).", DefaultValueFactory = _ => Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) };
        var engines = new Option<int?>("--engines-per-worker") { Description = "Scaled-out: OCR engines per worker process (default: cores ÷ workers, at least 1)." };
        var warmup = new Option<int>("--warmup") { Description = "Documents submitted before measuring.", DefaultValueFactory = _ => 4 };
        var count = new Option<int?>("--count") { Description = "Documents measured per worker count, cycling over the files (default: one pass over the files)." };
        var duration = new Option<double?>("--duration") { Description = "Measure for this many seconds instead of a document count." };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N images of the folder." };
        var policy = new Option<string>("--policy") { Description = "Policy id for images without a claim.json.", DefaultValueFactory = _ => DefaultPolicy };
        var language = new Option<string>("--lang") { Description = "OCR language of the ceiling baseline, as the analyzer's (auto, eng, chi_sim).", DefaultValueFactory = _ => OcrOptions.Auto };
        var noBaselines = new Option<bool>("--no-baselines") { Description = "Skip the OCR ceiling and tesseract CLI baselines." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Write bench.json and bench.svg here." };
        var bench = new Command("bench", "End-to-end throughput and latency against the OCR ceiling and the tesseract CLI; subcommands for OCR only and micro-benchmarks.")
        {
            input, config, workers, engines, warmup, count, duration, limit, policy, language, noBaselines, output,
        };
        bench.Subcommands.Add(BenchOcrCommand.CreateOcr());
        bench.Subcommands.Add(CreateMicro());
        bench.Subcommands.Add(CreateWorker());
        bench.SetAction((parse, ct) => RunAsync(new Arguments(
            parse.GetValue(input), parse.GetValue(config)!, parse.GetValue(workers)!, parse.GetValue(engines), parse.GetValue(warmup),
            parse.GetValue(count), parse.GetValue(duration), parse.GetValue(limit), parse.GetValue(policy)!, parse.GetValue(language)!,
            parse.GetValue(noBaselines), parse.GetValue(output)), ct));
        return bench;
    }

    private sealed record Arguments(DirectoryInfo? Input, string Config, string Workers, int? EnginesPerWorker, int Warmup, int? Count,
        double? Duration, int? Limit, string Policy, string Language, bool NoBaselines, DirectoryInfo? Output);

    private static async Task<int> RunAsync(Arguments a, CancellationToken ct)
    {
        if (Validate(a) is { } problem)
        {
            Console.Error.WriteLine($"bench: {problem}");
            return 2;
        }
        OcrOptions ocr;
        try
        {
            // Before any host starts: a host that cannot build its engines fails its start with a logged stack trace.
            // The pool checks the options when it is built and creates no engine until one is asked for.
            ocr = EnvironmentOcr.Read();
            using (new EnginePool(ocr)) { }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            Console.Error.WriteLine($"bench: {e.Message}");
            return 2;
        }
        var configuration = a.Config == "embedded" ? BenchConfiguration.Embedded : BenchConfiguration.ScaledOut;
        var files = BenchDocument.Find(a.Input!.FullName, a.Policy, a.Limit);
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"bench: {a.Input.FullName}: no JPEG, PNG, TIFF, BMP or WebP images.");
            return 2;
        }
        var options = new BenchOptions
        {
            Input = a.Input.FullName,
            Files = files,
            Configuration = configuration,
            Workers = ParseWorkers(a.Workers)!,
            EnginesPerWorker = a.EnginesPerWorker,
            Warmup = a.Warmup,
            Documents = a.Count ?? files.Count,
            Duration = a.Duration is { } s ? TimeSpan.FromSeconds(s) : null,
            Language = a.Language,
            // ClaimVision__Ocr__* reach the embedded host and the workers by themselves; the ceiling takes the same.
            Ocr = ocr,
            Baselines = !a.NoBaselines,
            Settings = configuration == BenchConfiguration.ScaledOut ? ScaledOutSettings() : new Dictionary<string, string>(),
            Engines = services => services.AddClaimVisionEngines(),
        };
        var report = await new BenchRunner(options, Console.Error).RunAsync(ct);
        ReportTable.Write(AnsiConsole.Console, report);
        if (a.Output is { } folder)
        {
            var (json, svg) = ReportJson.Write(report, folder.FullName);
            Console.WriteLine($"report: {json}\nchart:  {svg}");
        }
        return report.Runs.Any(r => r.Failed > 0) ? 1 : 0;
    }

    private static string? Validate(Arguments a)
    {
        if (a.Input is null) return "--input DIR is required (a folder of document images).";
        if (!a.Input.Exists) return $"{a.Input.FullName}: no such folder.";
        if (a.Config is not ("embedded" or "scaled-out")) return $"--config is '{a.Config}'; expected embedded or scaled-out.";
        if (ParseWorkers(a.Workers) is null) return $"--workers is '{a.Workers}'; expected positive integers separated by commas (1,2).";
        if (a.EnginesPerWorker is < 1) return "--engines-per-worker must be at least 1.";
        if (a.Warmup < 0 || a.Count is < 1 || a.Duration is <= 0 || a.Limit is < 1) return "--warmup must be ≥ 0; --count, --duration and --limit positive.";
        return null;
    }

    private static List<int>? ParseWorkers(string text)
    {
        var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var counts = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 0).ToList();
        return counts.Count == 0 || counts.Contains(0) ? null : counts;
    }

    /// <summary>
    /// RabbitMQ + PostgreSQL + Azurite. <c>ClaimVision__*</c> variables reach every host by themselves; the servers that
    /// <c>scripts/services.sh</c> started (its .services/env, CLAIMVISION_TEST_*) fill whatever those leave unset.
    /// </summary>
    private static Dictionary<string, string> ScaledOutSettings()
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void Set(string key, string value)
        {
            if (Environment.GetEnvironmentVariable(key.Replace(":", "__", StringComparison.Ordinal)) is null) settings[key] = value;
        }
        Set("ClaimVision:Transport", "rabbitmq");
        Set("ClaimVision:Store:Provider", "postgres");
        Set("ClaimVision:Blobs:Provider", "azure");
        if (Environment.GetEnvironmentVariable("CLAIMVISION_TEST_RABBITMQ") is { Length: > 0 } rabbit) Set("ClaimVision:RabbitMq:Uri", rabbit);
        if (Environment.GetEnvironmentVariable("CLAIMVISION_TEST_POSTGRES") is { Length: > 0 } pg) Set("ClaimVision:Store:ConnectionString", pg);
        if (Environment.GetEnvironmentVariable("CLAIMVISION_TEST_AZURITE") is { Length: > 0 } blobs) Set("ClaimVision:Blobs:ConnectionString", blobs);
        return settings;
    }

    private static Command CreateMicro()
    {
        var micro = new Command("micro", "BenchmarkDotNet micro-benchmarks of the hot managed paths (in process, short runs); BenchmarkDotNet arguments pass through, e.g. --filter '*Normaliser*'.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        micro.SetAction(parse => MicroBenchmarks.Run([.. parse.UnmatchedTokens]));
        return micro;
    }

    /// <summary>One scaled-out worker: the Worker's host with the production engines; settings from ClaimVision__* variables.</summary>
    private static Command CreateWorker()
    {
        var worker = new Command(WorkerProcesses.WorkerCommand, "Run one worker (started by bench --config scaled-out).") { Hidden = true };
        worker.SetAction(async (_, ct) =>
        {
            using var host = WorkerHost.Create([], services => services.AddClaimVisionEngines());
            await host.RunAsync(ct);
            return 0;
        });
        return worker;
    }
}
