using System.Diagnostics;
using ClaimVision.Benchmarks.Stats;

namespace ClaimVision.Benchmarks.EndToEnd;

/// <summary>
/// Samples the analysing processes' resident set (from /proc) each time a measured document finishes; when the analysis
/// runs in this process (embedded) also the GC heap. Each sample also reads and resets the kernel's peak (VmHWM), so a
/// sample carries the peak since the previous one and <see cref="Peaks"/> the peak of the whole run per process.
/// Thread-safe: documents finish on pool threads.
/// </summary>
public sealed class MemorySampler(IReadOnlyList<int> processIds, bool analysesInThisProcess)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<MemorySample> _samples = [];
    private readonly double[] _peaks = new double[processIds.Count];
    private readonly Lock _lock = new();

    /// <summary>Records one sample at <paramref name="documents"/> finished documents, <paramref name="document"/> the one that just finished.</summary>
    public void Take(int documents, string? document = null)
    {
        lock (_lock)
        {
            double rss = 0, anon = 0, file = 0;
            foreach (var pid in processIds)
            {
                var split = ProcessProbe.ResidentSplitMb(pid);
                rss += split.Rss;
                anon += split.Anon;
                file += split.File;
            }
            var peak = ReadAndResetPeaks();
            double? managed = analysesInThisProcess ? GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0 : null;
            _samples.Add(new MemorySample(documents, Math.Round(_clock.Elapsed.TotalSeconds, 1), Math.Round(rss, 1), Math.Round(anon, 1),
                Math.Round(file, 1), managed is { } m ? Math.Round(m, 1) : null)
            {
                PeakMb = Math.Round(peak, 1),
                Document = document,
            });
        }
    }

    /// <summary>The highest resident set of each process (in the order given) since the sampler started, MB (reads the peaks once more).</summary>
    public IReadOnlyList<double> Peaks()
    {
        lock (_lock)
        {
            ReadAndResetPeaks();
            return [.. _peaks.Select(p => Math.Round(p, 1))];
        }
    }

    /// <summary>Sum over the processes of VmHWM since the last reset; keeps each process's maximum; resets them.</summary>
    private double ReadAndResetPeaks()
    {
        double sum = 0;
        for (var i = 0; i < processIds.Count; i++)
        {
            var peak = Math.Max(ProcessProbe.PeakResidentMb(processIds[i]), ProcessProbe.ResidentMb(processIds[i]));
            _peaks[i] = Math.Max(_peaks[i], peak);
            sum += peak;
            ProcessProbe.ResetPeak(processIds[i]);
        }
        return sum;
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
