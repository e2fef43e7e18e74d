using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using ClaimVision.Pipeline.Storage;
using Polly;
using Polly.Retry;

namespace ClaimVision.Pipeline.Tests.Storage;

/// <summary>
/// The blob store goes away for a while (connections refused), then comes back: operations started during the
/// outage complete once it ends, through the store's own retries. Azurite is reached through a loopback relay that
/// this test opens late.
/// </summary>
public sealed class AzureBlobStoreOutageTests : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Puts_started_during_an_outage_complete_when_the_store_returns()
    {
        var azurite = AzureStorageAccount.Parse(TestServers.Azurite);
        var relayPort = FreePort();
        var account = azurite with { BlobEndpoint = new Uri($"http://127.0.0.1:{relayPort}{azurite.BlobEndpoint.AbsolutePath}") };
        var store = new AzureBlobStore(_http, account, AzuriteContainers.Fresh(), retry: new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<BlobStoreUnavailableException>(),
            MaxRetryAttempts = 10,
            BackoffType = DelayBackoffType.Constant,
            Delay = TimeSpan.FromMilliseconds(200),
        });
        Assert.False(await store.PingAsync());

        var init = store.InitializeAsync();
        var blobs = Enumerable.Range(0, 5).Select(_ => RandomNumberGenerator.GetBytes(50_000)).ToList();
        await Task.Delay(700);
        Assert.False(init.IsCompleted);
        using var relay = new Relay(relayPort, azurite.BlobEndpoint.Port);
        await init;
        var stored = await Task.WhenAll(blobs.Select(b => store.PutAsync(b, "image/jpeg")));

        for (var i = 0; i < blobs.Count; i++)
            Assert.Equal(blobs[i], await store.GetAsync(stored[i].Key));
    }

    [Fact]
    public async Task An_outage_longer_than_the_retries_surfaces_as_unavailable()
    {
        var azurite = AzureStorageAccount.Parse(TestServers.Azurite);
        var account = azurite with { BlobEndpoint = new Uri($"http://127.0.0.1:{FreePort()}{azurite.BlobEndpoint.AbsolutePath}") };
        var store = new AzureBlobStore(_http, account, AzuriteContainers.Fresh(), retry: new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<BlobStoreUnavailableException>(),
            MaxRetryAttempts = 2,
            Delay = TimeSpan.FromMilliseconds(10),
        });

        var error = await Assert.ThrowsAsync<BlobStoreUnavailableException>(() => store.GetAsync("reports/r.json"));
        Assert.Contains("unreachable", error.Message, StringComparison.Ordinal);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>Forwards loopback connections on one port to another, both ways, until disposed.</summary>
    private sealed class Relay : IDisposable
    {
        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();

        public Relay(int port, int target)
        {
            _listener = new TcpListener(IPAddress.Loopback, port);
            _listener.Start();
            _ = AcceptAsync(target);
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync(int target)
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                    _ = PipeAsync(client, target);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Disposed: stop accepting.
            }
        }

        private async Task PipeAsync(TcpClient client, int target)
        {
            using (client)
            using (var upstream = new TcpClient())
            {
                try
                {
                    await upstream.ConnectAsync(IPAddress.Loopback, target, _stop.Token);
                    await Task.WhenAny(
                        client.GetStream().CopyToAsync(upstream.GetStream(), _stop.Token),
                        upstream.GetStream().CopyToAsync(client.GetStream(), _stop.Token));
                }
                catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
                {
                    // Either side closed.
                }
            }
        }
    }
}
