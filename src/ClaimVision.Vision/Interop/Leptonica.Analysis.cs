using System.Runtime.InteropServices;

namespace ClaimVision.Vision.Interop;

// Binarisation, skew search, connected components, colour masks and morphology (read-only analysis).
internal static partial class Leptonica
{
    internal const int ColorRed = 0;        // COLOR_RED: hue in an HSV pix
    internal const int ColorGreen = 1;      // COLOR_GREEN: saturation in an HSV pix
    internal const int ColorBlue = 2;       // COLOR_BLUE: value in an HSV pix
    internal const int MeanAbsVal = 1;      // L_MEAN_ABSVAL
    internal const int IncludeRegion = 1;   // L_INCLUDE_REGION
    internal const int PixSet = 0x1e;       // PIX_SET (rasterop)
    internal const int PixClr = 0x0;        // PIX_CLR

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixOtsuAdaptiveThreshold(PixHandle pixs, int sx, int sy, int smoothx, int smoothy, float scorefract, nint ppixth, out PixHandle ppixd);

    /// <summary>Skew of a 1 bpp image in degrees (sweep ±7°); conf 0 when Leptonica is not confident.</summary>
    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixFindSkew(PixHandle pixs, out float angle, out float conf);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixFindSkewSweepAndSearch(PixHandle pixs, out float angle, out float conf, int redsweep, int redsearch, float sweeprange, float sweepdelta, float minbsdelta);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial BoxaHandle pixConnComp(PixHandle pixs, nint ppixa, int connectivity);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixCountConnComp(PixHandle pixs, int connectivity, out int count);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int boxaGetCount(BoxaHandle boxa);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int boxaGetBoxGeometry(BoxaHandle boxa, int index, out int x, out int y, out int w, out int h);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial void boxaDestroy(ref nint pboxa);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixCountPixels(PixHandle pixs, out int count, nint tab8);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixConvertRGBToHSV(nint pixd, PixHandle pixs);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixGetRGBComponent(PixHandle pixs, int comp);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixGetAverageMasked(PixHandle pixs, nint pixm, int x, int y, int factor, int type, out float val);

    /// <summary>1 bpp mask of pixels whose hue and saturation fall in the given bands (hue 0–239, wraps around).</summary>
    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixMakeRangeMaskHS(PixHandle pixs, int huecenter, int huehw, int satcenter, int sathw, int regionflag);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixMakeRangeMaskSV(PixHandle pixs, int satcenter, int sathw, int valcenter, int valhw, int regionflag);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixAnd(nint pixd, PixHandle pixs1, PixHandle pixs2);

    /// <summary>pixs1 AND NOT pixs2 (1 bpp).</summary>
    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixSubtract(nint pixd, PixHandle pixs1, PixHandle pixs2);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixOpenBrick(nint pixd, PixHandle pixs, int hsize, int vsize);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixCloseBrick(nint pixd, PixHandle pixs, int hsize, int vsize);

    /// <summary>Flattens uneven illumination: background mapped to 200. pixim/pixg optional (0).</summary>
    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixBackgroundNormSimple(PixHandle pixs, nint pixim, nint pixg);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixDilateBrick(nint pixd, PixHandle pixs, int hsize, int vsize);
}
