using ClaimVision.Api;
using ClaimVision.TestWorker;
using Microsoft.AspNetCore.Builder;

namespace ClaimVision.Integration.Tests.Runtime;

/// <summary>The API (and, on the embedded defaults, the consumers) on a real Kestrel at a free loopback port.</summary>
internal sealed class ApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ApiHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new ClaimVisionClient(new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) });
    }

    public Uri Address { get; }

    public ClaimVisionClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<ApiHost> StartAsync(IReadOnlyDictionary<string, string> settings)
    {
        var args = new List<string> { "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning" };
        args.AddRange(settings.Select(kv => $"--{kv.Key}={kv.Value}"));
        var app = ClaimVisionServer.Create([.. args], TestEngines.Register);
        try
        {
            await Bounded.StartAsync(app, TimeSpan.FromSeconds(90), "The API host's start");
        }
        catch
        {
            // A half-started host must not stay behind with consumers on the shared queues.
            await Bounded.WaitAsync(app.DisposeAsync().AsTask(), TimeSpan.FromSeconds(60), "The API host's dispose after a failed start");
            throw;
        }
        return new ApiHost(app, new Uri(app.Urls.First()));
    }

    /// <summary>Embedded defaults in a fresh data folder, with fast retries so poison messages settle quickly.</summary>
    public static Task<ApiHost> StartEmbeddedAsync(string dataDirectory, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ClaimVision:DataDirectory"] = dataDirectory,
            ["ClaimVision:Retry:Limit"] = "2",
            ["ClaimVision:Retry:MinIntervalMs"] = "20",
            ["ClaimVision:Retry:MaxIntervalMs"] = "100",
        };
        foreach (var (k, v) in extra ?? new Dictionary<string, string>()) settings[k] = v;
        return StartAsync(settings);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            await Bounded.StopAsync(_app, "The API host's stop");
        }
        finally
        {
            await Bounded.WaitAsync(_app.DisposeAsync().AsTask(), TimeSpan.FromSeconds(60), "The API host's dispose");
        }
    }
}

/// <summary>A temporary folder removed at dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("claimvision-it-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
