using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Imaging;

/// <summary>The deskewed page, the skew found (degrees, positive = text running counter-clockwise, removed by
/// rotating the page that many degrees clockwise; 0 when nothing was applied) and Leptonica's confidence
/// (ratio of best to worst projection score; 0 = no estimate, at least <see cref="Deskewer.MinConfidence"/> = trusted on
/// its own, from <see cref="Deskewer.AgreedConfidence"/> when both searches agree).</summary>
public sealed record DeskewResult(PageImage Image, double AngleDegrees, double Confidence);

/// <summary>
/// Finds text skew with Leptonica's projection-profile search on a binarised copy and removes it.
/// First pixFindSkew (sweep ±7°); if it declines (confidence below 3, which includes an angle at the edge of
/// its sweep), a wider sweep ±<see cref="WideSweepDegrees"/>° with pixFindSkewSweepAndSearch; a narrow estimate of
/// confidence ≥ <see cref="AgreedConfidence"/> that the wide sweep confirms is trusted too. A weak estimate is never
/// applied: the page comes back unrotated with angle 0.
/// </summary>
public static class Deskewer
{
    /// <summary>Leptonica's own threshold for a trusted skew (MinAllowedConfidence in skew.c).</summary>
    public const double MinConfidence = 3.0;

    /// <summary>Below this a rotation is not worth its resampling blur (Leptonica's MinDeskewAngle).</summary>
    public const double MinAngleDegrees = 0.1;

    /// <summary>Half-width of the fallback sweep; phone photos of receipts are often 8–15° off.</summary>
    public const double WideSweepDegrees = 20;

    /// <summary>A narrow estimate this confident is trusted when the wide sweep agrees within <see cref="AgreedDegrees"/>.</summary>
    public const double AgreedConfidence = 2.5;

    public const double AgreedDegrees = 0.5;

    public static DeskewResult Deskew(PageImage page)
    {
        using var binary = Binarizer.ToBinary(page);
        return Deskew(page, binary);
    }

    /// <summary>Deskews <paramref name="page"/>, searching the skew on its already binarised <paramref name="binary"/>.</summary>
    internal static DeskewResult Deskew(PageImage page, PixHandle binary)
    {
        var (angle, confidence, trusted) = Estimate(binary);
        if (!trusted || Math.Abs(angle) < MinAngleDegrees)
            return new DeskewResult(page.Clone(), 0, confidence);
        return new DeskewResult(ImageTransforms.Rotate(page, angle), angle, confidence);
    }

    /// <summary>The skew estimate without rotating: (angle in degrees, confidence).</summary>
    public static (double AngleDegrees, double Confidence) FindSkew(PageImage page)
    {
        using var binary = Binarizer.ToBinary(page);
        var (angle, confidence, _) = Estimate(binary);
        return (angle, confidence);
    }

    /// <summary>
    /// pixFindSkew's estimate, trusted at confidence ≥ <see cref="MinConfidence"/>. Below that the wide sweep runs; its
    /// estimate is trusted at ≥ <see cref="MinConfidence"/> too, and so is a narrow estimate of at least
    /// <see cref="AgreedConfidence"/> that the independent wide search confirms within <see cref="AgreedDegrees"/>
    /// (a noisy phone photo tilted 2.5° scored 2.79: two searches agreeing is evidence a lone threshold misses).
    /// </summary>
    private static (double AngleDegrees, double Confidence, bool Trusted) Estimate(PixHandle binary)
    {
        var narrow = Leptonica.pixFindSkew(binary, out var angle, out var conf) == 0;
        if (narrow && conf >= MinConfidence)
            return (angle, conf, true);
        // Sweep at 4× reduction in 1° steps, then binary search at 2× reduction down to 0.01°.
        if (Leptonica.pixFindSkewSweepAndSearch(binary, out var wideAngle, out var wideConf, 4, 2, (float)WideSweepDegrees, 1f, 0.01f) != 0
            || Math.Abs(wideAngle) >= WideSweepDegrees - 0.5)
            return (0, 0, false);
        if (narrow && conf >= AgreedConfidence && Math.Abs(wideAngle - angle) <= AgreedDegrees)
            return (angle, conf, true);
        return (wideAngle, wideConf, wideConf >= MinConfidence);
    }
}
