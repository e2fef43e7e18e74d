using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace ClaimVision.Benchmarks.EndToEnd;

/// <summary>
/// Worker processes for the scaled-out configuration: this same program started again as <c>claimvision bench worker</c>,
/// which runs the Worker's host (<c>WorkerHost</c>) with the production engines. Settings go in as
/// <c>ClaimVision__*</c> environment variables, exactly as a deployment passes them.
/// </summary>
public sealed class WorkerProcesses : IDisposable
{
    private const int OutputTail = 8000;
    private readonly List<(Process Process, StringBuilder Output)> _workers = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<StringBuilder, bool> _ready = new();

    /// <summary>The subcommand (under <c>bench</c>) that runs one worker.</summary>
    public const string WorkerCommand = "worker";

    public IReadOnlyList<int> ProcessIds => _workers.Select(w => w.Process.Id).ToList();

    /// <summary>
    /// Runtime settings of the deployed worker program (ClaimVision.Worker sets them in its project file) that this program
    /// does not have, given to the bench's worker processes so that they run as deployed workers do; a variable already set
    /// in the environment wins. Tiered compilation is off for the worker: a long-running host of native work gains nothing
    /// from a quick first tier and keeps both tiers' code (docs/scaling.md, twenty-third session), while claimvision's
    /// short commands start faster with it on.
    /// </summary>
    public static IReadOnlyDictionary<string, string> WorkerRuntime { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["DOTNET_TieredCompilation"] = "0",
    };

    /// <summary>Adds <see cref="WorkerRuntime"/> to a worker's environment (inherited variables and settings already in
    /// it) where neither the <c>DOTNET_</c> variable nor its older <c>COMPlus_</c> name is set.</summary>
    public static void ApplyWorkerRuntime(IDictionary<string, string?> environment)
    {
        foreach (var (key, value) in WorkerRuntime)
        {
            var legacy = "COMPlus_" + key["DOTNET_".Length..];
            if (!environment.ContainsKey(key) && !environment.ContainsKey(legacy)) environment[key] = value;
        }
    }

    public static WorkerProcesses Start(int count, IReadOnlyDictionary<string, string> settings)
    {
        var workers = new WorkerProcesses();
        try
        {
            for (var i = 0; i < count; i++) workers.StartOne(settings);
            return workers;
        }
        catch
        {
            workers.Dispose();
            throw;
        }
    }

    private void StartOne(IReadOnlyDictionary<string, string> settings)
    {
        var (file, prefix) = SelfCommand();
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in prefix.Concat(["bench", WorkerCommand])) start.ArgumentList.Add(argument);
        foreach (var (key, value) in settings) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        ApplyWorkerRuntime(start.Environment);
        start.Environment["Logging__LogLevel__MassTransit"] = "Information"; // "Bus started" tells the worker is ready
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start a worker process ({file}).");
        var output = new StringBuilder();
        void Append(object? _, DataReceivedEventArgs e)
        {
            if (e.Data is null) return;
            if (e.Data.Contains(ReadyMarker, StringComparison.Ordinal)) _ready[output] = true;
            lock (output)
            {
                output.AppendLine(e.Data);
                if (output.Length > 2 * OutputTail) output.Remove(0, output.Length - OutputTail);
            }
        }
        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _workers.Add((process, output));
    }

    /// <summary>
    /// Waits until every worker's bus has started (MassTransit logs "Bus started"): on a fresh broker a claim published
    /// before the workers have declared their queues would have nowhere to go.
    /// </summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        while (!_workers.All(w => _ready.ContainsKey(w.Output)))
        {
            ThrowIfAnyExited();
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"The worker processes did not start their bus within {timeout.TotalSeconds:0} s.");
            await Task.Delay(200, ct);
        }
    }

    private const string ReadyMarker = "Bus started";

    /// <summary>Throws with the worker's last output when one has exited: the benchmark would otherwise wait for nothing.</summary>
    public void ThrowIfAnyExited()
    {
        foreach (var (process, output) in _workers)
            if (process.HasExited)
            {
                string tail;
                lock (output) tail = output.Length > OutputTail ? output.ToString()[^OutputTail..] : output.ToString();
                throw new InvalidOperationException($"Worker process {process.Id} exited with code {process.ExitCode}:\n{tail}");
            }
    }

    /// <summary>How to start this program again: the apphost itself, or <c>dotnet claimvision.dll</c>.</summary>
    private static (string File, string[] Prefix) SelfCommand()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("Cannot tell which program is running.");
        var name = Path.GetFileNameWithoutExtension(path);
        if (!name.Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return (path, []);
        var entry = Assembly.GetEntryAssembly()?.Location;
        return string.IsNullOrEmpty(entry) ? throw new InvalidOperationException("Cannot find the entry assembly to start workers.") : (path, [entry]);
    }

    public void Dispose()
    {
        foreach (var (process, _) in _workers)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(10_000);
                }
            }
            catch (InvalidOperationException)
            {
                // already gone
            }
            process.Dispose();
        }
        _workers.Clear();
    }
}
