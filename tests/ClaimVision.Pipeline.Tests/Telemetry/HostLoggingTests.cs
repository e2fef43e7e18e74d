using ClaimVision.Api;
using ClaimVision.Pipeline.Telemetry;
using ClaimVision.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimVision.Pipeline.Tests.Telemetry;

/// <summary>
/// The real hosts, as <see cref="WorkerHost.Create"/> and <see cref="ClaimVisionServer.Create"/> build them on the
/// embedded defaults, scrub personal data from every log writer — their own (the console) and one an engine registration
/// adds. Built, not started: the wiring is what is tested.
/// </summary>
public sealed partial class HostLoggingTests : IDisposable
{
    private const string Id = "11010519491231002X";
    private const string MaskedId = "110105********002X";

    private readonly string _data = Directory.CreateTempSubdirectory("claimvision-hostlog-").FullName;
    private readonly CapturingLoggerProvider _capture = new();

    /// <summary>The embedded defaults in a fresh data folder; the console keeps quiet (a rule for it alone, which must still reach it).</summary>
    private string[] Args => [$"--ClaimVision:DataDirectory={_data}", "--Logging:Console:LogLevel:Default=None"];

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public void The_worker_host_logs_an_id_masked()
    {
        using var host = WorkerHost.Create(Args, services => services.AddSingleton<ILoggerProvider>(_capture));

        AssertLogsMasked(host.Services);
    }

    [Fact]
    public async Task The_api_host_logs_an_id_masked()
    {
        await using var app = ClaimVisionServer.Create(Args, services => services.AddSingleton<ILoggerProvider>(_capture));

        AssertLogsMasked(app.Services);
    }

    private void AssertLogsMasked(IServiceProvider services)
    {
        LogNotFound(services.GetRequiredService<ILogger<HostLoggingTests>>(), new InvalidOperationException($"No insured {Id}"), Id);

        var entry = Assert.Single(_capture.Entries, e => e.Category == typeof(HostLoggingTests).FullName);
        Assert.Equal($"Insured {MaskedId} not found", entry.Message);
        Assert.Equal($"System.InvalidOperationException: No insured {MaskedId}", entry.Exception!.ToString());
        // Every writer the host has is behind the scrubber, the console among them.
        var writers = services.GetServices<ILoggerProvider>().ToList();
        Assert.All(writers, w => Assert.IsType<ScrubbingLoggerProvider>(w));
        Assert.Contains(writers, w => ((ScrubbingLoggerProvider)w).Inner is Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider);
        Assert.Contains(writers, w => ((ScrubbingLoggerProvider)w).Inner == _capture);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Insured {IdNumber} not found")]
    private static partial void LogNotFound(ILogger logger, Exception exception, string idNumber);
}
