using ClaimVision.Benchmarks.Reporting;
using ClaimVision.Benchmarks.Stats;

namespace ClaimVision.Benchmarks.Tests;

public class MemoryCurveTests
{
    private static MemorySample At(int documents, double rssMb, double? managedMb = null) => new(documents, documents, rssMb, rssMb - 100, 100, managedMb);

    [Fact]
    public void A_steady_leak_shows_as_growth_and_as_a_constant_trend()
    {
        // 0.05 MB per document on 400 MB: the last tenth (documents 901–1000) sits 900 documents after the first (1–100).
        var curve = MemoryCurve.Of(Enumerable.Range(1, 1000).Select(d => At(d, 400 + 0.05 * d)));

        Assert.Equal(45, curve.GrowthMb, 6);
        Assert.Equal(5, curve.TrendMbPer100Documents, 6);
        Assert.Equal(5, curve.SecondHalfTrendMbPer100Documents, 6);
        Assert.Equal(402.5, curve.EarlyMedianMb, 6);
    }

    [Fact]
    public void A_rise_while_the_run_settles_is_not_growth_and_leaves_the_second_half_flat()
    {
        // +60 MB over the first 40 documents (a model loaded on first use, the heap settling), then flat.
        var curve = MemoryCurve.Of(Enumerable.Range(0, 1001).Select(d => At(d, d < 40 ? 400 + 1.5 * d : 460)));

        Assert.Equal(0, curve.GrowthMb);
        Assert.Equal(60, curve.EndpointGrowthMb);
        Assert.Equal(0, curve.SecondHalfTrendMbPer100Documents);
        Assert.True(curve.TrendMbPer100Documents > 0, "over the whole run the early rise still tilts the slope");
    }

    [Fact]
    public void A_spike_at_either_end_moves_the_endpoints_but_not_the_medians()
    {
        var samples = Enumerable.Range(0, 200).Select(d => At(d, 500 + 3 * (d % 3 - 1))).ToList();
        samples[0] = At(0, 420);
        samples[^1] = At(199, 580);

        var curve = MemoryCurve.Of(samples);

        Assert.Equal(160, curve.EndpointGrowthMb);
        Assert.Equal(0, curve.GrowthMb);
    }

    [Fact]
    public void Windows_hold_the_median_of_each_hundred_documents_in_order()
    {
        // The sample at 100 is taken as the 100th document finishes: it closes the first window, it does not open the second.
        var samples = Enumerable.Range(0, 251).Select(d => At(d, d <= 100 ? 300 : d <= 200 ? 310 : 330, managedMb: 40)).Reverse();

        var windows = MemoryCurve.Of(samples).Windows;

        Assert.Equal([(0, 100, 101, 300.0), (100, 200, 100, 310.0), (200, 300, 50, 330.0)],
            windows.Select(w => (w.FromDocument, w.ToDocument, w.Samples, w.RssMb)));
        Assert.All(windows, w => Assert.Equal(40, w.ManagedHeapMb));
        Assert.Equal(230, windows[2].AnonMb);
    }

    [Fact]
    public void A_window_peak_is_the_highest_peak_of_its_samples_not_their_median()
    {
        var samples = Enumerable.Range(0, 201).Select(d => At(d, 400) with { PeakMb = d == 37 ? 545 : 410 + d % 5 });

        var windows = MemoryCurve.Of(samples).Windows;

        Assert.Equal([545.0, 414.0], windows.Select(w => w.PeakMb));
        Assert.All(windows, w => Assert.Equal(400, w.RssMb));
    }

    [Fact]
    public void Managed_heap_is_absent_from_a_window_where_it_was_not_measured()
    {
        var windows = MemoryCurve.Of([At(0, 300), At(1, 300, managedMb: 50)]).Windows;
        Assert.Null(Assert.Single(windows).ManagedHeapMb);
    }

    [Fact]
    public void Few_samples_compare_single_samples_and_none_give_the_empty_curve()
    {
        var two = MemoryCurve.Of([At(10, 330), At(0, 300)]);
        Assert.Equal((300.0, 330.0, 30.0), (two.EarlyMedianMb, two.LateMedianMb, two.GrowthMb));
        Assert.Equal(300, two.TrendMbPer100Documents, 6);
        Assert.Same(MemoryCurve.Empty, MemoryCurve.Of([]));
        Assert.Equal(0, MemoryCurve.Of([At(5, 300), At(5, 310)]).TrendMbPer100Documents);
    }

    [Fact]
    public void The_report_line_gives_growth_trend_and_the_curve_per_hundred_documents()
    {
        var run = ReportSamples.Run(1, 100, 2000) with { Memory = MemoryCurve.Of(Enumerable.Range(0, 201).Select(d => At(d, d <= 100 ? 400 : 420) with { PeakMb = d == 150 ? 510 : 430 })) };

        var line = ReportTable.MemoryLine(run);

        Assert.Contains("first tenth 400 MB, last tenth 420 MB, growth 20 MB", line);
        Assert.Contains("per 100 docs, median RSS/peak: 0:400/430 100:420/510", line);
    }
}
