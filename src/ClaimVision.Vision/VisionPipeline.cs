using System.Diagnostics;
using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision;

/// <summary>
/// Bytes → OCR'd pages: decode and validate, then per page orientation (OSD), deskew, resolution
/// normalisation, language choice and recognition, then a second look at what the reading left out
/// (<see cref="MissedTextReread"/>), read unsurely (<see cref="DoubtfulLineReread"/>) or damaged (<see cref="FigureReread"/>),
/// with every box mapped back to the page as the user sees it.
/// Thread-safe; each call holds one engine of the pool for the whole document, so the pool size bounds
/// how many documents are worked on at once. With a <paramref name="scriptGuesser"/>, a page whose text is shaped like
/// Chinese is read first in chi_sim (see <see cref="LanguageChooser.First"/>).
/// </summary>
public sealed class VisionPipeline(EnginePool pool, IScriptGuesser? scriptGuesser = null)
{
    public EnginePool Pool => pool;

    /// <summary>The script guess before each automatic page's first reading; null: every such page is read first in the default language.</summary>
    public IScriptGuesser? ScriptGuesser => scriptGuesser;

    /// <summary>"tesseract 5.3.0"; recorded with every result.</summary>
    public string EngineVersion { get; } = "tesseract " + Interop.Tesseract.Version();

    /// <summary>This build of the vision code: the first 8 hex digits of its assembly's module version id, which the
    /// deterministic build derives from the compiled assembly, so it changes whenever the vision code does (and also
    /// between Debug and Release builds; a Release build is the same in every checkout, its paths mapped). OCR caches
    /// keyed by it are redone after a vision change, and every result can be traced to the code that read it. It does not
    /// cover the traineddata files (<see cref="Models"/> does) or <see cref="Ocr.OcrOptions"/> overrides.</summary>
    public static string Revision { get; } = Convert.ToHexStringLower(typeof(VisionPipeline).Assembly.ManifestModule.ModuleVersionId.ToByteArray())[..8];

    /// <summary>The Tesseract model files this pipeline reads with (<see cref="ModelFingerprint"/>): <c>models-</c> and 8 hex digits.</summary>
    public string Models => pool.Models;

    /// <summary>What this pipeline's output depends on: the engine, its model files, this build of the vision code, the script guess (when
    /// one is set), a resolution rule other than the default (<c>/scale-up-16-24</c>), seals faded out (<c>/seals-removed</c>)
    /// and a doubtful-line re-read other than the default (<c>/line-reread-off</c>). OCR caches of its output are keyed by it.</summary>
    public string Version => $"{EngineVersion}/{Models}/vision-{Revision}" + (scriptGuesser is { } script ? $"/{script.Version}" : "")
        + (ResolutionRule is { } rule ? $"/{rule}" : "") + (SealRule is { } seals ? $"/{seals}" : "")
        + (LineRereadRule is { } lines ? $"/{lines}" : "");

    /// <summary>Null when doubtful lines are read again as by default (<see cref="Ocr.OcrOptions.LineRereadBelowConfidence"/> and
    /// its margin and line limit); else <c>line-reread-off</c> or <c>line-reread-BELOW-MARGIN-MAX</c>.</summary>
    public string? LineRereadRule
    {
        get
        {
            var (defaults, options) = (new Ocr.OcrOptions(), pool.Options);
            if (options.LineRereadBelowConfidence <= 0 || options.LineRereadMaxLines <= 0) return "line-reread-off";
            return options.LineRereadBelowConfidence == defaults.LineRereadBelowConfidence && options.LineRereadMargin == defaults.LineRereadMargin
                && options.LineRereadMaxLines == defaults.LineRereadMaxLines
                ? null
                : string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"line-reread-{options.LineRereadBelowConfidence}-{options.LineRereadMargin}-{options.LineRereadMaxLines}");
        }
    }

    /// <summary><c>seals-removed</c> when red seals are faded out (<see cref="Ocr.OcrOptions.RemoveSeals"/>), else null.</summary>
    public string? SealRule => pool.Options.RemoveSeals ? "seals-removed" : null;

    /// <summary>The resolution rule when it is not the default (<c>scale-up-16-24</c>: text under 16 px enlarged to 24), else
    /// null; analyzers record it among the model versions of each report.</summary>
    public string? ResolutionRule =>
        pool.Options.ScaleUpBelowTextHeight == Imaging.ResolutionNormalizer.MinTextHeight && pool.Options.ScaleUpToTextHeight == Imaging.ResolutionNormalizer.TargetTextHeight
            ? null
            : $"scale-up-{pool.Options.ScaleUpBelowTextHeight}-{pool.Options.ScaleUpToTextHeight}";

    /// <exception cref="ImageRejectedException">The bytes are not an acceptable image.</exception>
    /// <exception cref="OcrEngineException">A language model is missing.</exception>
    public VisionOutput Process(ReadOnlySpan<byte> bytes, string fileName, VisionOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return ProcessDocument(bytes, fileName, options ?? VisionOptions.Default, cancellationToken);
        }
        finally
        {
            // The document's rasters are freed and its engine returned by now (OcrOptions.TrimNativeHeapAfterDocument).
            if (pool.Options.TrimNativeHeapAfterDocument)
            {
                NativeRuntime.TrimNativeHeap();
                Interlocked.Increment(ref _nativeHeapTrims);
            }
        }
    }

    private long _nativeHeapTrims;

    /// <summary>How often this pipeline has given the native heap's free memory back after a document
    /// (<see cref="OcrOptions.TrimNativeHeapAfterDocument"/>).</summary>
    public long NativeHeapTrims => Interlocked.Read(ref _nativeHeapTrims);

    private VisionOutput ProcessDocument(ReadOnlySpan<byte> bytes, string fileName, VisionOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        // Pages are decoded one at a time, and each may be let go while it is read and decoded again (see PreparedPage): a
        // page-sized raster fewer in memory at once. The first is decoded before an engine is taken, so that a file whose
        // data is corrupt fails without holding one.
        var image = ImageDecoder.Open(bytes, fileName, options.Limits);
        var page = image.DecodePage(0);
        var timings = new StageClock { DecodeMs = clock.Elapsed.TotalMilliseconds };
        try
        {
            using var lease = pool.Rent(cancellationToken);
            var pages = new List<OcrPage>(image.PageCount);
            var statistics = new List<PageStatistics>(image.PageCount);
            for (var i = 0; i < image.PageCount; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (i > 0)
                {
                    clock.Restart();
                    page = image.DecodePage(i);
                    timings.DecodeMs += clock.Elapsed.TotalMilliseconds;
                }
                var (read, stats) = ProcessPage(lease.Engine, page, image, i, options, timings);
                pages.Add(read);
                statistics.Add(stats);
            }
            return new VisionOutput(image.Format, pages, statistics, new VisionTimings(timings.DecodeMs, timings.PreprocessMs, timings.OcrMs));
        }
        finally
        {
            page.Dispose();
        }
    }

    /// <summary>Reads page <paramref name="index"/> of <paramref name="file"/>. <paramref name="page"/>, that page decoded, is let
    /// go here once the page's preparation holds it (the caller's disposing it again is harmless); the file decodes it again
    /// when a later step needs it.</summary>
    private (OcrPage, PageStatistics) ProcessPage(OcrEngine engine, PageImage page, EncodedImage file, int index, VisionOptions options, StageClock timings)
    {
        var ocrOptions = pool.Options;
        var clock = Stopwatch.StartNew();
        // Statistics and OSD both work on the page reduced to 1600 px and binarised: one binarisation for the two.
        var (statistics, binary) = StatisticsAndBinary(page);
        using var workBinary = binary;
        clock.Restart();
        // Every reading of this page below shares one preparation per rotation (see PreparedPage).
        using var prepared = new PreparedPage(page, ocrOptions.ScaleUpBelowTextHeight, ocrOptions.ScaleUpToTextHeight, ocrOptions.RemoveSeals, () => file.DecodePage(index));
        page.Dispose();
        timings.PreprocessMs += clock.Elapsed.TotalMilliseconds;

        // OSD costs about as much as a reading. The page is first read upright in the language OSD would default to
        // (or the caller's fixed one, or chi_sim when the script guess calls the page Han); a page that reading finds
        // confident and running across the page is upright and in that language, and keeps it. A first reading so poor
        // that it would be re-checked in the other language anyway (mostly a Chinese page read in eng) is re-checked now,
        // upright, before OSD: when the other language reads it confidently and across the page, that reading is kept
        // and OSD skipped. Otherwise OSD decides, and its answer reuses a reading already made in the rotation and
        // language it chooses.
        var passes = pool.Passes;
        var readings = new List<Reading>();
        // A script guesser may send a page shaped like Chinese to chi_sim first; its cost counts with the first reading.
        var firstStarted = PassCost.Now(engine);
        var unguided = LanguageChooser.First(options.Language, GuessHan(prepared, options.Language, timings), ocrOptions);
        var first = Read(engine, prepared, 0, unguided, timings, OcrPass.FirstReading, readings, started: firstStarted);
        OrientationGuess? guess = null;
        var best = first;
        if (!OsdSkip.Applies(first.Text, ocrOptions))
        {
            if ((first.Text.MeanConfidence < ocrOptions.UprightAlternativeBelowConfidence
                    || (ocrOptions.UprightAlternativeBelowConfidence > 0 && LanguageDoubtful(engine, first, ocrOptions)))
                && LanguageChooser.Alternative(options.Language, unguided, ocrOptions) is { } alternative)
            {
                var upright = Read(engine, prepared, 0, alternative, timings, OcrPass.UprightAlternative, readings);
                if (OsdSkip.Applies(upright.Text, ocrOptions)) best = upright;
            }
            if (ReferenceEquals(best, first))
            {
                clock.Restart();
                var osdStarted = PassCost.Now(engine);
                guess = OrientationDetector.Detect(engine, workBinary);
                timings.PreprocessMs += clock.Elapsed.TotalMilliseconds;
                var rotate = guess is not null && guess.OrientationConfidence >= ocrOptions.MinOrientationConfidence ? guess.RotateDegrees : 0;
                var language = LanguageChooser.Choose(options.Language, guess, ocrOptions);
                Count(passes, OcrPass.Osd, osdStarted.Since(engine), rotate != 0 || language != unguided);
                best = Made(readings, rotate, language) ?? Read(engine, prepared, rotate, language, timings, OcrPass.OsdReading, readings);
            }
        }
        // A reading whose words stand on end was made on the page's side (OSD unsure, or wrong by a quarter turn): the two
        // quarter turns are probed and the better one read in full.
        if (ReadingDoubt.RotationDoubtful(best.Text, ocrOptions))
            best = TurnedAQuarter(engine, prepared, best, options.Language, ocrOptions, timings, passes, readings);
        // OSD errs on some pages (an upright receipt called 180°, a Chinese invoice called Latin). When the reading
        // is poor, the decisions OSD made are tried the other way and the better-confident reading is kept. A reading whose
        // confidence looks sound but whose words are not its language's (ReadingDoubt) is poor too, and the other
        // language needs no margin to replace it.
        var languageDoubtful = LanguageDoubtful(engine, best, ocrOptions);
        if (best.Text.MeanConfidence < ocrOptions.VerifyBelowConfidence || languageDoubtful)
        {
            if (best.Rotate != 0)
                best = Better(best, Made(readings, 0, best.Text.Language)
                    ?? Read(engine, prepared, 0, best.Text.Language, timings, OcrPass.UnrotatedRecheck, readings), ocrOptions.VerifyMargin);
            if (LanguageChooser.Alternative(options.Language, best.Text.Language, ocrOptions) is { } other)
            {
                // A full reading in the other language made above is compared as it is; otherwise two small probes decide
                // whether one is worth making.
                var margin = languageDoubtful ? 0 : ocrOptions.VerifyMargin;
                if (Made(readings, best.Rotate, other) is { } made)
                    best = Better(best, made, margin);
                else if (ReadsBetterIn(engine, prepared, best, other, margin, timings, passes))
                    best = Better(best, Read(engine, prepared, best.Rotate, other, timings, OcrPass.LanguageRecheck, readings), margin);
            }
        }

        // A page still poor after the language re-check (and, where its language's dictionary can judge, in words not of that
        // language) may be upside down: OSD called a Chinese lab report turned over "Cyrillic, upright". The half turn is
        // probed in both languages.
        if (best.Text.MeanConfidence < ocrOptions.TurnOverBelowConfidence && Words(best) >= ReadingDoubt.MinWords
            && (LanguageDoubtful(engine, best, ocrOptions) || !ocrOptions.DictionaryCheckLanguages.Contains(best.Text.Language)))
            best = TurnedOver(engine, prepared, best, options.Language, ocrOptions, timings, passes, readings);

        // Tesseract's layout analysis drops label rows on forms ruled with dashed leaders; a page read as very few
        // lines, with enough of its ink left uncovered to double its words (SparseRecheck), is read again as sparse text,
        // and that reading kept when it finds clearly more words at a sound confidence. The ink found for the decision is
        // the missed-text re-read's below when the reading stays (its CPU counts with that pass).
        UncoveredText? uncovered = null;
        long inkCpu = 0;
        if (best.Text.Lines.Count < ocrOptions.SparseRecheckBelowLines)
        {
            uncovered = Uncovered(prepared, best, ocrOptions, ref inkCpu);
            // Much ink left unread on a page of few lines may be text of the other language (see OcrOptions.SparseLanguageRecheck):
            // a full reading in it made before is compared as it is; otherwise the probes decide whether one is made. It
            // replaces this reading by the margin. A page with no ink left unread (a blank back page) is not re-checked.
            if (SparseWorth(best, uncovered, ocrOptions) && InkUnread(uncovered) && OtherOnSparsePage(options, best, ocrOptions) is { } other
                && (Made(readings, best.Rotate, other)
                    ?? (ReadsBetterIn(engine, prepared, best, other, 0, timings, passes)
                        ? Read(engine, prepared, best.Rotate, other, timings, OcrPass.LanguageRecheck, readings)
                        : null)) is { } again
                && ReferenceEquals(Better(best, again, ocrOptions.VerifyMargin), again))
                (best, uncovered) = (again, Uncovered(prepared, again, ocrOptions, ref inkCpu));
            if (SparseWorth(best, uncovered, ocrOptions))
            {
                var sparse = Read(engine, prepared, best.Rotate, best.Text.Language, timings, OcrPass.SparseReading, readings, sparse: true);
                if (Words(sparse) >= 2 * Math.Max(1, Words(best)) && sparse.Text.MeanConfidence >= ocrOptions.VerifyBelowConfidence)
                    (best, uncovered) = (sparse, null);
                // A reading of no words says nothing of the page's language: the other language is read sparse too.
                else if (Words(best) == 0 && InkUnread(uncovered) && OtherOnSparsePage(options, best, ocrOptions) is { } language)
                {
                    var otherSparse = Read(engine, prepared, best.Rotate, language, timings, OcrPass.SparseReading, readings, sparse: true);
                    if (SparseRecheck.OtherLanguageKept(sparse.Text, otherSparse.Text, ocrOptions))
                        (best, uncovered) = (otherSparse, null);
                }
            }
        }
        foreach (var reading in readings)
            Count(passes, reading.Pass, reading.Cost, ReferenceEquals(reading, best));

        clock.Restart();
        // The second looks read the chosen reading's image, lent to Tesseract for each of its readings (the page lets go of
        // every other image it kept when it is taken).
        using var image = new LentImage(prepared.Take(best.Rotate, best.ScaleFactor).Ready);
        var completed = SecondLook(engine, passes, OcrPass.MissedText, best.Text, () => MissedTextReread.Apply(engine, image, best.Text, ocrOptions, uncovered), inkCpu);
        var relined = SecondLook(engine, passes, OcrPass.LineReread, completed, () => DoubtfulLineReread.Apply(engine, image, completed, ocrOptions));
        var figures = SecondLook(engine, passes, OcrPass.FigureReread, relined, () => FigureReread.Apply(engine, image, relined, ocrOptions));
        timings.OcrMs += clock.Elapsed.TotalMilliseconds;

        var transform = best.Transform;
        var lines = figures.Lines.Select(l => new OcrLine(
            l.Text, l.Confidence, transform.MapBack(l.Box),
            l.Words.Select(w => w with { Box = transform.MapBack(w.Box) }).ToList())).ToList();
        var ocrPage = new OcrPage
        {
            PageIndex = index,
            Width = page.Width,
            Height = page.Height,
            Orientation = best.Rotate,
            SkewDegrees = transform.RotationDegrees,
            Script = guess is not null && guess.ScriptConfidence >= ocrOptions.MinScriptConfidence ? guess.Script : null,
            Language = best.Text.Language,
            Scale = transform.Scale,
            MeanConfidence = best.Text.MeanConfidence,
            Lines = lines,
        };
        return (ocrPage, statistics);
    }

    /// <summary>The page's statistics and the binarisation of its reduced copy (kept for OSD; the caller disposes it). The reduced
    /// colour copy itself is let go here, before any reading.</summary>
    private static (PageStatistics Statistics, Interop.PixHandle Binary) StatisticsAndBinary(PageImage page)
    {
        using var work = PageStatisticsCalculator.Reduced(page, PageStatisticsCalculator.WorkingLongSide);
        var binary = Binarizer.ToBinary(work);
        try
        {
            return (PageStatisticsCalculator.Compute(page, work, binary), binary);
        }
        catch
        {
            binary.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whether the page is worth reading again in <paramref name="other"/>: both languages read a copy at
    /// <see cref="ProbeScale"/> (a quarter of the pixels), and only if the other language is the more confident there
    /// does the full-size re-read run. A doubtful Latin receipt, the common case, then costs two small reads instead of
    /// a full chi_sim read (the slower model) that almost never wins.
    /// </summary>
    private static bool ReadsBetterIn(OcrEngine engine, PreparedPage page, Reading current, string other, double margin, StageClock timings, OcrPassCounter passes)
    {
        var mine = Read(engine, page, current.Rotate, current.Text.Language, timings, OcrPass.LanguageProbe, null, ProbeScale);
        var theirs = Read(engine, page, current.Rotate, other, timings, OcrPass.LanguageProbe, null, ProbeScale);
        var better = theirs.Text.MeanConfidence > mine.Text.MeanConfidence + margin;
        Count(passes, OcrPass.LanguageProbe, mine.Cost + theirs.Cost, better);
        return better;
    }

    /// <summary>
    /// A poor reading tried upside down: the half turn is read at <see cref="ProbeScale"/> in the reading's language and the
    /// other one, and only when the better probe already beats the full reading by the margin is that turn read in full.
    /// </summary>
    private static Reading TurnedOver(OcrEngine engine, PreparedPage page, Reading current, string requested, OcrOptions options, StageClock timings, OcrPassCounter passes, List<Reading> readings)
    {
        var rotate = (current.Rotate + 180) % 360;
        var languages = new[] { current.Text.Language, LanguageChooser.Alternative(requested, current.Text.Language, options) }.OfType<string>();
        var (chosen, cost) = BestProbe(engine, page, languages.Select(language => (rotate, language)), timings);
        var promising = chosen.Text.MeanConfidence > current.Text.MeanConfidence + options.VerifyMargin;
        Count(passes, OcrPass.RotationProbe, cost, promising);
        if (!promising) return current;
        var language = chosen.Text.Language;
        return Better(current, Made(readings, rotate, language) ?? Read(engine, page, rotate, language, timings, OcrPass.RotationRecheck, readings), options.VerifyMargin);
    }

    /// <summary>The guesser's probability that the upright page is Han; null without a guesser, with a fixed language, on a
    /// page with too little text to measure, or one the guesser cannot judge.</summary>
    private double? GuessHan(PreparedPage page, string requested, StageClock timings)
    {
        if (scriptGuesser is null || !string.Equals(requested, OcrOptions.Auto, StringComparison.OrdinalIgnoreCase)) return null;
        var clock = Stopwatch.StartNew();
        var features = page.ScriptFeatures();
        var han = features is null ? null : scriptGuesser.HanProbability(features);
        timings.PreprocessMs += clock.Elapsed.TotalMilliseconds;
        return han;
    }

    /// <summary>Runs a second look and counts it, with the single-line regions it read (none on most clean pages) and
    /// <paramref name="earlierCpu"/>, work for it done before (the missed-text ink found for the sparse decision).</summary>
    private static RecognizedText SecondLook(OcrEngine engine, OcrPassCounter passes, OcrPass pass, RecognizedText before, Func<RecognizedText> look, long earlierCpu = 0)
    {
        var started = PassCost.Now(engine);
        var regions = engine.LinesRead;
        var after = look();
        Count(passes, pass, started.Since(engine) + new PassCost(earlierCpu, 0), !after.Lines.Select(l => l.Text).SequenceEqual(before.Lines.Select(l => l.Text)), engine.LinesRead - regions);
        return after;
    }

    private static void Count(OcrPassCounter passes, OcrPass pass, PassCost cost, bool kept, long regions = 0) =>
        passes.Add(pass, cost.Cpu, kept, regions, cost.Tesseract);

    /// <summary>The thread's CPU and the part of it its engine spent inside Tesseract (<see cref="OcrEngine.TesseractCpuNanoseconds"/>):
    /// read at one moment (<see cref="Now"/>) or between two (<see cref="Since"/>).</summary>
    private readonly record struct PassCost(long Cpu, long Tesseract)
    {
        public static PassCost Now(OcrEngine engine) => new(OcrPassCounter.ThreadCpuNow(), engine.TesseractCpuNanoseconds);

        public PassCost Since(OcrEngine engine)
        {
            var now = Now(engine);
            return new PassCost(now.Cpu - Cpu, now.Tesseract - Tesseract);
        }

        public static PassCost operator +(PassCost a, PassCost b) => new(a.Cpu + b.Cpu, a.Tesseract + b.Tesseract);
    }

    /// <summary>Reads the page in each (rotation, language) at <see cref="ProbeScale"/>: the most confident of these rotation
    /// probes, and the thread CPU they took together.</summary>
    private static (Reading Best, PassCost Cost) BestProbe(OcrEngine engine, PreparedPage page, IEnumerable<(int Rotate, string Language)> turns, StageClock timings)
    {
        var probes = turns.Select(t => Read(engine, page, t.Rotate, t.Language, timings, OcrPass.RotationProbe, null, ProbeScale)).ToList();
        return (probes.MaxBy(p => p.Text.MeanConfidence)!, probes.Aggregate(default(PassCost), (sum, p) => sum + p.Cost));
    }

    /// <summary>Scale of the language probe relative to the normal reading scale.</summary>
    private const double ProbeScale = 0.5;

    /// <summary>A reading of the page, and where the image it was read from is had again: the page's <see cref="PreparedPage"/> at
    /// <see cref="Rotate"/> and <see cref="ScaleFactor"/> (the page may have let it go since, to be made again the same).</summary>
    private sealed record Reading(int Rotate, double ScaleFactor, PageTransform Transform, RecognizedText Text, OcrPass Pass, PassCost Cost);

    /// <summary>A full-page reading of this page already made in <paramref name="rotate"/> and <paramref name="language"/>, if any.</summary>
    private static Reading? Made(List<Reading> readings, int rotate, string language) =>
        readings.Find(r => r.Rotate == rotate && r.Text.Language == language && r.Pass != OcrPass.SparseReading);

    /// <summary>The glyph runs <paramref name="reading"/> left uncovered (null when the sparse re-check does not measure them);
    /// the thread CPU it took is added to <paramref name="cpu"/>.</summary>
    private static UncoveredText? Uncovered(PreparedPage page, Reading reading, OcrOptions options, ref long cpu)
    {
        if (options.SparseRecheckMinUncoveredPerWord <= 0) return null;
        var started = OcrPassCounter.ThreadCpuNow();
        var uncovered = UncoveredInk.Find(page.Get(reading.Rotate, reading.ScaleFactor).Ready, MissedTextReread.Covered(reading.Text, options));
        cpu += OcrPassCounter.ThreadCpuNow() - started;
        return uncovered;
    }

    private static bool SparseWorth(Reading reading, UncoveredText? uncovered, OcrOptions options) =>
        SparseRecheck.Worth(reading.Text.Lines.Count, Words(reading), uncovered?.WidthInTextHeights ?? 0, options);

    /// <summary>Whether the reading left ink unread (true when it was not measured).</summary>
    private static bool InkUnread(UncoveredText? uncovered) => uncovered is null || uncovered.WidthInTextHeights > 0;

    /// <summary>The language a sparse page is re-checked in, if any (<see cref="OcrOptions.SparseLanguageRecheck"/>).</summary>
    private static string? OtherOnSparsePage(VisionOptions options, Reading reading, OcrOptions ocrOptions) =>
        ocrOptions.SparseLanguageRecheck ? LanguageChooser.Alternative(options.Language, reading.Text.Language, ocrOptions) : null;

    private static int Words(Reading reading) => reading.Text.Lines.Sum(l => l.Words.Count);

    /// <summary>A challenger replaces the current reading only with a clear margin, so noise does not flip a decision.</summary>
    private static Reading Better(Reading current, Reading challenger, double margin) =>
        challenger.Text.MeanConfidence > current.Text.MeanConfidence + margin ? challenger : current;

    /// <summary>Whether the reading's words say its language is wrong although its confidence looks sound (<see cref="ReadingDoubt"/>).</summary>
    private static bool LanguageDoubtful(OcrEngine engine, Reading reading, OcrOptions options) =>
        ReadingDoubt.LanguageDoubtful(reading.Text, options, word => engine.IsKnownWord(word, reading.Text.Language));

    /// <summary>
    /// A reading made on the page's side, tried a quarter turn either way: both turns are read at <see cref="ProbeScale"/>
    /// (in the other language when the reading is also poor or its words are not its language's, so that a Chinese page
    /// read in eng is probed in chi_sim), and the more confident turn is read in full.
    /// </summary>
    private static Reading TurnedAQuarter(OcrEngine engine, PreparedPage page, Reading current, string requested, OcrOptions options, StageClock timings, OcrPassCounter passes, List<Reading> readings)
    {
        var language = current.Text.Language;
        if ((current.Text.MeanConfidence < options.VerifyBelowConfidence || LanguageDoubtful(engine, current, options))
            && LanguageChooser.Alternative(requested, language, options) is { } other)
            language = other;
        var quarters = new[] { (current.Rotate + 90) % 360, (current.Rotate + 270) % 360 };
        var (chosen, cost) = BestProbe(engine, page, quarters.Select(rotate => (rotate, language)), timings);
        var turned = Made(readings, chosen.Rotate, language) ?? Read(engine, page, chosen.Rotate, language, timings, OcrPass.RotationRecheck, readings);
        // A reading on its side can be confident (Tesseract follows the vertical lines); the turned one need not beat it, only
        // run across the page at about its confidence.
        var keep = !ReadingDoubt.RotationDoubtful(turned.Text, options) && turned.Text.MeanConfidence >= current.Text.MeanConfidence - options.VerifyMargin;
        Count(passes, OcrPass.RotationProbe, cost, keep);
        return keep ? turned : current;
    }

    /// <summary>Turn upright, deskew, normalise resolution (or find that done by an earlier reading), recognise. The image is
    /// lent to Tesseract while it reads (<see cref="LentImage"/>) and kept by the page again after. The reading
    /// is added to <paramref name="log"/> (when given), to be reused by later steps and counted once the page's reading is
    /// chosen, with the thread CPU spent since <paramref name="startedCpu"/> (default: since the call).</summary>
    private static Reading Read(OcrEngine engine, PreparedPage page, int rotate, string language, StageClock timings, OcrPass pass, List<Reading>? log, double scaleFactor = 1, bool sparse = false, PassCost? started = null)
    {
        var cost = started ?? PassCost.Now(engine);
        var clock = Stopwatch.StartNew();
        var (ready, transform) = page.Take(rotate, scaleFactor);
        timings.PreprocessMs += clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        var lent = new LentImage(ready);
        RecognizedText text;
        try
        {
            text = engine.Recognize(lent, language, sparse);
        }
        finally
        {
            // (Nothing to keep when Tesseract's copy could not be taken back: the page makes the image again if asked.)
            if (lent.Release() is { } image) page.Keep(rotate, scaleFactor, image);
        }
        timings.OcrMs += clock.Elapsed.TotalMilliseconds;
        var reading = new Reading(rotate, scaleFactor, transform, text, pass, cost.Since(engine));
        log?.Add(reading);
        return reading;
    }

    /// <summary>
    /// Turns the page upright, deskews it and normalises its resolution, as the pipeline's first reading does: the image
    /// Tesseract reads (the caller disposes it) and the transform that maps its boxes back to the page. The OCR-ceiling
    /// benchmark prepares pages through this, so the baseline reads exactly what the pipeline reads.
    /// </summary>
    internal static (PageImage Ready, PageTransform Transform) Prepare(PageImage page, int rotate, OcrOptions options, double scaleFactor = 1)
    {
        using var prepared = new PreparedPage(page, options.ScaleUpBelowTextHeight, options.ScaleUpToTextHeight, options.RemoveSeals);
        var (ready, transform) = prepared.Get(rotate, scaleFactor);
        return (ready.Clone(), transform);
    }

    private sealed class StageClock
    {
        public double DecodeMs;
        public double PreprocessMs;
        public double OcrMs;
    }
}
