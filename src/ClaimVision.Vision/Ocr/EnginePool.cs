using System.Collections.Concurrent;

namespace ClaimVision.Vision.Ocr;

/// <summary>
/// A fixed number of <see cref="OcrEngine"/>s shared by worker threads: a caller leases one, uses it alone,
/// and returns it by disposing the lease. Engines are created on first demand and kept, so each language model
/// is initialised once per engine, not once per page; the osd model once per pool (<see cref="SharedOsd"/>). Thread-safe.
/// </summary>
public sealed class EnginePool : IDisposable
{
    private readonly OcrOptions _options;
    private readonly SemaphoreSlim _available;
    private readonly ConcurrentBag<OcrEngine> _idle = [];
    private readonly ConcurrentBag<OcrEngine> _all = [];
    private readonly SharedOsd _osd = new();
    private int _disposed;

    public EnginePool(OcrOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PoolSize, 1);
        _ = options.RecognizeTimeoutMilliseconds(); // a bad limit fails here, at start, not on every page
        Imaging.ResolutionNormalizer.ValidateScaleUp(options.ScaleUpBelowTextHeight, options.ScaleUpToTextHeight);
        _options = options;
        Models = ModelFingerprint.Of(options);
        Size = options.PoolSize;
        _available = new SemaphoreSlim(Size, Size);
    }

    /// <summary>The model files the engines read with (<see cref="ModelFingerprint"/>), as they stood when the pool was
    /// built: engines load a model once, at its first use, and keep it, so a model replaced on disk takes a restart.</summary>
    public string Models { get; }

    /// <summary>The most engines that exist, and so the most pages recognised at once.</summary>
    public int Size { get; }

    /// <summary>Engines created so far (at most <see cref="Size"/>).</summary>
    public int Created => _all.Count;

    public OcrOptions Options => _options;

    /// <summary>Whether the pool's one osd model has been loaded (by the first page any engine ran OSD on).</summary>
    public bool OsdLoaded => _osd.Loaded;

    /// <summary>The Tesseract passes of the pipelines reading with this pool, by kind (also added to <see cref="OcrPassCounter.Process"/>).</summary>
    public OcrPassCounter Passes { get; } = new(OcrPassCounter.Process);

    /// <summary>Waits for a free engine. Dispose the lease to give it back.</summary>
    public Lease Rent(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _available.Wait(cancellationToken);
        try
        {
            if (!_idle.TryTake(out var engine))
            {
                engine = new OcrEngine(_options, _osd);
                _all.Add(engine);
            }
            return new Lease(this, engine);
        }
        catch
        {
            _available.Release();
            throw;
        }
    }

    /// <summary>
    /// Creates every engine of the pool and loads <paramref name="languages"/> (null: <see cref="OcrOptions.LanguagesUsed"/>)
    /// into each, and the shared osd model, the engines in parallel; without it each engine loads a model at the first page
    /// that needs it (70–480 ms each, inside that page's time). A host calls it before it takes work, so its first
    /// documents cost what the later ones do and a missing or unreadable model stops the start rather than failing pages.
    /// Waits for engines in use.
    /// </summary>
    /// <exception cref="OcrEngineException">A model is missing or Tesseract cannot initialise it (the message names it).</exception>
    public PoolWarmup Warm(IEnumerable<string>? languages = null, CancellationToken cancellationToken = default)
    {
        var wanted = languages?.Distinct(StringComparer.Ordinal).ToList() ?? [.. _options.LanguagesUsed()];
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var leases = new List<Lease>(Size);
        try
        {
            for (var i = 0; i < Size; i++) leases.Add(Rent(cancellationToken));
            Parallel.ForEach(leases, new ParallelOptions { CancellationToken = cancellationToken }, (lease, _, index) =>
            {
                foreach (var language in wanted) lease.Engine.Load(language, osd: index == 0);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // One engine's failure is every engine's (the same model files): report the first as it is.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            throw;
        }
        finally
        {
            leases.ForEach(l => l.Dispose());
        }
        return new PoolWarmup(Size, wanted, OsdLoaded, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    private void Return(OcrEngine engine)
    {
        _idle.Add(engine);
        _available.Release();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        foreach (var engine in _all) engine.Dispose();
        _osd.Dispose();
        _available.Dispose();
    }

    /// <summary>Exclusive use of one engine until disposed; disposing twice returns it once.</summary>
    public sealed class Lease : IDisposable
    {
        private EnginePool? _pool;

        internal Lease(EnginePool pool, OcrEngine engine)
        {
            _pool = pool;
            Engine = engine;
        }

        public OcrEngine Engine { get; }

        public void Dispose() => Interlocked.Exchange(ref _pool, null)?.Return(Engine);
    }
}

/// <summary>What <see cref="EnginePool.Warm"/> did: how many engines hold which language models, and in how long.</summary>
public sealed record PoolWarmup(int Engines, IReadOnlyList<string> Languages, bool OsdLoaded, TimeSpan Elapsed);
