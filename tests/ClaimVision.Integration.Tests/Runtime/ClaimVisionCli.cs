using System.Diagnostics;
using CliProgram = ClaimVision.Cli.Program;

namespace ClaimVision.Integration.Tests.Runtime;

/// <summary>Starts `claimvision` (this build) as a process of its own, so that its environment and working folder stay its own.</summary>
internal static class ClaimVisionCli
{
    /// <summary>Runs `claimvision` from the checkout with <paramref name="environment"/> added; exit code and all output.</summary>
    public static async Task<(int Exit, string Output)> RunAsync(string[] arguments, Dictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(CliProgram).Assembly.Location, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Checkout.Root,
        };
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        foreach (var (key, value) in environment ?? []) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // a hung command must not outlive the test run
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}
