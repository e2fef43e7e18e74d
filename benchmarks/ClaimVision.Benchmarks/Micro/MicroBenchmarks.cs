using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace ClaimVision.Benchmarks.Micro;

/// <summary>Entry point of <c>claimvision bench micro</c>: BenchmarkDotNet's switcher over every micro-benchmark class here.</summary>
public static class MicroBenchmarks
{
    /// <summary>Runs the benchmarks <paramref name="args"/> select (BenchmarkDotNet arguments: --filter, --job short …); 0 when all ran.</summary>
    public static int Run(string[] args)
    {
        // The CLI is a Release build referencing this library; the optimisations validator would refuse a Debug one, as it should.
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroBenchmarks).Assembly).Run(args, DefaultConfig.Instance);
        return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
    }
}
