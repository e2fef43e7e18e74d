using System.Diagnostics.Metrics;

namespace ClaimVision.Pipeline.Telemetry;

/// <summary>
/// The "ClaimVision" meter: what operators watch. Rates come from the counters (documents/s =
/// rate of <c>claimvision.documents.analyzed</c>); latency per stage from the histogram; queue depth
/// from the gauge when the transport can report it.
/// </summary>
public sealed class ClaimVisionMetrics : IDisposable
{
    public const string MeterName = "ClaimVision";

    private readonly Meter _meter;
    private readonly Counter<long> _analyzed;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _recommended;
    private readonly Counter<long> _redelivered;
    private readonly Histogram<double> _stage;
    private readonly UpDownCounter<long> _inFlight;

    public ClaimVisionMetrics(IMeterFactory meterFactory, IQueueDepthProbe? queueDepth = null)
    {
        _meter = meterFactory.Create(MeterName);
        _analyzed = _meter.CreateCounter<long>("claimvision.documents.analyzed", "{document}", "Documents analysed successfully.");
        _rejected = _meter.CreateCounter<long>("claimvision.documents.rejected", "{document}", "Documents rejected, by reason code.");
        _recommended = _meter.CreateCounter<long>("claimvision.claims.recommended", "{claim}", "Recommendations stored.");
        _redelivered = _meter.CreateCounter<long>("claimvision.messages.redelivered", "{message}", "Messages whose work was already done (at-least-once redelivery).");
        _stage = _meter.CreateHistogram<double>("claimvision.stage.duration", "ms", "Wall-clock time per pipeline stage.");
        _inFlight = _meter.CreateUpDownCounter<long>("claimvision.documents.in_flight", "{document}", "Documents being analysed in this process.");
        if (queueDepth is not null)
            _meter.CreateObservableGauge("claimvision.queue.depth", () => queueDepth.Observe(), "{message}", "Messages waiting in the pipeline queues.");
    }

    public void DocumentAnalyzed(string documentType) => _analyzed.Add(1, new KeyValuePair<string, object?>("type", documentType));

    public void DocumentRejected(string reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Recommended(string decision) => _recommended.Add(1, new KeyValuePair<string, object?>("decision", decision));

    public void Redelivered(string message) => _redelivered.Add(1, new KeyValuePair<string, object?>("message", message));

    public void Stage(string stage, double milliseconds) => _stage.Record(milliseconds, new KeyValuePair<string, object?>("stage", stage));

    /// <summary>Counts a document as in flight until the returned scope is disposed.</summary>
    public InFlightScope BeginAnalysis()
    {
        _inFlight.Add(1);
        return new InFlightScope(_inFlight);
    }

    public void Dispose() => _meter.Dispose();

    /// <summary>Decrements the in-flight gauge on dispose.</summary>
    public readonly struct InFlightScope(UpDownCounter<long> counter) : IDisposable
    {
        public void Dispose() => counter.Add(-1);
    }
}

/// <summary>Reads the number of messages waiting per queue, where the transport can tell.</summary>
public interface IQueueDepthProbe
{
    IEnumerable<Measurement<long>> Observe();
}
