using System.Diagnostics;
using ClaimVision.Benchmarks.Stats;

namespace ClaimVision.Benchmarks.EndToEnd;

/// <summary>
/// Samples the analysing processes' resident set (from /proc) each time a measured document finishes; when the analysis
/// runs in this process (embedded) also the GC heap. Thread-safe: documents finish on pool threads.
/// </summary>
public sealed class MemorySampler(IReadOnlyList<int> processIds, bool analysesInThisProcess)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<MemorySample> _samples = [];
    private readonly Lock _lock = new();

    /// <summary>Records one sample at <paramref name="documents"/> finished documents.</summary>
    public void Take(int documents)
    {
        double rss = 0, anon = 0, file = 0;
        foreach (var pid in processIds)
        {
            var split = ProcessProbe.ResidentSplitMb(pid);
            rss += split.Rss;
            anon += split.Anon;
            file += split.File;
        }
        double? managed = analysesInThisProcess ? GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0 : null;
        var sample = new MemorySample(documents, Math.Round(_clock.Elapsed.TotalSeconds, 1), Math.Round(rss, 1), Math.Round(anon, 1),
            Math.Round(file, 1), managed is { } m ? Math.Round(m, 1) : null);
        lock (_lock) _samples.Add(sample);
    }

    /// <summary>The latest sample, null before the first.</summary>
    public MemorySample? Latest
    {
        get
        {
            lock (_lock) return _samples.Count == 0 ? null : _samples[^1];
        }
    }

    /// <summary>The curve of every sample so far.</summary>
    public MemoryCurve Curve()
    {
        lock (_lock) return MemoryCurve.Of([.. _samples]);
    }
}
