using ClaimVision.Benchmarks.Stats;

namespace ClaimVision.Benchmarks.Tests;

public class DistributionTests
{
    [Fact]
    public void Percentiles_interpolate_between_the_nearest_ranks()
    {
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(2.5, Distribution.Percentile(sorted, 50));
        Assert.Equal(1, Distribution.Percentile(sorted, 0));
        Assert.Equal(4, Distribution.Percentile(sorted, 100));
        Assert.Equal(3.85, Distribution.Percentile(sorted, 95), 10);
    }

    [Fact]
    public void Summary_of_an_unordered_sample_sorts_it_first()
    {
        var values = Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList();
        var d = Distribution.Of(values);
        Assert.Equal(100, d.Count);
        Assert.Equal(50.5, d.P50);
        Assert.Equal(95.05, d.P95);
        Assert.Equal(99.01, d.P99);
        Assert.Equal(100, d.Max);
        Assert.Equal(50.5, d.Mean);
    }

    [Fact]
    public void A_single_value_is_every_percentile()
    {
        var d = Distribution.Of([7.25]);
        Assert.Equal((7.25, 7.25, 7.25, 7.25), (d.P50, d.P95, d.P99, d.Max));
    }

    [Fact]
    public void Empty_and_non_finite_samples_do_not_throw()
    {
        Assert.Equal(Distribution.Empty, Distribution.Of([]));
        Assert.Equal(2, Distribution.Of([double.NaN, 1, 3, double.PositiveInfinity]).P50);
        Assert.True(double.IsNaN(Distribution.Median([])));
        Assert.Throws<ArgumentException>(() => Distribution.Percentile([], 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => Distribution.Percentile([1.0], 101));
    }
}
