using System.Collections.Concurrent;
using ClaimVision.Contracts;
using MassTransit;

namespace ClaimVision.Benchmarks.EndToEnd;

/// <summary>What the bus said about one claim of the benchmark.</summary>
public sealed record ClaimOutcome(DateTimeOffset RecommendedAt, DateTimeOffset? AnalyzedSentAt, IReadOnlyDictionary<string, double>? TimingsMs, bool Rejected);

/// <summary>
/// A temporary receive endpoint on the host's bus that hears DocumentAnalyzed, DocumentRejected and RecommendationReady
/// (events fan out to every bound queue, so this works on the in-memory transport and on RabbitMQ alike) and completes a
/// waiter per claim.
/// </summary>
public sealed class OutcomeTracker : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<ClaimOutcome>> _waiters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (DateTimeOffset SentAt, IReadOnlyDictionary<string, double>? Timings, bool Rejected)> _documents = new(StringComparer.Ordinal);
    private HostReceiveEndpointHandle? _handle;

    public static async Task<OutcomeTracker> ConnectAsync(IBus bus, CancellationToken ct)
    {
        var tracker = new OutcomeTracker();
        tracker._handle = bus.ConnectReceiveEndpoint(new TemporaryEndpointDefinition(), KebabCaseEndpointNameFormatter.Instance, e =>
        {
            e.Handler<DocumentAnalyzed>(c =>
            {
                tracker._documents[c.Message.ClaimId] = (SentAt(c), c.Message.TimingsMs, false);
                return Task.CompletedTask;
            });
            e.Handler<DocumentRejected>(c =>
            {
                tracker._documents[c.Message.ClaimId] = (SentAt(c), null, true);
                return Task.CompletedTask;
            });
            e.Handler<RecommendationReady>(c =>
            {
                var at = SentAt(c);
                var document = tracker._documents.TryRemove(c.Message.ClaimId, out var d) ? d : default((DateTimeOffset, IReadOnlyDictionary<string, double>?, bool)?);
                tracker.Waiter(c.Message.ClaimId).TrySetResult(new ClaimOutcome(at, document?.Item1, document?.Item2, document?.Item3 ?? false));
                return Task.CompletedTask;
            });
        });
        await tracker._handle.Ready.WaitAsync(ct);
        return tracker;
    }

    /// <summary>Completes when the claim's recommendation is published; call before submitting the claim.</summary>
    public Task<ClaimOutcome> WaitAsync(string claimId) => Waiter(claimId).Task;

    /// <summary>Drops the waiter of a claim that timed out or failed to submit.</summary>
    public void Forget(string claimId) => _waiters.TryRemove(claimId, out _);

    private TaskCompletionSource<ClaimOutcome> Waiter(string claimId) =>
        _waiters.GetOrAdd(claimId, _ => new TaskCompletionSource<ClaimOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));

    // The producer's clock: on one machine the workers' clocks are the bench's.
    private static DateTimeOffset SentAt(ConsumeContext context) =>
        context.SentTime is { } sent ? new DateTimeOffset(DateTime.SpecifyKind(sent, DateTimeKind.Utc)) : DateTimeOffset.UtcNow;

    public async ValueTask DisposeAsync()
    {
        if (_handle is not null) await _handle.StopAsync();
    }
}
