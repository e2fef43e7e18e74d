using ClaimVision.Domain.Documents;
using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Ocr;

/// <summary>An 8-bit greyscale image in a managed buffer (row-major, <see cref="Stride"/> bytes per row).</summary>
public sealed record GrayImage(byte[] Pixels, int Width, int Height, int Stride)
{
    public GrayImage(byte[] pixels, int width, int height) : this(pixels, width, height, width) { }
}

/// <summary>What orientation-and-script detection said about a page.</summary>
/// <param name="RotateDegrees">Clockwise rotation (0/90/180/270) that makes the text upright.</param>
public sealed record OrientationGuess(int RotateDegrees, double OrientationConfidence, string Script, double ScriptConfidence);

/// <summary>Words and lines as Tesseract returned them, boxes in the coordinates of the image it was given.</summary>
public sealed record RecognizedText(IReadOnlyList<OcrLine> Lines, double MeanConfidence, string Language);

/// <summary>Raised when Tesseract cannot be set up (missing traineddata, wrong tessdata path) or cannot read a page
/// (it failed, or ran past <see cref="OcrOptions.RecognizeTimeoutSeconds"/>).</summary>
public class OcrEngineException(string message) : Exception(message);

/// <summary>Tesseract stopped a recognition at <see cref="OcrOptions.RecognizeTimeoutSeconds"/>: the document fails rather
/// than holding its engine for as long as Tesseract would have read on.</summary>
public sealed class OcrTimeoutException(string message) : OcrEngineException(message);

/// <summary>
/// One OCR engine: a TessBaseAPI per language, initialised on first use and reused for every later page
/// (init costs 70–480 ms). Not thread-safe: one engine per thread, handed out by <see cref="EnginePool"/>.
/// </summary>
public sealed class OcrEngine : IDisposable
{
    private const string OsdLanguage = "osd";
    private readonly Dictionary<string, TessBaseApiHandle> _apis = new(StringComparer.Ordinal);
    private readonly string _tessdata;
    private readonly int _pageSegMode;
    private readonly int _timeoutMs;
    private readonly TessMonitorHandle _monitor;

    private readonly SharedOsd? _sharedOsd;

    public OcrEngine(OcrOptions options) : this(options, null) { }

    /// <summary>An engine that runs OSD with <paramref name="sharedOsd"/>'s model (one for all the engines of a pool) instead of its own.</summary>
    internal OcrEngine(OcrOptions options, SharedOsd? sharedOsd)
    {
        NativeRuntime.EnsureInitialized();
        _tessdata = options.ResolveTessdata();
        _pageSegMode = options.PageSegMode;
        _timeoutMs = options.RecognizeTimeoutMilliseconds();
        _sharedOsd = sharedOsd;
        _monitor = Tesseract.TessMonitorCreate();
    }

    /// <summary>Single-line regions read so far by <see cref="RecognizeLines"/> (counted per pass by the pipeline).</summary>
    public long LinesRead { get; private set; }

    /// <summary>Thread CPU this engine has spent in Tesseract so far: loading models, taking images, OSD, recognition and
    /// reading the results back. Read before and after a pass (on the engine's one thread) to tell its Tesseract time from
    /// the image work around it.</summary>
    public long TesseractCpuNanoseconds { get; private set; }

    /// <summary>How far Tesseract got in the last recognition, 0–100 (100: every word read; less: stopped at the time limit).</summary>
    internal int LastProgress => Tesseract.TessMonitorGetProgress(_monitor);

    /// <summary>Languages initialised so far by this engine (a pool's shared osd model is not among them).</summary>
    public IReadOnlyCollection<string> LoadedLanguages => _apis.Keys;

    /// <summary>Runs OSD (psm 0) on an image; null when OSD found too little text to say anything.</summary>
    public OrientationGuess? DetectOrientation(GrayImage image) => DetectOrientation(api => SetImage(api, image));

    internal OrientationGuess? DetectOrientation(PixHandle pix) => DetectOrientation(api => Tesseract.TessBaseAPISetImage2(api, pix));

    /// <summary>Recognises an image with one language model (e.g. "eng", "chi_sim", "chi_sim+eng").</summary>
    public RecognizedText Recognize(GrayImage image, string language, int resolutionPpi = 300) =>
        Recognize(api => SetImage(api, image), language, resolutionPpi, _pageSegMode);

    internal RecognizedText Recognize(PixHandle pix, string language, int resolutionPpi = 300) =>
        Recognize(api => Tesseract.TessBaseAPISetImage2(api, pix), language, resolutionPpi, _pageSegMode);

    /// <summary>Recognises a page image lent for the reading (<see cref="LentImage"/>: Tesseract's copy is the only one in memory
    /// while it reads), with sparse-text segmentation (psm 11) when <paramref name="sparse"/>, else the engine's page mode.
    /// The image is given back whether the reading succeeds or not.</summary>
    internal RecognizedText Recognize(LentImage image, string language, bool sparse = false, int resolutionPpi = 300) =>
        Recognize(image.Lend, language, resolutionPpi, sparse ? Tesseract.PsmSparseText : _pageSegMode, image.Return);

    /// <summary>
    /// Reads each of <paramref name="regions"/> of one image as a single text line (psm 7) with <paramref name="language"/>,
    /// setting the image once (lent: <see cref="LentImage"/>). Boxes are in the image's coordinates. Regions are clipped to the image; an empty one reads as nothing.
    /// </summary>
    internal IReadOnlyList<RecognizedText> RecognizeLines(LentImage image, string language, IReadOnlyList<BoundingBox> regions, int resolutionPpi = 300) =>
        InTesseract(() => RecognizeLinesNow(image, language, regions, resolutionPpi));

    private List<RecognizedText> RecognizeLinesNow(LentImage image, string language, IReadOnlyList<BoundingBox> regions, int resolutionPpi)
    {
        var results = new List<RecognizedText>(regions.Count);
        if (regions.Count == 0) return results;
        var (width, height) = (image.Image.Width, image.Image.Height);
        var api = Prepare(image.Lend, language, resolutionPpi, Tesseract.PsmSingleLine);
        try
        {
            foreach (var region in regions)
            {
                var left = Math.Clamp(region.X, 0, width);
                var top = Math.Clamp(region.Y, 0, height);
                var right = Math.Clamp(region.X + region.Width, left, width);
                var bottom = Math.Clamp(region.Y + region.Height, top, height);
                if (right - left < 2 || bottom - top < 2)
                {
                    results.Add(new RecognizedText([], 0, language));
                    continue;
                }
                Tesseract.TessBaseAPISetRectangle(api, left, top, right - left, bottom - top);
                LinesRead++;
                results.Add(Read(api, language, "a line"));
            }
            return results;
        }
        finally
        {
            image.Return(api);
            Tesseract.TessBaseAPIClear(api);
        }
    }

    /// <summary>Whether <paramref name="language"/>'s own word dictionary holds <paramref name="word"/> as written (a dictionary
    /// lookup, no recognition; initialises the language if it is not loaded yet).</summary>
    public bool IsKnownWord(string word, string language) =>
        word.Length > 0 && InTesseract(() => Tesseract.TessBaseAPIIsValidWord(Api(language), word) != 0);

    /// <summary>Initialises <paramref name="language"/> now rather than at its first page (a no-op when it is loaded), and
    /// with <paramref name="osd"/> the osd model too (the pool's shared one, loaded once). Fails as a first page would: a
    /// missing model file is an <see cref="OcrEngineException"/> naming it.</summary>
    internal void Load(string language, bool osd = false)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        InTesseract(() => Api(language));
        if (!osd) return;
        if (_sharedOsd is null) InTesseract(() => Api(OsdLanguage));
        else InTesseract(() => _sharedOsd.Use(() => Create(OsdLanguage), api => api));
    }

    private OrientationGuess? DetectOrientation(Action<TessBaseApiHandle> setImage)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return InTesseract(() => _sharedOsd is null
            ? DetectOrientation(Api(OsdLanguage), setImage)
            : _sharedOsd.Use(() => Create(OsdLanguage), api => DetectOrientation(api, setImage)));
    }

    /// <summary>Runs <paramref name="work"/> (a call into Tesseract) and adds its thread CPU to <see cref="TesseractCpuNanoseconds"/>.</summary>
    private T InTesseract<T>(Func<T> work)
    {
        var start = ThreadClock.CpuNanoseconds();
        try
        {
            return work();
        }
        finally
        {
            TesseractCpuNanoseconds += ThreadClock.CpuNanoseconds() - start;
        }
    }

    private static OrientationGuess? DetectOrientation(TessBaseApiHandle api, Action<TessBaseApiHandle> setImage)
    {
        Tesseract.TessBaseAPISetPageSegMode(api, Tesseract.PsmOsdOnly);
        setImage(api);
        Tesseract.TessBaseAPISetSourceResolution(api, 300);
        try
        {
            if (Tesseract.TessBaseAPIDetectOrientationScript(api, out var deg, out var conf, out var script, out var scriptConf) == 0)
                return null;
            // The name points into the osd unicharset: copy it, never free it.
            var name = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(script) ?? "";
            // orient_deg is how far the page is turned clockwise; undoing it takes the rest of the circle
            // (the tesseract CLI prints the same pair as "Orientation in degrees: 90 / Rotate: 270").
            return new OrientationGuess((360 - deg) % 360, conf, name, scriptConf);
        }
        finally
        {
            Tesseract.TessBaseAPIClear(api);
        }
    }

    /// <param name="beforeClear">Run after the reading, whether it succeeded or not, while the image is still set (a lent
    /// image is taken back there).</param>
    private RecognizedText Recognize(Action<TessBaseApiHandle> setImage, string language, int resolutionPpi, int pageSegMode,
        Action<TessBaseApiHandle>? beforeClear = null) =>
        InTesseract(() => RecognizeNow(setImage, language, resolutionPpi, pageSegMode, beforeClear));

    private RecognizedText RecognizeNow(Action<TessBaseApiHandle> setImage, string language, int resolutionPpi, int pageSegMode,
        Action<TessBaseApiHandle>? beforeClear)
    {
        var api = Prepare(setImage, language, resolutionPpi, pageSegMode);
        try
        {
            return Read(api, language, "the page");
        }
        finally
        {
            beforeClear?.Invoke(api);
            Tesseract.TessBaseAPIClear(api);
        }
    }

    /// <summary>The language's API with its segmentation mode, image and resolution set; the caller clears it.</summary>
    private TessBaseApiHandle Prepare(Action<TessBaseApiHandle> setImage, string language, int resolutionPpi, int pageSegMode)
    {
        var api = Api(language);
        Tesseract.TessBaseAPISetPageSegMode(api, pageSegMode);
        setImage(api);
        Tesseract.TessBaseAPISetSourceResolution(api, resolutionPpi);
        return api;
    }

    /// <summary>Recognises the image (or the rectangle) set on <paramref name="api"/> and reads its lines and mean confidence.</summary>
    /// <exception cref="OcrTimeoutException">Tesseract stopped at the time limit: what it read so far is not a reading of the page.</exception>
    private RecognizedText Read(TessBaseApiHandle api, string language, string what)
    {
        // Tesseract checks the deadline as it goes (the LSTM engine before each line it reads) and then returns -1; layout
        // analysis before the first line is not bounded by it. A reading that finished, however slowly, is kept. The clock
        // starts before the deadline is set, so it never reads less time than Tesseract saw.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        if (_timeoutMs > 0) Tesseract.TessMonitorSetDeadlineMSecs(_monitor, _timeoutMs);
        if (Tesseract.TessBaseAPIRecognize(api, _monitor) != 0)
        {
            if (_timeoutMs > 0 && clock.Elapsed.TotalMilliseconds >= _timeoutMs)
                throw new OcrTimeoutException($"Tesseract stopped reading {what} with language '{language}' at the {_timeoutMs / 1000.0:0.###} s limit (OcrOptions.RecognizeTimeoutSeconds).");
            throw new OcrEngineException($"Tesseract failed to recognise {what} with language '{language}'.");
        }
        var lines = ReadLines(api);
        // Tesseract reports a mean of 95 for a reading of no words; a reading of nothing is no confident reading (a turned
        // page read as nothing replaced a photo's upright reading of 0.54 by that margin).
        var mean = lines.Any(l => !string.IsNullOrWhiteSpace(l.Text)) ? Tesseract.TessBaseAPIMeanTextConf(api) / 100.0 : 0;
        return new RecognizedText(lines, Math.Clamp(mean, 0, 1), language);
    }

    private static List<OcrLine> ReadLines(TessBaseApiHandle api)
    {
        var lines = new List<OcrLine>();
        using var it = Tesseract.TessBaseAPIGetIterator(api);
        if (it.IsInvalid) return lines; // an empty page has no iterator
        List<OcrWord>? words = null;
        do
        {
            if (it.IsAtBeginningOf(Tesseract.RilTextLine))
            {
                Flush(lines, words);
                words = [];
            }
            var box = it.BoundingBox(Tesseract.RilWord);
            var text = it.Text(Tesseract.RilWord).Trim();
            if (box is { } b && text.Length > 0)
            {
                words ??= [];
                words.Add(new OcrWord(text, Math.Clamp(it.Confidence(Tesseract.RilWord) / 100.0, 0, 1),
                    new BoundingBox(b.Left, b.Top, b.Right - b.Left, b.Bottom - b.Top)));
            }
        } while (it.Next(Tesseract.RilWord));
        Flush(lines, words);
        return lines;
    }

    private static void Flush(List<OcrLine> lines, List<OcrWord>? words)
    {
        if (words is not { Count: > 0 }) return;
        lines.Add(LineOf(words));
    }

    /// <summary>A line of <paramref name="words"/> (at least one): their joined text, mean confidence and union box.</summary>
    internal static OcrLine LineOf(IReadOnlyList<OcrWord> words) =>
        new(JoinWords(words), words.Average(w => w.Confidence), words.Select(w => w.Box).Aggregate(BoundingBox.Union), words);

    /// <summary>Words joined with spaces, except between two CJK words (Tesseract splits Chinese into
    /// one "word" per run, and a space there is not in the document).</summary>
    internal static string JoinWords(IReadOnlyList<OcrWord> words)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            if (i > 0 && !(IsCjk(words[i - 1].Text[^1]) && IsCjk(words[i].Text[0]))) sb.Append(' ');
            sb.Append(words[i].Text);
        }
        return sb.ToString();
    }

    private static bool IsCjk(char c) => c is >= '\u3000' and <= '\u9fff' or >= '\uff00' and <= '\uffef';

    private static unsafe void SetImage(TessBaseApiHandle api, GrayImage image)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(image.Stride, image.Width);
        if (image.Pixels.Length < (long)image.Stride * image.Height)
            throw new ArgumentException($"A {image.Width}×{image.Height} image with stride {image.Stride} needs {(long)image.Stride * image.Height} bytes, got {image.Pixels.Length}.", nameof(image));
        // SetImage copies the pixels into Tesseract's own Pix, so the buffer need only stay pinned for the call.
        fixed (byte* p = image.Pixels)
            Tesseract.TessBaseAPISetImage(api, p, image.Width, image.Height, 1, image.Stride);
    }

    private TessBaseApiHandle Api(string language)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_apis.TryGetValue(language, out var api)) return api;
        api = Create(language);
        _apis[language] = api;
        return api;
    }

    private TessBaseApiHandle Create(string language)
    {
        foreach (var part in language.Split('+'))
        {
            var file = Path.Combine(_tessdata, part + ".traineddata");
            if (!File.Exists(file))
                throw new OcrEngineException($"No Tesseract model for language '{part}': {file} does not exist (install tesseract-ocr-{part.Replace('_', '-')} or set TESSDATA_PREFIX).");
        }
        var api = Tesseract.TessBaseAPICreate();
        if (Tesseract.TessBaseAPIInit3(api, _tessdata, language) != 0)
        {
            api.Dispose();
            throw new OcrEngineException($"Tesseract could not initialise language '{language}' from {_tessdata}.");
        }
        // Tesseract would otherwise print "Estimating resolution" and similar notes to stderr for every page.
        _ = Tesseract.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
        return api;
    }

    private bool _disposed;

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var api in _apis.Values) api.Dispose();
        _apis.Clear();
        _monitor.Dispose();
    }
}

/// <summary>
/// One osd model for all the engines of a pool, used by one engine at a time. OSD runs on a minority of pages (4 of 24
/// generated pages, 9 of 24 receipts) and its model is the largest per engine (≈ 31 MB resident), so the engines share it
/// and wait for each other on the rare page both need it at once.
/// </summary>
internal sealed class SharedOsd : IDisposable
{
    private readonly Lock _gate = new();
    private TessBaseApiHandle? _api;
    private bool _disposed;

    /// <summary>Whether the model has been loaded (on the first OSD of any engine).</summary>
    public bool Loaded
    {
        get
        {
            lock (_gate) return _api is not null;
        }
    }

    /// <summary>Runs <paramref name="use"/> with the osd API, alone; <paramref name="create"/> loads it the first time.</summary>
    public T Use<T>(Func<TessBaseApiHandle> create, Func<TessBaseApiHandle, T> use)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _api ??= create();
            return use(_api);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _api?.Dispose();
            _api = null;
        }
    }
}
