using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

public class EnginePoolTests
{
    [Fact]
    public void NeverHandsOutMoreEnginesThanItsSizeAndReusesThem()
    {
        using var pool = new EnginePool(new OcrOptions { PoolSize = 2 });
        var inUse = 0;
        var maxInUse = 0;
        var engines = new System.Collections.Concurrent.ConcurrentDictionary<OcrEngine, byte>();

        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 6 }, _ =>
        {
            using var lease = pool.Rent();
            var now = Interlocked.Increment(ref inUse);
            InterlockedMax(ref maxInUse, now);
            engines[lease.Engine] = 0;
            Thread.Sleep(2);
            Interlocked.Decrement(ref inUse);
        });

        Assert.InRange(maxInUse, 1, 2);
        Assert.InRange(engines.Count, 1, 2);
        Assert.Equal(engines.Count, pool.Created);
    }

    [Fact]
    public void DisposingALeaseTwiceReturnsTheEngineOnce()
    {
        using var pool = new EnginePool(new OcrOptions { PoolSize = 1 });
        var lease = pool.Rent();
        lease.Dispose();
        lease.Dispose();

        using var again = pool.Rent();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        Assert.ThrowsAny<OperationCanceledException>(() => pool.Rent(cts.Token));
    }

    [Fact]
    public void TheEnginesOfAPoolShareOneOsdModelAndDetectAsAnEngineOfItsOwnDoes()
    {
        var page = Pgm.Load("rotated-90.pgm");
        using var own = new OcrEngine(new OcrOptions());
        var expected = own.DetectOrientation(page);
        using var pool = new EnginePool(new OcrOptions { PoolSize = 2 });
        Assert.False(pool.OsdLoaded);

        var guesses = new System.Collections.Concurrent.ConcurrentBag<OrientationGuess?>();
        var engines = new System.Collections.Concurrent.ConcurrentBag<OcrEngine>();
        using (var barrier = new Barrier(2))
            Parallel.For(0, 2, new ParallelOptions { MaxDegreeOfParallelism = 2 }, _ =>
            {
                using var lease = pool.Rent();
                barrier.SignalAndWait(); // both engines leased at once, so they are two
                engines.Add(lease.Engine);
                for (var i = 0; i < 3; i++) guesses.Add(lease.Engine.DetectOrientation(page));
            });

        Assert.Contains("osd", own.LoadedLanguages);
        Assert.Equal(2, engines.Distinct().Count());
        Assert.All(engines, e => Assert.DoesNotContain("osd", e.LoadedLanguages));
        Assert.True(pool.OsdLoaded);
        Assert.All(guesses, g => Assert.Equal(expected, g));
    }

    [Fact]
    public void ConcurrentEnginesRecogniseTheSameTextAsOne()
    {
        var image = Pgm.Load("invoice-line.pgm");
        using var pool = new EnginePool(new OcrOptions { PoolSize = 2 });

        var texts = new string[6];
        Parallel.For(0, texts.Length, i =>
        {
            using var lease = pool.Rent();
            texts[i] = string.Join('\n', lease.Engine.Recognize(image, "eng").Lines.Select(l => l.Text));
        });

        Assert.All(texts, t => Assert.Equal("Invoice 2024 total 219.25", t));
    }

    [Fact]
    public void WarmingCreatesEveryEngineWithEveryLanguageItMayReadAndTheSharedOsdModel()
    {
        using var pool = new EnginePool(new OcrOptions { PoolSize = 2 });
        Assert.Equal(0, pool.Created);

        var warm = pool.Warm();

        Assert.Equal(2, pool.Created);
        Assert.True(pool.OsdLoaded);
        Assert.Equal(new[] { "eng", "chi_sim" }.Order(), warm.Languages.Order());
        using var first = pool.Rent();
        using var second = pool.Rent();
        Assert.NotSame(first.Engine, second.Engine);
        Assert.All(new[] { first.Engine, second.Engine }, e => Assert.Equal(warm.Languages.Order(), e.LoadedLanguages.Order()));
        // Loaded once: the first page reads without initialising anything again.
        Assert.Equal("Invoice 2024 total 219.25", string.Join('\n', first.Engine.Recognize(Pgm.Load("invoice-line.pgm"), "eng").Lines.Select(l => l.Text)));
        Assert.Equal(2, first.Engine.LoadedLanguages.Count);
    }

    [Fact]
    public void WarmingWithAModelMissingFailsNamingItsFile()
    {
        var folder = Directory.CreateTempSubdirectory("tessdata-");
        try
        {
            foreach (var model in new[] { "eng", "osd" })
                File.CreateSymbolicLink(Path.Combine(folder.FullName, model + ".traineddata"), Path.Combine(OcrOptions.DebianTessdata, model + ".traineddata"));
            using var pool = new EnginePool(new OcrOptions { PoolSize = 2, TessdataPath = folder.FullName });

            var e = Assert.Throws<OcrEngineException>(() => pool.Warm());

            Assert.Contains(Path.Combine(folder.FullName, "chi_sim.traineddata"), e.Message, StringComparison.Ordinal);
            // The engines went back to the pool.
            using var lease = pool.Rent();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("auto", "eng", "eng,chi_sim")]
    [InlineData("chi_sim", "eng", "chi_sim,eng")]
    [InlineData("eng", "eng", "eng")]
    [InlineData("chi_sim", "", "chi_sim")]
    public void TheLanguagesAPoolMayReadWithFollowFromItsOptions(string language, string figureLanguage, string expected) =>
        Assert.Equal(expected.Split(','), new OcrOptions { Language = language, FigureLanguage = figureLanguage }.LanguagesUsed());

    [Fact]
    public void APoolOfNoEnginesIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnginePool(new OcrOptions { PoolSize = 0 }));

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
