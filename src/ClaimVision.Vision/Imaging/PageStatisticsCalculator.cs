using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Imaging;

/// <summary>
/// Computes <see cref="PageStatistics"/> with Leptonica on a copy reduced to at most
/// <see cref="WorkingLongSide"/> px (ratios do not need more, and rule detection gets cheaper).
/// <list type="bullet">
/// <item>Ink density: share of foreground pixels of the shared binarisation (background-normalised, threshold 130).</item>
/// <item>Saturation and red share: Leptonica HSV (hue 0–239, red at 0). Red = hue within ±<see cref="RedHueHalfWidth"/>
/// (±21°) of red, saturation ≥ 105 and value ≥ 85, i.e. seal ink, not dark text with a colour cast.</item>
/// <item>Rules: the binary page without the red pixels (seal rings are long curved strokes), dilated 5 px across the rule direction (so a rule skewed by a degree or two stays one run),
/// then opened with a line 1/8 of the page width (horizontal) or 1/10 of its height (vertical), at least 40 px:
/// only ruling lines survive, text strokes do not.
/// Each surviving connected component counts as one rule.</item>
/// </list>
/// </summary>
public static class PageStatisticsCalculator
{
    public const int WorkingLongSide = 1600;
    private const int RedHueHalfWidth = 14;

    public static PageStatistics Compute(PageImage page)
    {
        var longSide = Math.Max(page.Width, page.Height);
        using var work = longSide > WorkingLongSide ? ImageTransforms.Scale(page, (double)WorkingLongSide / longSide) : page.Clone();
        using var binary = Binarizer.ToBinary(work);
        var area = (double)work.Width * work.Height;

        using var red = work.IsColor ? RedMask(work) : null;
        using var darkInk = red is null
            ? Native.Check(Leptonica.pixClone(binary), "pixClone")
            : Native.Check(Leptonica.pixSubtract(0, binary, red), "pixSubtract");
        return new PageStatistics
        {
            AspectRatio = (double)page.Width / page.Height,
            InkDensity = Count(binary) / area,
            MeanSaturation = work.IsColor ? MeanSaturation(work) : 0,
            RedShare = red is null ? 0 : Count(red) / area,
            HorizontalRules = CountRules(darkInk, Math.Max(40, work.Width / 8), horizontal: true),
            VerticalRules = CountRules(darkInk, Math.Max(40, work.Height / 10), horizontal: false),
        };
    }

    private static double MeanSaturation(PageImage page)
    {
        using var hsv = Native.Check(Leptonica.pixConvertRGBToHSV(0, page.Pix), "pixConvertRGBToHSV");
        using var sat = Native.Check(Leptonica.pixGetRGBComponent(hsv, Leptonica.ColorGreen), "pixGetRGBComponent");
        if (Leptonica.pixGetAverageMasked(sat, 0, 0, 0, 1, Leptonica.MeanAbsVal, out var meanSat) != 0)
            throw new InvalidOperationException("Leptonica pixGetAverageMasked failed.");
        return meanSat / 255.0;
    }

    private static PixHandle RedMask(PageImage page)
    {
        using var hueMask = Native.Check(Leptonica.pixMakeRangeMaskHS(page.Pix, 0, RedHueHalfWidth, 180, 75, Leptonica.IncludeRegion), "pixMakeRangeMaskHS");
        using var svMask = Native.Check(Leptonica.pixMakeRangeMaskSV(page.Pix, 180, 75, 170, 85, Leptonica.IncludeRegion), "pixMakeRangeMaskSV");
        return Native.Check(Leptonica.pixAnd(0, hueMask, svMask), "pixAnd");
    }

    private static int CountRules(PixHandle binary, int length, bool horizontal)
    {
        using var thick = Native.Check(horizontal ? Leptonica.pixDilateBrick(0, binary, 1, 5) : Leptonica.pixDilateBrick(0, binary, 5, 1), "pixDilateBrick");
        using var lines = Native.Check(horizontal ? Leptonica.pixOpenBrick(0, thick, length, 1) : Leptonica.pixOpenBrick(0, thick, 1, length), "pixOpenBrick");
        if (Leptonica.pixCountConnComp(lines, 8, out var count) != 0)
            throw new InvalidOperationException("Leptonica pixCountConnComp failed.");
        return count;
    }

    private static int Count(PixHandle binary)
    {
        if (Leptonica.pixCountPixels(binary, out var count, 0) != 0)
            throw new InvalidOperationException("Leptonica pixCountPixels failed.");
        return count;
    }
}
