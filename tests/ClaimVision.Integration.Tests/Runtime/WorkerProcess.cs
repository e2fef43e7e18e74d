using System.Collections.Concurrent;
using System.Diagnostics;

namespace ClaimVision.Integration.Tests.Runtime;

/// <summary>A worker host in its own process (<c>dotnet ClaimVision.TestWorker.dll</c>), configured through environment variables.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(string name, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        var dll = WorkerDll();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in settings)
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Collect(e.Data);
        _process.ErrorDataReceived += (_, e) => Collect(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public int Id => _process.Id;

    public string Output => string.Join('\n', _output);

    /// <summary>Starts the worker and waits until its bus is connected (its queues and bindings exist).</summary>
    public static async Task<WorkerProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings)
    {
        var worker = new WorkerProcess(name, settings);
        var done = await Task.WhenAny(worker._started.Task, worker._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (done != worker._started.Task)
        {
            var output = worker.Output;
            worker.Dispose();
            throw new InvalidOperationException($"Worker {name} did not start its bus:\n{output}");
        }
        return worker;
    }

    /// <summary>The worker from its own build folder (same configuration as this test assembly), where its dependencies are complete.</summary>
    private static string WorkerDll()
    {
        var tfm = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfm.Parent!.Name;
        var dll = Path.Combine(Checkout.Root, "tests", "ClaimVision.TestWorker", "bin", configuration, tfm.Name, "ClaimVision.TestWorker.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"The test worker is not built at {dll}.", dll);
    }

    /// <summary>SIGKILL: no shutdown, unacknowledged messages stay with the broker.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        if (!_process.WaitForExit(TimeSpan.FromSeconds(30)))
            throw new InvalidOperationException($"Worker {Name} (pid {_process.Id}) was still running 30 s after SIGKILL.");
        // The timed wait does not wait for the redirected output to end; give its last lines a moment to arrive.
        using var drained = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try { _process.WaitForExitAsync(drained.Token).GetAwaiter().GetResult(); } catch (OperationCanceledException) { }
    }

    /// <summary>Kills the worker; never throws, so disposing one worker in a finally cannot leave the others running.</summary>
    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException e)
        {
            _output.Enqueue($"[test] {e.Message}");
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Collect(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        if (line.Contains("Bus started", StringComparison.Ordinal)) _started.TrySetResult();
    }
}
