using System.Xml.Linq;
using ClaimVision.Benchmarks.EndToEnd;

namespace ClaimVision.Benchmarks.Tests;

/// <summary>
/// `bench --config scaled-out` stands in for deployed workers with processes of the claimvision program, so it must give
/// them the runtime settings the worker program's project file sets and claimvision's does not.
/// </summary>
public class WorkerRuntimeTests
{
    [Fact]
    public void The_bench_workers_get_the_deployed_workers_tiered_compilation_setting()
    {
        var worker = XDocument.Load(Checkout.Path("src", "ClaimVision.Worker", "ClaimVision.Worker.csproj"));
        var cli = XDocument.Load(Checkout.Path("src", "ClaimVision.Cli", "ClaimVision.Cli.csproj"));
        static string? Setting(XDocument project) => project.Descendants("TieredCompilation").Select(e => e.Value.Trim()).SingleOrDefault();

        Assert.Equal("false", Setting(worker));
        Assert.Null(Setting(cli)); // claimvision's short commands start faster with it on
        Assert.Equal("0", WorkerProcesses.WorkerRuntime["DOTNET_TieredCompilation"]);
    }

    [Fact]
    public void A_worker_setting_already_in_the_environment_wins()
    {
        var inherited = new Dictionary<string, string?> { ["PATH"] = "/usr/bin" };
        WorkerProcesses.ApplyWorkerRuntime(inherited);
        Assert.Equal("0", inherited["DOTNET_TieredCompilation"]);

        var chosen = new Dictionary<string, string?> { ["DOTNET_TieredCompilation"] = "1" };
        WorkerProcesses.ApplyWorkerRuntime(chosen);
        Assert.Equal("1", chosen["DOTNET_TieredCompilation"]);

        var legacy = new Dictionary<string, string?> { ["COMPlus_TieredCompilation"] = "1" };
        WorkerProcesses.ApplyWorkerRuntime(legacy);
        Assert.False(legacy.ContainsKey("DOTNET_TieredCompilation"));
    }
}
