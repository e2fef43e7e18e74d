using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Ocr;

/// <summary>The kinds of Tesseract work <see cref="VisionPipeline"/> does on a page, in the order it does them.</summary>
public enum OcrPass
{
    /// <summary>The page read upright in the default (or fixed) language, before any OSD.</summary>
    FirstReading,
    /// <summary>A poor first reading re-checked upright in the other language, before any OSD (automatic language only).</summary>
    UprightAlternative,
    /// <summary>Orientation and script detection (psm 0), when the first reading was not confident and horizontal.</summary>
    Osd,
    /// <summary>The reading in OSD's rotation and language, when no reading in them was made before.</summary>
    OsdReading,
    /// <summary>Half-scale reads of other turns of the page: a quarter turn either way for a reading whose words stand on end,
    /// the half turn in both languages for a reading still poor after the language re-check (<see cref="ReadingDoubt"/>).</summary>
    RotationProbe,
    /// <summary>The full reading in the turn the rotation probes chose.</summary>
    RotationRecheck,
    /// <summary>A doubtful turned reading read again unrotated.</summary>
    UnrotatedRecheck,
    /// <summary>The two half-scale reads (current and other language) that decide whether a language re-check runs.</summary>
    LanguageProbe,
    /// <summary>A doubtful reading read again in the other language.</summary>
    LanguageRecheck,
    /// <summary>A page of few lines read again with sparse segmentation (psm 11).</summary>
    SparseReading,
    /// <summary>Runs of ink the page reading left out, found and read as single lines (psm 7).</summary>
    MissedText,
    /// <summary>Doubtful figures of a page read in another language, read again as single lines in the figure language.</summary>
    FigureReread,
    /// <summary>Doubtful lines read again alone, each as a single line (psm 7) in the page's language.</summary>
    LineReread,
}

/// <summary>What one kind of pass cost and achieved, summed over the pages counted.</summary>
/// <param name="Calls">Times the pass ran (pages for the page-level passes and the second looks).</param>
/// <param name="Regions">Single-line regions read (second looks only; 0 otherwise).</param>
/// <param name="CpuSeconds">CPU time of the thread that ran the pass, including the image work it needed: the page's
/// preparation (seals, rotation, dashed leaders, deskew, scale) when this pass asked for that image first, the script guess
/// for the first reading, the search for unread ink for the missed-text re-read.</param>
/// <param name="Kept">Times its result was kept: the reading replaced the one before it (or, for the first reading,
/// stayed the page's reading; for OSD, the rotation or language changed; for the second looks, the page's text changed).</param>
/// <param name="TesseractCpuSeconds">The part of <paramref name="CpuSeconds"/> spent inside Tesseract (the rest is that image work).</param>
public sealed record OcrPassTotals(OcrPass Pass, long Calls, long Regions, double CpuSeconds, long Kept, double TesseractCpuSeconds = 0);

/// <summary>
/// Counts the Tesseract passes of the pipeline by kind: calls, regions, thread CPU time, how often the result was kept.
/// Thread-safe and cheap (a few interlocked adds per pass). Every pool has its own counter, which also adds to
/// <see cref="Process"/>, the process-wide total that a benchmark or an operator reads without reaching the pool.
/// </summary>
public sealed class OcrPassCounter(OcrPassCounter? parent = null)
{
    private static readonly int Kinds = Enum.GetValues<OcrPass>().Length;
    private readonly long[] _calls = new long[Kinds];
    private readonly long[] _regions = new long[Kinds];
    private readonly long[] _cpuNanoseconds = new long[Kinds];
    private readonly long[] _kept = new long[Kinds];
    private readonly long[] _tesseractNanoseconds = new long[Kinds];

    /// <summary>Every pass of every pipeline in this process.</summary>
    public static OcrPassCounter Process { get; } = new();

    /// <summary>Adds one pass of <paramref name="pass"/>, of whose <paramref name="cpuNanoseconds"/> <paramref name="tesseractNanoseconds"/>
    /// were spent inside Tesseract (<see cref="OcrEngine.TesseractCpuNanoseconds"/>).</summary>
    public void Add(OcrPass pass, long cpuNanoseconds, bool kept, long regions = 0, long tesseractNanoseconds = 0)
    {
        var i = (int)pass;
        Interlocked.Increment(ref _calls[i]);
        Interlocked.Add(ref _regions[i], regions);
        Interlocked.Add(ref _cpuNanoseconds[i], cpuNanoseconds);
        Interlocked.Add(ref _tesseractNanoseconds[i], tesseractNanoseconds);
        if (kept) Interlocked.Increment(ref _kept[i]);
        parent?.Add(pass, cpuNanoseconds, kept, regions, tesseractNanoseconds);
    }

    /// <summary>The totals so far, one per kind in <see cref="OcrPass"/> order.</summary>
    public IReadOnlyList<OcrPassTotals> Snapshot() =>
        [.. Enum.GetValues<OcrPass>().Select(p => new OcrPassTotals(p,
            Interlocked.Read(ref _calls[(int)p]), Interlocked.Read(ref _regions[(int)p]),
            Interlocked.Read(ref _cpuNanoseconds[(int)p]) / 1e9, Interlocked.Read(ref _kept[(int)p]),
            Interlocked.Read(ref _tesseractNanoseconds[(int)p]) / 1e9))];

    /// <summary>What was counted between two snapshots of the same counter.</summary>
    public static IReadOnlyList<OcrPassTotals> Difference(IReadOnlyList<OcrPassTotals> before, IReadOnlyList<OcrPassTotals> after) =>
        [.. after.Zip(before, (a, b) => new OcrPassTotals(a.Pass, a.Calls - b.Calls, a.Regions - b.Regions, a.CpuSeconds - b.CpuSeconds, a.Kept - b.Kept,
            a.TesseractCpuSeconds - b.TesseractCpuSeconds))];

    /// <summary>CPU nanoseconds the calling thread has used so far: read before and after a pass to time it.</summary>
    public static long ThreadCpuNow() => ThreadClock.CpuNanoseconds();
}
