using System.Runtime.InteropServices;

namespace ClaimVision.Vision.Interop;

// Decoding, depth conversion and geometric transforms. Every PIX-returning function here returns a new
// reference (or null on failure), owned by the returned PixHandle. Where Leptonica takes an optional
// destination (pixd) we always pass 0, so the result is never one of our inputs modified in place.
internal static partial class Leptonica
{
    internal const int RemoveCmapBasedOnSrc = 4; // REMOVE_CMAP_BASED_ON_SRC
    internal const int RotateAreaMap = 1;        // L_ROTATE_AREA_MAP
    internal const int BringInWhite = 1;         // L_BRING_IN_WHITE

    [LibraryImport(Libraries.Leptonica)]
    internal static unsafe partial int readHeaderMemTiff(byte* cdata, nuint size, int n, out int w, out int h, out int bps, out int spp, out int res, out int cmap, out int format);

    [LibraryImport(Libraries.Leptonica)]
    internal static unsafe partial PixHandle pixReadMemTiff(byte* cdata, nuint size, int n);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixGetSpp(PixHandle pix);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixSetSpp(PixHandle pix, int spp);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial nint pixGetColormap(PixHandle pix);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixRemoveColormap(PixHandle pixs, int type);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixConvertTo8(PixHandle pixs, int cmapflag);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixConvertTo32(PixHandle pixs);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixConvertTo1(PixHandle pixs, int threshold);

    /// <summary>A new image (pixd null) with every pixel's value inverted.</summary>
    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixInvert(nint pixd, PixHandle pixs);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixAlphaBlendUniform(PixHandle pixs, uint color);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixRotateOrth(PixHandle pixs, int quads);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixFlipLR(nint pixd, PixHandle pixs);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixFlipTB(nint pixd, PixHandle pixs);

    /// <summary>Rotates about the centre; angle in radians, clockwise positive. width/height 0: output keeps the input size.</summary>
    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixRotate(PixHandle pixs, float angle, int type, int incolor, int width, int height);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixScale(PixHandle pixs, float scalex, float scaley);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixGetPixel(PixHandle pix, int x, int y, out uint val);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixGetRGBPixel(PixHandle pix, int x, int y, out int r, out int g, out int b);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixSetAll(PixHandle pix);

    /// <summary>L_ALPHA_CHANNEL: the low byte of a 32 bpp pixel (0xRRGGBBAA).</summary>
    internal const int AlphaChannel = 3;

    /// <summary>Sets one component (<see cref="AlphaChannel"/> …) of every pixel of a 32 bpp image to <paramref name="val"/>.</summary>
    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixSetComponentArbitrary(PixHandle pix, int comp, int val);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixEqual(PixHandle pix1, PixHandle pix2, out int same);
}
