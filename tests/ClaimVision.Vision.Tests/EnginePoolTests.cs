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
    public void APoolOfNoEnginesIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EnginePool(new OcrOptions { PoolSize = 0 }));

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen) { }
    }
}
