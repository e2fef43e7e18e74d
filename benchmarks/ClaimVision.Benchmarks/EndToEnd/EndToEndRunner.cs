using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using ClaimVision.Api;
using ClaimVision.Benchmarks.Reporting;
using ClaimVision.Benchmarks.Stats;
using ClaimVision.Vision.Ocr;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimVision.Benchmarks.EndToEnd;

/// <summary>Embedded: API and consumers in this process (as <c>serve</c>). Scaled out: this process is the API, worker processes consume.</summary>
public enum BenchConfiguration
{
    Embedded,
    ScaledOut,
}

/// <summary>One end-to-end run.</summary>
public sealed record EndToEndSettings
{
    public required BenchConfiguration Configuration { get; init; }
    /// <summary>Embedded: OCR engines in the one process. Scaled out: worker processes.</summary>
    public required int Workers { get; init; }
    /// <summary>Scaled out: OCR engines per worker process.</summary>
    public required int EnginesPerWorker { get; init; }
    public required IReadOnlyList<BenchDocument> Files { get; init; }
    /// <summary>Documents submitted before measuring (engines and models initialise, JIT settles).</summary>
    public required int Warmup { get; init; }
    /// <summary>Documents measured (cycling over the files); ignored when <see cref="Duration"/> is set.</summary>
    public required int Documents { get; init; }
    public TimeSpan? Duration { get; init; }
    /// <summary><c>ClaimVision:*</c> settings for every host of the run (transport, stores, models …).</summary>
    public required IReadOnlyDictionary<string, string> Settings { get; init; }
    /// <summary>Registers the analysis engines in the embedded host (as <c>serve</c> does).</summary>
    public required Action<IServiceCollection> Engines { get; init; }
    /// <summary>The longest a claim may take before it counts as failed.</summary>
    public TimeSpan ClaimTimeout { get; init; } = TimeSpan.FromMinutes(5);
}

/// <summary>
/// Drives the real runtime: claims go in through <c>POST /claims</c> of the same host <c>serve</c> runs, and the run ends
/// for a claim when its RecommendationReady is published. A closed loop keeps twice the engines' worth of claims in
/// flight, enough to keep every engine busy while latency still means something. Progress goes to <c>progress</c>.
/// </summary>
public sealed class EndToEndRunner(EndToEndSettings settings, TextWriter progress)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly string _runId = Guid.NewGuid().ToString("N")[..8];

    private sealed record Sample(double LatencyMs, ClaimOutcome? Outcome, DateTimeOffset SubmittedAt);

    public async Task<RunResult> RunAsync(CancellationToken ct)
    {
        var embedded = settings.Configuration == BenchConfiguration.Embedded;
        var totalEngines = embedded ? settings.Workers : settings.Workers * settings.EnginesPerWorker;
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"claimvision-bench-{_runId}");
        var hostSettings = new Dictionary<string, string>(settings.Settings, StringComparer.OrdinalIgnoreCase)
        {
            ["ClaimVision:DataDirectory"] = dataDirectory,
            ["Logging:LogLevel:Default"] = "Warning",
        };
        var workerSettings = new Dictionary<string, string>(hostSettings, StringComparer.OrdinalIgnoreCase)
        {
            ["ClaimVision:OcrEngines"] = Invariant(settings.EnginesPerWorker),
            ["ClaimVision:Analysis:Concurrency"] = Invariant(settings.EnginesPerWorker),
        };
        if (embedded)
        {
            hostSettings["ClaimVision:OcrEngines"] = Invariant(settings.Workers);
            hostSettings["ClaimVision:Analysis:Concurrency"] = Invariant(settings.Workers);
        }
        else hostSettings["ClaimVision:RunConsumers"] = "false";

        string[] args = ["--urls=http://127.0.0.1:0", .. hostSettings.Select(s => $"--{s.Key}={s.Value}")];
        var app = ClaimVisionServer.Create(args, embedded ? settings.Engines : _ => { });
        WorkerProcesses? workers = null;
        try
        {
            await app.StartAsync(ct);
            var tracker = await OutcomeTracker.ConnectAsync(app.Services.GetRequiredService<IBus>(), ct);
            await using var _ = tracker;
            if (!embedded)
            {
                workers = WorkerProcesses.Start(settings.Workers, workerSettings);
                await workers.WaitUntilReadyAsync(TimeSpan.FromMinutes(2), ct);
            }
            var analysing = embedded ? [Environment.ProcessId] : workers!.ProcessIds;
            var everyone = analysing.Append(Environment.ProcessId).Distinct().ToList();
            // Scaled out: the servers on this machine are found by their ports, to say what they cost per document too.
            var services = embedded ? [] : ServiceProcesses.Locate(ServiceProcesses.Endpoints(hostSettings, Environment.GetEnvironmentVariable));
            using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = settings.ClaimTimeout };

            var label = embedded ? $"embedded, {settings.Workers} engine(s)" : $"scaled-out, {settings.Workers} worker(s) × {settings.EnginesPerWorker}";
            await DriveAsync(http, tracker, workers, "warm-up " + label, settings.Warmup, null, 2 * totalEngines, 0, null, ct);

            foreach (var pid in analysing) ProcessProbe.ResetPeak(pid);
            var memory = new MemorySampler(analysing, embedded);
            memory.Take(0);
            var passesBefore = OcrPassCounter.Process.Snapshot();
            var apiBefore = ProcessProbe.CpuTime(Environment.ProcessId);
            var cpuBefore = everyone.Select(ProcessProbe.CpuTime).Aggregate(TimeSpan.Zero, (a, b) => a + b);
            var servicesBefore = services.Select(s => s.ProcessId > 0 ? ServiceProcesses.TreeCpu(s.ProcessId) : TimeSpan.Zero).ToList();
            var clock = Stopwatch.StartNew();
            var samples = await DriveAsync(http, tracker, workers, label, settings.Documents, settings.Duration, 2 * totalEngines, settings.Warmup, memory, ct);
            var seconds = clock.Elapsed.TotalSeconds;
            var cpu = everyone.Select(ProcessProbe.CpuTime).Aggregate(TimeSpan.Zero, (a, b) => a + b) - cpuBefore;
            var apiCpu = ProcessProbe.CpuTime(Environment.ProcessId) - apiBefore;
            // A server that exited or restarted during the run reads less than before: not measured rather than negative.
            var servicesCpu = services.Select((s, i) => s.ProcessId > 0 ? ServiceProcesses.TreeCpu(s.ProcessId) - servicesBefore[i] : TimeSpan.Zero).ToList();
            services = [.. services.Select((s, i) => s.ProcessId > 0 && (servicesCpu[i] < TimeSpan.Zero || !ServiceProcesses.Alive(s.ProcessId))
                ? s with { ProcessId = 0, NotFound = $"its process {s.ProcessId.ToString(CultureInfo.InvariantCulture)} exited during the run" }
                : s)];
            double PerDocument(TimeSpan t) => samples.Count == 0 ? 0 : Math.Round(t.TotalSeconds / samples.Count, 3);
            // Worker processes count their own passes; only the embedded run analyses in this process.
            var passes = embedded ? OcrPassCounter.Difference(passesBefore, OcrPassCounter.Process.Snapshot()) : [];
            var peaks = memory.Peaks();
            var curve = memory.Curve();

            var done = samples.Where(s => s.Outcome is not null).ToList();
            return new RunResult
            {
                Workers = settings.Workers,
                EnginesPerWorker = embedded ? settings.Workers : settings.EnginesPerWorker,
                Documents = samples.Count,
                Failed = samples.Count(s => s.Outcome is null or { Rejected: true }),
                Seconds = Math.Round(seconds, 3),
                LatencyMs = Distribution.Of(done.Select(s => s.LatencyMs)),
                StagesMs = Stages(done),
                CpuSecondsPerDocument = PerDocument(cpu),
                CpuSecondsPerDocumentByProcess = embedded
                    ? new Dictionary<string, double>()
                    : new Dictionary<string, double> { ["api"] = PerDocument(apiCpu), ["workers"] = PerDocument(cpu - apiCpu) },
                Services = [.. services.Select((s, i) => new ServiceCpu
                {
                    Name = s.Endpoint.Name,
                    Endpoint = $"{s.Endpoint.Host}:{s.Endpoint.Port.ToString(CultureInfo.InvariantCulture)}",
                    ProcessId = s.ProcessId,
                    Process = s.Process,
                    CpuSecondsPerDocument = s.ProcessId > 0 ? PerDocument(servicesCpu[i]) : null,
                    NotMeasured = s.NotFound,
                })],
                PeakMemoryMb = peaks,
                MemoryGrowthMb = curve.GrowthMb,
                Memory = curve,
                OcrPasses = passes,
            };
        }
        finally
        {
            workers?.Dispose();
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
            TryDelete(dataDirectory);
        }
    }

    /// <summary>Per stage: the analyzer's own timings, then what message times tell (assessment, waiting before analysis).</summary>
    internal static Dictionary<string, Distribution> Stages(IReadOnlyList<(double LatencyMs, ClaimOutcome? Outcome, DateTimeOffset SubmittedAt)> samples)
    {
        var stages = new Dictionary<string, Distribution>(StringComparer.Ordinal);
        foreach (var stage in new[] { "decode", "preprocess", "classify", "ocr", "extract" })
            stages[stage] = Distribution.Of(samples.Where(s => s.Outcome?.TimingsMs?.ContainsKey(stage) == true).Select(s => s.Outcome!.TimingsMs![stage]));
        var analysed = samples.Where(s => s.Outcome is { AnalyzedSentAt: not null, TimingsMs: not null }).ToList();
        // DocumentAnalyzed is published when analysis ends: minus the analysis itself, the rest since submission is
        // intake (blob + store + publish), the queue, the blob fetch and the report store.
        stages["queueWait"] = Distribution.Of(analysed.Select(s =>
            (s.Outcome!.AnalyzedSentAt!.Value - s.SubmittedAt).TotalMilliseconds - s.Outcome.TimingsMs!.GetValueOrDefault("total")));
        stages["assess"] = Distribution.Of(analysed.Select(s => (s.Outcome!.RecommendedAt - s.Outcome.AnalyzedSentAt!.Value).TotalMilliseconds));
        return stages;
    }

    private static Dictionary<string, Distribution> Stages(List<Sample> samples) =>
        Stages(samples.Select(s => (s.LatencyMs, s.Outcome, s.SubmittedAt)).ToList());

    private async Task<List<Sample>> DriveAsync(HttpClient http, OutcomeTracker tracker, WorkerProcesses? workers, string label,
        int count, TimeSpan? duration, int inFlight, int offset, MemorySampler? memory, CancellationToken ct)
    {
        var samples = new ConcurrentBag<Sample>();
        if (count <= 0 && duration is null) return [.. samples];
        using var gate = new SemaphoreSlim(inFlight);
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>();
        using var report = new CancellationTokenSource();
        var reporter = ReportAsync(label, samples, clock, count, duration, memory, report.Token);
        for (var i = 0; duration is { } d ? clock.Elapsed < d : i < count; i++)
        {
            await gate.WaitAsync(ct);
            workers?.ThrowIfAnyExited();
            var document = settings.Files[(offset + i) % settings.Files.Count];
            var claimId = $"bench-{_runId}-{offset + i}";
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    samples.Add(await SubmitAndWaitAsync(http, tracker, document, claimId, ct));
                    memory?.Take(samples.Count, Path.GetFileName(document.File));
                }
                finally
                {
                    gate.Release();
                }
            }, ct));
        }
        await Task.WhenAll(tasks);
        await report.CancelAsync();
        await reporter;
        return [.. samples];
    }

    private async Task<Sample> SubmitAndWaitAsync(HttpClient http, OutcomeTracker tracker, BenchDocument document, string claimId, CancellationToken ct)
    {
        var waiter = tracker.WaitAsync(claimId);
        var submitted = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        try
        {
            using var form = new MultipartFormDataContent();
            var claim = JsonSerializer.Serialize(new { claimId, policyId = document.PolicyId, insured = document.Insured }, Json);
            form.Add(new StringContent(claim, System.Text.Encoding.UTF8, "application/json"), "claim");
            var file = new ByteArrayContent(await File.ReadAllBytesAsync(document.File, ct));
            file.Headers.ContentType = new MediaTypeHeaderValue(ContentType(document.File));
            form.Add(file, "files", Path.GetFileName(document.File));
            using var response = await http.PostAsync("/claims", form, ct);
            if (!response.IsSuccessStatusCode)
            {
                await progress.WriteLineAsync($"{Path.GetFileName(document.File)}: POST /claims answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                return new Sample(clock.Elapsed.TotalMilliseconds, null, submitted);
            }
            var outcome = await waiter.WaitAsync(settings.ClaimTimeout, ct);
            return new Sample((outcome.RecommendedAt - submitted).TotalMilliseconds, outcome, submitted);
        }
        catch (Exception e) when (e is TimeoutException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            await progress.WriteLineAsync($"{Path.GetFileName(document.File)} (claim {claimId}): {e.GetType().Name}: {e.Message}");
            return new Sample(clock.Elapsed.TotalMilliseconds, null, submitted);
        }
        finally
        {
            tracker.Forget(claimId);
        }
    }

    private async Task ReportAsync(string label, ConcurrentBag<Sample> samples, Stopwatch clock, int count, TimeSpan? duration, MemorySampler? memory, CancellationToken ct)
    {
        var target = duration is { } d ? string.Create(CultureInfo.InvariantCulture, $"{d.TotalSeconds:0} s") : Invariant(count);
        void Line()
        {
            var done = samples.ToArray();
            var rate = clock.Elapsed.TotalSeconds > 0 ? done.Length / clock.Elapsed.TotalSeconds : 0;
            var p50 = done.Length == 0 ? 0 : Distribution.Median(done.Select(s => s.LatencyMs)) / 1000;
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"[{label}] {done.Length}/{target} documents, {clock.Elapsed.TotalSeconds:0}s, {rate:0.00} docs/s, p50 {p50:0.0}s, failed {done.Count(s => s.Outcome is null or { Rejected: true })}{(memory?.Latest is { } m ? $", RSS {m.RssMb:0} MB" : "")}"));
        }
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                Line();
            }
        }
        catch (OperationCanceledException)
        {
            Line();
        }
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".tif" or ".tiff" => "image/tiff",
        _ => "application/octet-stream",
    };

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // a temp folder left behind is harmless
        }
    }
}
