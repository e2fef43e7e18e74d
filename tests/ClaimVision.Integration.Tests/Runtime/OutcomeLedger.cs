using System.Collections.Concurrent;
using ClaimVision.Contracts;
using MassTransit;

namespace ClaimVision.Integration.Tests.Runtime;

/// <summary>Listens to the outcome events on the bus and counts them per document and claim, to see doubles.</summary>
internal sealed class OutcomeLedger : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _documents = new();
    private readonly ConcurrentDictionary<string, int> _recommendations = new();
    private HostReceiveEndpointHandle? _handle;

    public int DocumentEvents => _documents.Values.Sum();

    public int DoubledDocuments => _documents.Values.Count(n => n > 1);

    public int DoubledRecommendations => _recommendations.Values.Count(n => n > 1);

    public int Recommendations => _recommendations.Count;

    public static async Task<OutcomeLedger> ConnectAsync(IBus bus)
    {
        var ledger = new OutcomeLedger();
        ledger._handle = bus.ConnectReceiveEndpoint(new TemporaryEndpointDefinition(), KebabCaseEndpointNameFormatter.Instance, e =>
        {
            e.Handler<DocumentAnalyzed>(c => Count(ledger._documents, c.Message.DocumentId));
            e.Handler<DocumentRejected>(c => Count(ledger._documents, c.Message.DocumentId));
            e.Handler<RecommendationReady>(c => Count(ledger._recommendations, c.Message.ClaimId));
        });
        await Bounded.WaitAsync(ledger._handle.Ready, TimeSpan.FromSeconds(60), "The outcome ledger's temporary endpoint");
        return ledger;
    }

    private static Task Count(ConcurrentDictionary<string, int> counts, string key)
    {
        counts.AddOrUpdate(key, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_handle is not null) await Bounded.WaitAsync(_handle.StopAsync(), TimeSpan.FromSeconds(30), "The outcome ledger's stop");
    }
}
