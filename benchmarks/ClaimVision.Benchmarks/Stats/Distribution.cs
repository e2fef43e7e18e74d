namespace ClaimVision.Benchmarks.Stats;

/// <summary>Summary of a sample of durations (milliseconds) or any other values.</summary>
public sealed record Distribution(int Count, double Mean, double P50, double P95, double P99, double Max)
{
    public static Distribution Empty { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Summarises <paramref name="values"/>; an empty sample gives <see cref="Empty"/>.</summary>
    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return Empty;
        return new Distribution(sorted.Length, Math.Round(sorted.Average(), 2),
            Round(Percentile(sorted, 50)), Round(Percentile(sorted, 95)), Round(Percentile(sorted, 99)), Round(sorted[^1]));
    }

    /// <summary>
    /// The p-th percentile (0–100) of an ascending sample, interpolating linearly between the two nearest ranks
    /// (the "R-7" definition spreadsheets use): p50 of {1,2,3,4} is 2.5, p0 the minimum, p100 the maximum.
    /// </summary>
    public static double Percentile(IReadOnlyList<double> ascending, double p)
    {
        if (ascending.Count == 0) throw new ArgumentException("Percentile of an empty sample.", nameof(ascending));
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 100);
        var rank = p / 100 * (ascending.Count - 1);
        var low = (int)Math.Floor(rank);
        var high = Math.Min(low + 1, ascending.Count - 1);
        return ascending[low] + (rank - low) * (ascending[high] - ascending[low]);
    }

    /// <summary>The median of a sample in any order (NaN for an empty one).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : Percentile(sorted, 50);
    }

    private static double Round(double value) => Math.Round(value, 2);
}
