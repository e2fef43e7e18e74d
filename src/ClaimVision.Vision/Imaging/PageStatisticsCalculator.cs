using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Imaging;

/// <summary>
/// Computes <see cref="PageStatistics"/> with Leptonica, on copies reduced to at most <see cref="WorkingLongSide"/> px
/// (ink and rules) and <see cref="ColourLongSide"/> px (colour): they are ratios and counts, and the HSV
/// conversions cost about 0.1 s per megapixel here.
/// <list type="bullet">
/// <item>Ink density: share of foreground pixels of the shared binarisation (see <see cref="Binarizer"/>).</item>
/// <item>Saturation and red share: Leptonica HSV (hue 0–239, red at 0). Red = hue within ±14 (±21°) of red,
/// saturation ≥ 105 and value ≥ 85: seal ink, not dark text with a colour cast.</item>
/// <item>Rules: the binary page without seal-sized red marks (red components smaller than a third of the page
/// both ways; a red-printed form grid, as on Chinese VAT invoices, is larger and stays), dilated 5 px across the
/// rule direction (so a rule skewed by a degree or two stays one run), then opened with a line 1/8 of the page
/// width (horizontal) or 1/10 of its height (vertical), at least 40 px. Text strokes do not survive that; each
/// surviving connected component counts as one rule.</item>
/// </list>
/// </summary>
public static class PageStatisticsCalculator
{
    public const int WorkingLongSide = 1600;
    public const int ColourLongSide = 800;

    public static PageStatistics Compute(PageImage page)
    {
        using var work = Reduced(page, WorkingLongSide);
        using var binary = Binarizer.ToBinary(work);
        return Compute(page, work, binary);
    }

    /// <summary>The statistics from <paramref name="work"/> (<paramref name="page"/> reduced to
    /// <see cref="WorkingLongSide"/>, see <see cref="Reduced"/>) and its binarisation, which OSD shares.</summary>
    internal static PageStatistics Compute(PageImage page, PageImage work, PixHandle binary)
    {
        var (saturation, red) = page.IsColor ? ColourShares(page) : (0, 0);
        // Most pages have no red at all; only then is the full-size red mask worth its HSV conversion.
        using var seals = red > 0 ? SealMarks(work) : null;
        using var ruleInk = seals is null
            ? Native.Check(Leptonica.pixClone(binary), "pixClone")
            : Native.Check(Leptonica.pixSubtract(0, binary, seals), "pixSubtract");
        return new PageStatistics
        {
            AspectRatio = (double)page.Width / page.Height,
            InkDensity = Binarizer.InkShare(binary),
            MeanSaturation = saturation,
            RedShare = red,
            HorizontalRules = CountRules(ruleInk, Math.Max(40, work.Width / 8), horizontal: true),
            VerticalRules = CountRules(ruleInk, Math.Max(40, work.Height / 10), horizontal: false),
        };
    }

    /// <summary>The page reduced to a long side of at most <paramref name="longSide"/> (a clone if already smaller).</summary>
    internal static PageImage Reduced(PageImage page, int longSide)
    {
        var current = Math.Max(page.Width, page.Height);
        return current > longSide ? ImageTransforms.Scale(page, (double)longSide / current) : page.Clone();
    }

    private static (double Saturation, double Red) ColourShares(PageImage page)
    {
        using var small = Reduced(page, ColourLongSide);
        using var hsv = Native.Check(Leptonica.pixConvertRGBToHSV(0, small.Pix), "pixConvertRGBToHSV");
        using var sat = Native.Check(Leptonica.pixGetRGBComponent(hsv, Leptonica.ColorGreen), "pixGetRGBComponent");
        if (Leptonica.pixGetAverageMasked(sat, 0, 0, 0, 1, Leptonica.MeanAbsVal, out var meanSat) != 0)
            throw new InvalidOperationException("Leptonica pixGetAverageMasked failed.");
        using var red = Seals.RedMask(small);
        return (meanSat / 255.0, Binarizer.InkShare(red));
    }

    /// <summary>Red components smaller than a third of the page in both directions: seals and red handwriting.</summary>
    private static PixHandle SealMarks(PageImage page)
    {
        using var red = Seals.RedMask(page);
        return Native.Check(Leptonica.pixSelectBySize(red, page.Width / 3, page.Height / 3, 8,
            Leptonica.SelectIfBoth, Leptonica.SelectIfLt, out _), "pixSelectBySize");
    }

    private static int CountRules(PixHandle binary, int length, bool horizontal)
    {
        using var thick = Native.Check(horizontal ? Leptonica.pixDilateBrick(0, binary, 1, 5) : Leptonica.pixDilateBrick(0, binary, 5, 1), "pixDilateBrick");
        using var lines = Native.Check(horizontal ? Leptonica.pixOpenCompBrick(0, thick, length, 1) : Leptonica.pixOpenCompBrick(0, thick, 1, length), "pixOpenCompBrick");
        if (Leptonica.pixCountConnComp(lines, 8, out var count) != 0)
            throw new InvalidOperationException("Leptonica pixCountConnComp failed.");
        return count;
    }
}
