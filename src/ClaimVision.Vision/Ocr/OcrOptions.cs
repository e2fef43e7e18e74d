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

    /// <summary>"auto" chooses per page from OSD's script; anything else (e.g. "eng", "chi_sim") is used for every page.</summary>
    public string Language { get; init; } = Auto;

    /// <summary>Language when OSD is unsure or reports a script missing from <see cref="ScriptLanguages"/>.</summary>
    public string DefaultLanguage { get; init; } = "eng";

    /// <summary>OSD script name → Tesseract language. chi_sim alone beat eng+chi_sim on Chinese pages here
    /// (faster and more accurate; it reads Latin digits and letters well enough).</summary>
    public IReadOnlyDictionary<string, string> ScriptLanguages { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Han"] = "chi_sim",
        ["Latin"] = "eng",
    };

    /// <summary>OSD script confidence below which the script is treated as unknown.</summary>
    public double MinScriptConfidence { get; init; } = 1.0;

    /// <summary>OSD orientation confidence below which the page is left as it is.</summary>
    public double MinOrientationConfidence { get; init; } = 2.0;

    /// <summary>Tesseract page segmentation mode for recognition (3 = fully automatic, no OSD).</summary>
    public int PageSegMode { get; init; } = 3;

    public const string Auto = "auto";

    /// <summary>The tessdata folder actually used.</summary>
    public string ResolveTessdata()
    {
        if (!string.IsNullOrWhiteSpace(TessdataPath)) return TessdataPath;
        var env = Environment.GetEnvironmentVariable("TESSDATA_PREFIX");
        return string.IsNullOrWhiteSpace(env) ? DebianTessdata : env;
    }
}
