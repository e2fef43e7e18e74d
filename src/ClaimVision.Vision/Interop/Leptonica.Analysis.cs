using System.Runtime.InteropServices;

namespace ClaimVision.Vision.Interop;

// Binarisation, skew search, connected components, colour masks and morphology (read-only analysis).
internal static partial class Leptonica
{
    internal const int ColorRed = 0;        // COLOR_RED
    internal const int ColorGreen = 1;      // COLOR_GREEN: the saturation channel of an HSV pix (hue in red, value in blue)
    internal const int ColorBlue = 2;       // COLOR_BLUE
    internal const int MeanAbsVal = 1;      // L_MEAN_ABSVAL
    internal const int IncludeRegion = 1;   // L_INCLUDE_REGION
    internal const int PixClr = 0x0;        // PIX_CLR
    internal const int SelectIfBoth = 6;    // L_SELECT_IF_BOTH
    internal const int SelectIfLt = 1;      // L_SELECT_IF_LT

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

    /// <summary>Writes the 8 bpp <paramref name="pixs"/> into channel <paramref name="comp"/> of the 32 bpp <paramref name="pixd"/> (in place).</summary>
    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixSetRGBComponent(PixHandle pixd, PixHandle pixs, int comp);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixGetAverageMasked(PixHandle pixs, nint pixm, int x, int y, int factor, int type, out float val);

    /// <summary>The value at <paramref name="rank"/> (0 darkest … 1 brightest) of the 8 bpp <paramref name="pixs"/> under
    /// the 1 bpp mask <paramref name="pixm"/>, sampling every <paramref name="factor"/>-th pixel.</summary>
    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixGetRankValueMasked(PixHandle pixs, PixHandle pixm, int x, int y, int factor, float rank, out float val, nint pna);

    /// <summary>Multiplies an 8 bpp image by <paramref name="val"/> in place, clipping at 255.</summary>
    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixMultConstantGray(PixHandle pixs, float val);

    /// <summary>Maps [minval, maxval] to [0, 255] with exponent 1/<paramref name="gamma"/> (in place when pixd is pixs);
    /// values outside clip to 0 and 255.</summary>
    [LibraryImport(Libraries.Leptonica)]
    internal static partial nint pixGammaTRC(PixHandle pixd, PixHandle pixs, float gamma, int minval, int maxval);

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

    /// <summary>Keeps the components passing the size test (type L_SELECT_IF_BOTH = 6, relation L_SELECT_IF_LT = 1, …).</summary>
    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixSelectBySize(PixHandle pixs, int width, int height, int connectivity, int type, int relation, out int changed);

    /// <summary>Opening by a brick decomposed into two smaller Sels: much faster for long lines, 1 bpp only.</summary>
    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixOpenCompBrick(nint pixd, PixHandle pixs, int hsize, int vsize);


    /// <summary>Flattens uneven illumination: background mapped to 200. pixim/pixg optional (0).</summary>
    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixBackgroundNormSimple(PixHandle pixs, nint pixim, nint pixg);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixDilateBrick(nint pixd, PixHandle pixs, int hsize, int vsize);
}
