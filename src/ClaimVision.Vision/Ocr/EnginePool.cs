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
