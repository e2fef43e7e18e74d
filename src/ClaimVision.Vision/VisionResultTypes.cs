namespace ClaimVision.Vision;

/// <summary>Per-call settings of <see cref="VisionPipeline.Process"/>.</summary>
public sealed record VisionOptions
{
    public static VisionOptions Default { get; } = new();

    /// <summary>What the decoder accepts (size, pixels, pages).</summary>
    public Imaging.ImageLimits Limits { get; init; } = Imaging.ImageLimits.Default;

    /// <summary>"auto" picks the language per page from OSD's script; otherwise this model is used for every page.</summary>
    public string Language { get; init; } = Ocr.OcrOptions.Auto;
}

/// <summary>Wall-clock milliseconds spent per stage, summed over the pages of a document.</summary>
public sealed record VisionTimings(double DecodeMs, double PreprocessMs, double OcrMs);

/// <summary>Everything the vision layer found in one file.</summary>
public sealed record VisionOutput(string Format, IReadOnlyList<OcrPage> Pages, IReadOnlyList<PageStatistics> Statistics, VisionTimings Timings);
