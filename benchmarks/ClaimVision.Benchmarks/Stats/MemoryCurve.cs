namespace ClaimVision.Benchmarks.Stats;

/// <summary>
/// The analysing processes' memory when <paramref name="Documents"/> measured documents had finished (0 = just after
/// warm-up), summed over the processes, MB. <paramref name="AnonMb"/> is RssAnon (heaps: managed and native),
/// <paramref name="FileMb"/> RssFile (mapped code, models, libraries); <paramref name="ManagedHeapMb"/> is the GC heap
/// after the last collection, known only when the analysis ran in this process.
/// </summary>
public sealed record MemorySample(int Documents, double Seconds, double RssMb, double AnonMb, double FileMb, double? ManagedHeapMb)
{
    /// <summary>The highest resident set (VmHWM) since the previous sample, summed over the processes, MB; 0 when unknown.</summary>
    public double PeakMb { get; init; }
    /// <summary>File name of the document whose completion took the sample (another may have been in flight too).</summary>
    public string? Document { get; init; }
}

/// <summary>
/// Medians of the samples taken as documents <paramref name="FromDocument"/> + 1 … <paramref name="ToDocument"/> finished
/// (the first window also holds the sample at 0, taken after warm-up).
/// </summary>
public sealed record MemoryWindow(int FromDocument, int ToDocument, int Samples, double RssMb, double AnonMb, double FileMb, double? ManagedHeapMb)
{
    /// <summary>The highest <see cref="MemorySample.PeakMb"/> in the window: the peak while these documents ran.</summary>
    public double PeakMb { get; init; }
}

/// <summary>
/// The resident set over a run, and growth measured so that warm-up and noise do not pass for a leak: a single
/// end-minus-start difference moves by tens of MB with whichever page happened to be in flight at either end, and a
/// model loaded on the first Chinese page after warm-up looks like growth. Here growth is the median of the last
/// tenth of the samples minus the median of the first tenth, and the trend is the least-squares slope, over the whole
/// run and over its second half (a heap that settles early has a flat second half; a leak does not).
/// </summary>
public sealed record MemoryCurve
{
    public static MemoryCurve Empty { get; } = new();

    /// <summary>Median RSS of the first tenth of the samples (at least one), MB.</summary>
    public double EarlyMedianMb { get; init; }
    /// <summary>Median RSS of the last tenth of the samples (at least one), MB.</summary>
    public double LateMedianMb { get; init; }
    /// <summary><see cref="LateMedianMb"/> − <see cref="EarlyMedianMb"/>.</summary>
    public double GrowthMb { get; init; }
    /// <summary>Last sample − first sample, the old and noisier figure, kept to compare with earlier reports.</summary>
    public double EndpointGrowthMb { get; init; }
    /// <summary>Least-squares slope of RSS on documents over every sample, MB per 100 documents.</summary>
    public double TrendMbPer100Documents { get; init; }
    /// <summary>The same slope over the samples of the second half of the run (by document count).</summary>
    public double SecondHalfTrendMbPer100Documents { get; init; }
    /// <summary>Medians per window of 100 documents (the curve per 100 documents).</summary>
    public IReadOnlyList<MemoryWindow> Windows { get; init; } = [];
    /// <summary>Every sample taken, in order.</summary>
    public IReadOnlyList<MemorySample> Samples { get; init; } = [];

    /// <summary>Summarises <paramref name="samples"/> (any order); windows of <paramref name="window"/> documents.</summary>
    public static MemoryCurve Of(IEnumerable<MemorySample> samples, int window = 100)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 1);
        var ordered = samples.Where(s => double.IsFinite(s.RssMb)).OrderBy(s => s.Documents).ThenBy(s => s.Seconds).ToList();
        if (ordered.Count == 0) return Empty;
        var tenth = Math.Max(1, ordered.Count / 10);
        var early = Distribution.Median(ordered.Take(tenth).Select(s => s.RssMb));
        var late = Distribution.Median(ordered.TakeLast(tenth).Select(s => s.RssMb));
        var half = ordered[^1].Documents / 2;
        return new MemoryCurve
        {
            EarlyMedianMb = Round(early),
            LateMedianMb = Round(late),
            GrowthMb = Round(late - early),
            EndpointGrowthMb = Round(ordered[^1].RssMb - ordered[0].RssMb),
            TrendMbPer100Documents = Round(100 * Slope(ordered)),
            SecondHalfTrendMbPer100Documents = Round(100 * Slope(ordered.Where(s => s.Documents >= half).ToList())),
            Windows = ordered.GroupBy(s => Math.Max(0, s.Documents - 1) / window).Select(g => new MemoryWindow(g.Key * window, (g.Key + 1) * window, g.Count(),
                Round(Distribution.Median(g.Select(s => s.RssMb))), Round(Distribution.Median(g.Select(s => s.AnonMb))),
                Round(Distribution.Median(g.Select(s => s.FileMb))),
                g.All(s => s.ManagedHeapMb is not null) ? Round(Distribution.Median(g.Select(s => s.ManagedHeapMb!.Value))) : null)
            {
                PeakMb = Round(g.Max(s => s.PeakMb)),
            }).ToList(),
            Samples = ordered,
        };
    }

    /// <summary>Least-squares slope of RSS (MB) on the document count; 0 when the documents do not vary.</summary>
    internal static double Slope(IReadOnlyList<MemorySample> samples)
    {
        if (samples.Count < 2) return 0;
        var meanX = samples.Average(s => (double)s.Documents);
        var meanY = samples.Average(s => s.RssMb);
        var sxx = samples.Sum(s => (s.Documents - meanX) * (s.Documents - meanX));
        var sxy = samples.Sum(s => (s.Documents - meanX) * (s.RssMb - meanY));
        return sxx == 0 ? 0 : sxy / sxx;
    }

    private static double Round(double value) => Math.Round(value, 1);
}
