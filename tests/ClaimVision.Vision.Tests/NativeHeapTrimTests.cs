using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

public class NativeHeapTrimTests
{
    [Fact]
    public void TrimmingGivesFreedRastersBackToTheKernel()
    {
        // 2,500 small colour pages (40 KB each, below glibc's mmap threshold, so they come from the malloc arenas), all
        // freed but the last, which keeps the freed ones from being the top of the heap that free() trims by itself.
        var pages = Enumerable.Range(0, 2500).Select(_ => PageImage.CreateBlank(100, 100, color: true)).ToList();
        foreach (var page in pages[..^1]) page.Dispose();
        var before = RssAnonMb();

        Assert.True(NativeRuntime.TrimNativeHeap());

        Assert.True(before - RssAnonMb() >= 50, $"RssAnon {before} MB before the trim, {RssAnonMb()} MB after; ~100 MB was freed.");
        pages[^1].Dispose();
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void ThePipelineTrimsAfterEachDocumentUnlessTurnedOff(bool trim, long expected)
    {
        using var pool = new EnginePool(new OcrOptions { PoolSize = 1, TrimNativeHeapAfterDocument = trim });
        var pipeline = new VisionPipeline(pool);
        using var page = PageImage.CreateBlank(200, 100, color: false);

        _ = pipeline.Process(page.EncodePng(), "blank.png", new VisionOptions { Language = "eng" });

        Assert.Equal(expected, pipeline.NativeHeapTrims);
    }

    private static double RssAnonMb() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("RssAnon:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0)
            .Single();
}
