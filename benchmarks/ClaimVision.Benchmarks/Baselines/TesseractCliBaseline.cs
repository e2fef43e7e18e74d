using System.ComponentModel;
using System.Diagnostics;
using ClaimVision.Benchmarks.Reporting;

namespace ClaimVision.Benchmarks.Baselines;

/// <summary>One file for the CLI baseline with the language model the pipeline chose for it.</summary>
public sealed record CliJob(string File, string Language);

/// <summary>
/// What a shell script around the command-line tool would do: <c>tesseract FILE stdout -l LANG</c>, one process
/// per file, as many at once as <c>parallelism</c>, each with OMP_THREAD_LIMIT=1 (as the pipeline's engines), so the
/// comparison is of the architectures. A file that fails (non-zero exit, or the tool cannot start) is counted and
/// named in <see cref="BaselineResult.Errors"/>; the other files go on.
/// </summary>
public sealed class TesseractCliBaseline(string executable = "tesseract")
{
    private const int MaxErrors = 10;

    public async Task<BaselineResult> RunAsync(IReadOnlyList<CliJob> jobs, int parallelism, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(jobs, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (job, ct) =>
        {
            if (await RunOneAsync(job, ct) is { } error)
            {
                Interlocked.Increment(ref failed);
                if (errors.Count < MaxErrors) errors.Enqueue(error);
            }
        });
        return new BaselineResult
        {
            Name = "tesseract CLI",
            Documents = jobs.Count,
            Pages = jobs.Count - failed,
            Failed = failed,
            Seconds = Math.Round(clock.Elapsed.TotalSeconds, 3),
            Parallelism = parallelism,
            Errors = [.. errors],
        };
    }

    /// <summary>Null on success, else what went wrong with which file.</summary>
    private async Task<string?> RunOneAsync(CliJob job, CancellationToken ct)
    {
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { job.File, "stdout", "-l", job.Language }) start.ArgumentList.Add(argument);
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception($"{executable} did not start");
        }
        catch (Win32Exception e)
        {
            return $"{Path.GetFileName(job.File)}: cannot run '{executable}': {e.Message} (install Debian's tesseract-ocr)";
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            await stdout;
            var message = await stderr;
            if (process.ExitCode == 0) return null;
            var lastLine = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "no message";
            return $"{Path.GetFileName(job.File)}: exit code {process.ExitCode}: {lastLine}";
        }
    }
}
