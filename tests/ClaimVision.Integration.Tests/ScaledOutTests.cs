using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ClaimVision.Integration.Tests.Runtime;
using ClaimVision.TestWorker;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace ClaimVision.Integration.Tests;

/// <summary>
/// The scaled-out shape against real servers (RabbitMQ, PostgreSQL, Azurite from scripts/services.sh): the API in
/// this process publishing only, two worker processes competing for the queues, and faults injected mid-run.
/// Every test asserts that every document ends with exactly one outcome and prints pushed / lost / doubled.
/// </summary>
[Collection(ScaledOutServers.Name)]
public sealed class ScaledOutTests(ITestOutputHelper output)
{
    private const int DocumentsPerClaim = 3;

    private static Dictionary<string, string> WorkerSettings(int delayMs) => new(TestEnvironment.ScaledOut())
    {
        ["ClaimVision:Analysis:Concurrency"] = "2",
        ["ClaimVision:Test:AnalysisDelayMs"] = delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:MassTransit"] = "Information",
    };

    private static Dictionary<string, string> ApiSettings() => new(TestEnvironment.ScaledOut()) { ["ClaimVision:RunConsumers"] = "false" };

    [Fact]
    public async Task Two_worker_processes_return_every_recommendation() =>
        await RunAsync("scale", claims: 12, delayMs: 50, fault: null);

    [Fact]
    public async Task Queue_depth_of_the_rabbitmq_queues_is_reported()
    {
        await using var api = await ApiHost.StartAsync(ApiSettings());
        _ = api.Services.GetRequiredService<ClaimVision.Pipeline.Telemetry.ClaimVisionMetrics>();
        var queues = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "claimvision.queue.depth") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) => queues[(string)tags.ToArray().Single(t => t.Key == "queue").Value!] = value);
        listener.Start();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!queues.ContainsKey("analyze-document") && DateTime.UtcNow < until)
        {
            listener.RecordObservableInstruments();
            await Task.Delay(200);
        }
        Assert.True(queues.ContainsKey("analyze-document"), "no depth reported for analyze-document");
    }

    [Fact]
    public async Task A_claim_whose_assessment_fails_every_retry_goes_to_review_and_the_others_are_paid()
    {
        var settings = new Dictionary<string, string>(WorkerSettings(0))
        {
            ["ClaimVision:Retry:Limit"] = "2",
            ["ClaimVision:Retry:MinIntervalMs"] = "20",
            ["ClaimVision:Retry:MaxIntervalMs"] = "100",
        };
        using var worker = await WorkerProcess.StartAsync("assess", settings);
        try
        {
            await using var api = await ApiHost.StartAsync(ApiSettings());
            var run = Guid.NewGuid().ToString("n")[..8];
            var good = $"assess-{run}-good";
            var bad = $"assess-{run}-bad";
            (await api.Client.SubmitAsync(good, ("a.png", ScriptedAnalyzer.Document(12, good)))).Dispose();
            (await api.Client.SubmitAsync(bad, ("a.png", ScriptedAnalyzer.Document(SumAssessment.CrashingTotal, bad)), ("b.png", ScriptedAnalyzer.Document(3, bad)))).Dispose();

            var seen = await api.Client.WaitForRecommendationsAsync([good, bad], TimeSpan.FromSeconds(90));

            Assert.Equal(12m, (decimal)seen[good]["recommendation"]!["payableAmount"]!);
            var failed = seen[bad]["recommendation"]!;
            Assert.Equal("review", (string?)failed["decision"]);
            Assert.Equal(0m, (decimal)failed["payableAmount"]!);
            Assert.Equal("assessment-failed", (string?)failed["factors"]!.AsArray().Single()!["name"]);
            Assert.Contains(bad, (string?)failed["reasons"]!.AsArray().Single());
        }
        catch
        {
            output.WriteLine($"--- worker {worker.Name}:\n{Tail(worker.Output)}");
            throw;
        }
    }

    [Fact]
    public async Task A_worker_killed_with_SIGKILL_while_holding_messages_loses_nothing() =>
        await RunAsync("sigkill", claims: 10, delayMs: 400, fault: async ctx =>
        {
            ctx.Workers[0].Kill();
            ctx.Log($"SIGKILLed worker {ctx.Workers[0].Name} (pid {ctx.Workers[0].Id})");
            ctx.Workers.Add(await WorkerProcess.StartAsync("replacement", WorkerSettings(400)));
        });

    [Fact]
    public async Task A_broker_restart_mid_run_loses_nothing() =>
        await RunAsync("broker", claims: 10, delayMs: 200, fault: async ctx =>
        {
            await RabbitCtlAsync("stop_app");
            ctx.Log("rabbitmq app stopped");
            await Task.Delay(TimeSpan.FromSeconds(5));
            await RabbitCtlAsync("start_app");
            ctx.Log("rabbitmq app started");
        });

    [Fact]
    public async Task The_blob_store_down_for_a_while_loses_nothing() =>
        await RunAsync("blobs", claims: 10, delayMs: 200, fault: async ctx =>
        {
            var pidFile = Path.Combine(Checkout.Root, ".services", "azurite", "azurite.pid");
            var pid = int.Parse((await File.ReadAllTextAsync(pidFile)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            // SIGTERM, not SIGKILL: Azurite keeps its metadata in memory and saves it on shutdown, so a SIGKILL would lose
            // acknowledged writes — something Azure Blob Storage never does, and not the fault under test (unavailability).
            await RunAsync("kill", "-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await Bounded.WaitAsync(UntilExitedAsync(pid), TimeSpan.FromSeconds(60), $"Azurite's exit after SIGTERM (pid {pid})");
            ctx.Log("azurite stopped");
            await Task.Delay(TimeSpan.FromSeconds(6));
            await RunAsync("bash", Path.Combine(Checkout.Root, "scripts", "services.sh"), "start");
            ctx.Log("azurite restarted");
        });

    private sealed record FaultContext(List<WorkerProcess> Workers, Action<string> Log);

    private async Task RunAsync(string name, int claims, int delayMs, Func<FaultContext, Task>? fault)
    {
        var workers = new List<WorkerProcess>();
        try
        {
            workers.Add(await WorkerProcess.StartAsync("a", WorkerSettings(delayMs)));
            workers.Add(await WorkerProcess.StartAsync("b", WorkerSettings(delayMs)));
            await using var api = await ApiHost.StartAsync(ApiSettings());
            await using var ledger = await OutcomeLedger.ConnectAsync(api.Services.GetRequiredService<IBus>());

            var run = $"{name}-{Guid.NewGuid().ToString("n")[..8]}";
            var ids = new List<string>();
            for (var i = 0; i < claims; i++)
            {
                var id = $"{run}-{i}";
                var files = Enumerable.Range(0, DocumentsPerClaim).Select(d => ($"p{d}.png", ScriptedAnalyzer.Document(d + 1, $"{id}-{d}"))).ToArray();
                using var response = await api.Client.SubmitAsync(id, files);
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                ids.Add(id);
            }
            var pushed = claims * DocumentsPerClaim;

            if (fault is not null)
            {
                // Strike while work is in flight: some outcomes recorded, most still queued or held by a worker.
                var until = DateTime.UtcNow.AddSeconds(30);
                while (ledger.DocumentEvents < 4 && DateTime.UtcNow < until) await Task.Delay(50);
                await fault(new FaultContext(workers, output.WriteLine));
            }

            var seen = await api.Client.WaitForRecommendationsAsync(ids, TimeSpan.FromSeconds(180));
            await Task.Delay(500); // let late duplicate events, if any, arrive before counting
            var documents = seen.Values.SelectMany(c => c["documents"]!.AsArray()).ToList();
            var withOutcome = documents.Count(d => (string?)d!["status"] is "analyzed" or "rejected");
            var lost = pushed - withOutcome;
            var summary = $"[{name}] pushed {pushed} documents in {claims} claims: outcomes {withOutcome}, lost {lost}, " +
                $"doubled {ledger.DoubledDocuments} (outcome events {ledger.DocumentEvents}), recommendations {seen.Values.Count(c => c["recommendation"] is not null)}/{claims}, " +
                $"doubled recommendations {ledger.DoubledRecommendations}";
            output.WriteLine(summary);
            Console.WriteLine(summary);

            Assert.Equal(claims, seen.Values.Count(c => c["recommendation"] is not null));
            Assert.Equal(0, lost);
            Assert.Equal(0, ledger.DoubledDocuments);
            Assert.Equal(0, ledger.DoubledRecommendations);
            Assert.All(seen, c => Assert.Equal(DocumentsPerClaim * (DocumentsPerClaim + 1) / 2m, (decimal)c.Value["recommendation"]!["payableAmount"]!));
        }
        catch
        {
            foreach (var w in workers) output.WriteLine($"--- worker {w.Name}:\n{Tail(w.Output)}");
            throw;
        }
        finally
        {
            foreach (var w in workers) w.Dispose();
        }
    }

    /// <summary>
    /// Waits until a process that is not this one's child has exited. Process.WaitForExitAsync cannot be used: for a
    /// non-child it polls kill(pid, 0), which a zombie answers, so it never returns where nobody reaps the orphan.
    /// </summary>
    private static async Task UntilExitedAsync(int pid)
    {
        while (!HasExited(pid)) await Task.Delay(100);
    }

    /// <summary>Gone from /proc, or a zombie (state Z) waiting for a reaper: either way it has exited.</summary>
    private static bool HasExited(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true; // no such process (FileNotFound/DirectoryNotFound are IOExceptions), or it went while being read
        }
        var state = stat.LastIndexOf(')') is var close and > 0 && close + 2 < stat.Length ? stat[close + 2] : 'X';
        return state is 'Z' or 'X';
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : text[^4000..];

    private static Task RabbitCtlAsync(string command) =>
        RunAsync("/usr/lib/rabbitmq/bin/rabbitmqctl", "-q", "-n", TestEnvironment.RabbitNode, command);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["HOME"] = TestEnvironment.RabbitHome; // the Erlang cookie rabbitmqctl needs
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            await Bounded.WaitAsync(Task.WhenAll(stdout, stderr, process.WaitForExitAsync()), TimeSpan.FromMinutes(2), $"{file} {string.Join(' ', args)}");
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}");
    }
}

/// <summary>The scaled-out tests share one broker, database and blob account: they run one after another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaledOutServers
{
    public const string Name = "scaled-out";
}
