using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ClaimVision.Benchmarks.Micro;

/// <summary>Entry point of <c>claimvision bench micro</c>: BenchmarkDotNet's switcher over every micro-benchmark class here.</summary>
public static class MicroBenchmarks
{
    /// <summary>Runs the benchmarks <paramref name="args"/> select (BenchmarkDotNet arguments: --filter, --job short …); 0 when all ran.</summary>
    public static int Run(string[] args)
    {
        // In process: BenchmarkDotNet then needs no project file to rebuild, so it runs from the installed CLI too.
        // Short runs (3 iterations): on a shared 2-core machine the full default job takes many minutes per benchmark.
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
