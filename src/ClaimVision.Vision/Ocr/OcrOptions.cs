namespace ClaimVision.Vision.Ocr;

/// <summary>How the OCR engines are set up and how a page's language is chosen.</summary>
public sealed record OcrOptions
{
    /// <summary>The Debian location of the traineddata files.</summary>
    public const string DebianTessdata = "/usr/share/tesseract-ocr/5/tessdata";

    /// <summary>Folder with *.traineddata; null → $TESSDATA_PREFIX, else <see cref="DebianTessdata"/>.</summary>
    public string? TessdataPath { get; init; }

    /// <summary>Engines in the pool, i.e. pages recognised at once. Default: one per core.</summary>
    public int PoolSize { get; init; } = Environment.ProcessorCount;

    /// <summary>Time limit of one recognition (a page, or a region read again) in seconds, not of a whole document: a
    /// recognition Tesseract stops at it fails its document with <see cref="OcrTimeoutException"/>, the engine free for the
    /// next. Tesseract checks it before each line it reads, so layout analysis and a single long line are not bounded.
    /// Pages here take 0.3–6 s on one core; 0 turns the limit off.</summary>
    public double RecognizeTimeoutSeconds { get; init; } = 60;

    /// <summary><see cref="RecognizeTimeoutSeconds"/> in milliseconds (0: no limit).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, not a number, or more than a day.</exception>
    internal int RecognizeTimeoutMilliseconds()
    {
        const double day = 86_400;
        if (RecognizeTimeoutSeconds is not (>= 0 and <= day))
            throw new ArgumentOutOfRangeException(nameof(RecognizeTimeoutSeconds), RecognizeTimeoutSeconds,
                $"OcrOptions.RecognizeTimeoutSeconds must be between 0 (no limit) and {day} s.");
        return (int)Math.Ceiling(RecognizeTimeoutSeconds * 1000);
    }

    /// <summary>"auto" chooses per page from OSD's script; anything else (e.g. "eng", "chi_sim") is used for every page.</summary>
    public string Language { get; init; } = Auto;

    /// <summary>Language when OSD is unsure or reports a script missing from <see cref="ScriptLanguages"/>.</summary>
    public string DefaultLanguage { get; init; } = "eng";

    /// <summary>OSD script name → Tesseract language. chi_sim alone beat eng+chi_sim on Chinese pages here
    /// (faster and more accurate; it reads Latin digits and letters well enough). OSD's script classifier often
    /// calls printed simplified Chinese "Korean" or "Japanese" (measured on our samples), and the documents this
    /// product reads are Chinese or English, so the whole CJK family goes to chi_sim; Latin-looking receipts often
    /// come back "Cyrillic", which goes to eng.</summary>
    public IReadOnlyDictionary<string, string> ScriptLanguages { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Han"] = "chi_sim",
        ["Japanese"] = "chi_sim",
        ["Korean"] = "chi_sim",
        ["Latin"] = "eng",
        ["Cyrillic"] = "eng",
    };

    /// <summary>OSD script confidence below which the script is treated as unknown. Low on purpose: OSD gave printed
    /// Chinese pages script confidences of 0.13–0.7, while Latin pages scored 1–8.</summary>
    public double MinScriptConfidence { get; init; } = 0.1;

    /// <summary>OSD orientation confidence below which the page is left as it is.</summary>
    public double MinOrientationConfidence { get; init; } = 2.0;

    /// <summary>A page read with a mean word confidence below this has OSD's decisions re-checked: unrotated, and with
    /// the other language of <see cref="AlternativeLanguages"/> (automatic language only). Costs extra OCR on doubtful pages only.</summary>
    public double VerifyBelowConfidence { get; init; } = 0.6;

    /// <summary>A first, upright reading in the default (or fixed) language at or above this mean word confidence, its
    /// lines running across the page, is kept and OSD skipped for the page. Above 1 OSD always runs.</summary>
    public double SkipOsdAboveConfidence { get; init; } = 0.75;

    /// <summary>A first reading that fails the OSD skip with a mean word confidence below this is read again upright in the
    /// other language of <see cref="AlternativeLanguages"/> (automatic language only) before OSD runs; when that reading
    /// is confident and runs across the page (as for the OSD skip), it is kept and OSD is not run. A Chinese page read in
    /// eng scores 0.14–0.59 here, a doubtful English receipt 0.55–0.74; a page below <see cref="VerifyBelowConfidence"/> (the
    /// same 0.6) would be re-checked in the other language anyway. 0 turns it off.</summary>
    public double UprightAlternativeBelowConfidence { get; init; } = 0.6;

    /// <summary>Languages whose readings are also judged by their dictionary words (<see cref="ReadingDoubt"/>): a reading in
    /// one of them with fewer than <see cref="MinKnownWordShare"/> of its words known and confident is treated as a reading
    /// below <see cref="VerifyBelowConfidence"/>. Empty turns the check off.</summary>
    public IReadOnlyList<string> DictionaryCheckLanguages { get; init; } = ["eng"];

    /// <summary>Share of confident dictionary words below which a reading's language is doubted. Chinese pages read in eng:
    /// 0–0.08; English generated pages 0.32 and more; SROIE receipts 0.19 and more.</summary>
    public double MinKnownWordShare { get; init; } = 0.12;

    /// <summary>Word confidence at which a dictionary word counts as read confidently.</summary>
    public double KnownWordMinConfidence { get; init; } = 0.8;

    /// <summary>Share of words (two characters or more) taller than wide at which a reading is taken to be on its side and
    /// the two quarter turns are tried. Upright pages: 0–0.15; a Chinese invoice read unrotated on its side: 0.92. Above 1 turns it off.</summary>
    public double MaxTallWordShare { get; init; } = 0.5;

    /// <summary>A reading still below this mean confidence after the language re-check, of at least 8 words that are not its
    /// language's (<see cref="ReadingDoubt"/>; any words for a language the dictionary does not judge), is probed upside down
    /// in both languages: OSD called a Chinese lab report turned over "Cyrillic, upright". 0 turns it off.</summary>
    public double TurnOverBelowConfidence { get; init; } = 0.6;

    /// <summary>With an <see cref="IScriptGuesser"/> on the pipeline (automatic language only): a page it calls Han with at
    /// least this probability is read first in <see cref="ScriptLanguages"/>["Han"] (chi_sim) instead of
    /// <see cref="DefaultLanguage"/>; everything after the first reading (the upright alternative in the other language,
    /// OSD, the re-checks) is unchanged. The committed model's card threshold: out of fold on its 837 training pages no
    /// English page and 242 of 420 Chinese ones reach it (docs/vision.md, "A script guess before the first reading").
    /// Above 1 turns the guess off.</summary>
    public double ScriptGuessMinProbability { get; init; } = 0.98;

    /// <summary>How much more confident a re-check must be to replace the first reading.</summary>
    public double VerifyMargin { get; init; } = 0.1;

    /// <summary>A page read as fewer lines than this is read again with sparse-text segmentation (psm 11): Tesseract's
    /// block layout drops whole label columns of forms ruled with dashed leaders (a clean settlement sheet came back as
    /// 2 of its 20 lines). The sparse reading is kept when it finds at least twice the words at a mean confidence of at least <see cref="VerifyBelowConfidence"/>.</summary>
    public int SparseRecheckBelowLines { get; init; } = 8;

    /// <summary>Such a page is read sparse only when the glyph runs its reading left uncovered (<see cref="Imaging.UncoveredText"/>,
    /// their widths in text heights) add up to at least this many per word read, or it read no words (see
    /// <see cref="SparseRecheck"/>). The sparse reading is kept only when it doubles the words, which takes about as much
    /// text again as was read: the pages where it was kept had 2.5–5.9 text heights of uncovered runs per word read, the
    /// cards and short certificates where it was futile 0–1.6 (tuning sets, docs/scaling.md, "Futile passes skipped").
    /// 0 reads every page of few lines sparse again, as before.</summary>
    public double SparseRecheckMinUncoveredPerWord { get; init; } = 2.0;

    /// <summary>A page of few lines that <see cref="SparseRecheckMinUncoveredPerWord"/> sends to the sparse reading is first
    /// probed in the other language (automatic language only), and read in it in full when the probe is the more confident:
    /// OSD called a Chinese receipt ruled with dashed leaders Latin, and eng read four of its numbers. And a page whose reading
    /// found no words at all (Tesseract's layout found no text block on a Chinese invoice with every row underlined by dashes,
    /// in either language), when its sparse reading is not kept, is read sparse in the other language too, and that reading
    /// kept when more confident than the first by <see cref="VerifyMargin"/> and at least <see cref="VerifyBelowConfidence"/>
    /// less that margin. false turns both off (docs/vision.md, "The other language on sparse pages").</summary>
    public bool SparseLanguageRecheck { get; init; } = true;

    /// <summary>Languages a doubtful automatic choice is re-checked against (the first one that differs from the choice).</summary>
    public IReadOnlyList<string> AlternativeLanguages { get; init; } = ["chi_sim", "eng"];

    /// <summary>Runs of glyphs a page reading left out that are read again, at most (widest first); 0 turns the re-read off.</summary>
    public int MissedTextMaxRuns { get; init; } = 40;

    /// <summary>A run of missed glyphs is read only when its ink is at least this many text heights tall. Flatter runs are
    /// dashed leaders and rules, which the re-read turned into "一 一 一", "站" or nothing: on the tuning sets 220 of 1,872
    /// runs were flatter than 0.55, and none of them gave text; real text, figures and "PAID" measured 0.6 and more.
    /// 0 reads every run, as before.</summary>
    public double MissedTextMinRunHeight { get; init; } = 0.55;

    /// <summary>A re-read run of missed glyphs is added to the page at or above this mean word confidence.</summary>
    public double MissedTextMinConfidence { get; init; } = 0.6;

    /// <summary>A word the page reading gave less than this confidence does not hide the ink under it from the missed-text
    /// re-read (Tesseract puts a 0-confidence "二" over two label lines, or a dash over an amount), and a sure re-reading of
    /// that ink replaces it.</summary>
    public double MissedTextCoverMinConfidence { get; init; } = 0.1;

    /// <summary>Model that re-reads the doubtful figures of pages read in another language (see <see cref="FigureReread"/>);
    /// null or empty turns the re-read off.</summary>
    public string? FigureLanguage { get; init; } = "eng";

    /// <summary>A run of figure words with a word below this confidence (or not shaped like a figure) is re-read.</summary>
    public double FigureRereadBelowConfidence { get; init; } = 0.9;

    /// <summary>A figure re-reading replaces a clean but unsure first reading only at or above this mean confidence.</summary>
    public double FigureMinConfidence { get; init; } = 0.8;

    /// <summary>A figure re-reading replaces a damaged first reading (a glyph among the digits) at or above this mean confidence.</summary>
    public double FigureDamagedMinConfidence { get; init; } = 0.5;

    /// <summary>A line read at a mean word confidence below this is read again alone, as one line (<see cref="DoubtfulLineReread"/>):
    /// the tuning sets' all-field F1 rose 0.910 → 0.912 and 0.921 → 0.923, SROIE's 0.608 → 0.610, for 3 % more CPU per
    /// generated document and 6 % per receipt (docs/vision.md, "Doubtful lines read again"). 0.7 read half as many lines
    /// again for the same F1. 0 turns it off.</summary>
    public double LineRereadBelowConfidence { get; init; } = 0.6;

    /// <summary>How much more confident a line's re-reading must be than the line to replace it.</summary>
    public double LineRereadMargin { get; init; } = 0.1;

    /// <summary>Lines read again per page at most, least confident first.</summary>
    public int LineRereadMaxLines { get; init; } = 12;

    /// <summary>After each document, give the native heap's free memory back to the kernel (<see cref="NativeRuntime.TrimNativeHeap"/>):
    /// glibc's arenas otherwise keep what the last pages freed, and a one-engine worker sat ~150 MB above its models between
    /// documents (docs/scaling.md, "Memory per worker"). Costs a few milliseconds per document; false turns it off.</summary>
    public bool TrimNativeHeapAfterDocument { get; init; } = true;

    /// <summary>Pages whose text is lower than this (px, the 75th percentile of glyph heights) are enlarged for Tesseract
    /// to <see cref="ScaleUpToTextHeight"/> (<see cref="Imaging.ResolutionNormalizer"/>); 8–36. Lower values enlarge fewer
    /// pages: 16 (with <see cref="ScaleUpToTextHeight"/> 24) cut the CPU per generated document by 8–17 % and the key-field
    /// F1 of three of four generated sets by 0.4–1.1 points (docs/scaling.md, "Ninth session"). The default keeps the accuracy.</summary>
    public int ScaleUpBelowTextHeight { get; init; } = Imaging.ResolutionNormalizer.MinTextHeight;

    /// <summary>The text height (px) small text is enlarged to; from <see cref="ScaleUpBelowTextHeight"/> to 36.</summary>
    public int ScaleUpToTextHeight { get; init; } = Imaging.ResolutionNormalizer.TargetTextHeight;

    /// <summary>Fade red seals on colour pages out before OCR (<see cref="Imaging.Seals"/>), so text stamped over reads
    /// again: generated sets' all-field F1 0.889 → 0.907 and 0.906 → 0.922 (tuning), 0.893 → 0.907 (held out), the
    /// classifier's held-out predictions unchanged, 13–17 % more CPU per generated document (docs/vision.md, "Seals").
    /// On by default since the eleventh session; false reads pages with their seals as they are.</summary>
    public bool RemoveSeals { get; init; } = true;

    /// <summary>Tesseract page segmentation mode for recognition (3 = fully automatic, no OSD).</summary>
    public int PageSegMode { get; init; } = 3;

    public const string Auto = "auto";

    /// <summary>Every language model a pipeline reading with these options may load: with <see cref="Auto"/> the default, the
    /// script map's, the alternatives and the figure language; with a fixed language that one and the figure language (the
    /// doubtful figures of its pages are read again in it). The pool loads these at start (<see cref="EnginePool.Warm"/>).</summary>
    public IReadOnlyList<string> LanguagesUsed()
    {
        IEnumerable<string> languages = Language == Auto
            ? [DefaultLanguage, .. ScriptLanguages.Values, .. AlternativeLanguages]
            : [Language];
        if (!string.IsNullOrEmpty(FigureLanguage)) languages = languages.Append(FigureLanguage);
        return [.. languages.Where(l => !string.IsNullOrWhiteSpace(l)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The tessdata folder actually used.</summary>
    public string ResolveTessdata()
    {
        if (!string.IsNullOrWhiteSpace(TessdataPath)) return TessdataPath;
        var env = Environment.GetEnvironmentVariable("TESSDATA_PREFIX");
        return string.IsNullOrWhiteSpace(env) ? DebianTessdata : env;
    }
}
