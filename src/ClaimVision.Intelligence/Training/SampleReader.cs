namespace ClaimVision.Intelligence.Training;

/// <summary>An image of a sample folder after OCR: its vision result, or why it could not be read.</summary>
public sealed record ReadSample(SampleImage Sample, CachedVision? Vision, bool FromCache, string? Error);

/// <summary>OCRs the images of a sample folder through the cache, a few at a time; one bad image never stops the rest.</summary>
public static class SampleReader
{
    public static IReadOnlyList<ReadSample> ReadAll(
        IReadOnlyList<SampleImage> samples, OcrCache cache, int parallelism, Action? progress, CancellationToken cancellationToken)
    {
        var results = new ReadSample[samples.Count];
        Parallel.For(0, samples.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken }, i =>
        {
            try
            {
                var (vision, hit) = cache.Get(samples[i].Path, cancellationToken);
                results[i] = new ReadSample(samples[i], vision, hit, null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException or InvalidOperationException)
            {
                results[i] = new ReadSample(samples[i], null, false, $"{e.GetType().Name}: {e.Message}");
            }
            progress?.Invoke();
        });
        return results;
    }
}
