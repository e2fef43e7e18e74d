using System.Runtime.InteropServices;

namespace ClaimVision.Vision.Interop;

/// <summary>
/// Leptonica 1.82 bindings (liblept.so.5). Partial: each concern keeps its functions in its own
/// file (Leptonica.Transform.cs, …). Return values that are new PIX references are <see cref="PixHandle"/>.
/// </summary>
internal static partial class Leptonica
{
    static Leptonica()
    {
        NativeRuntime.EnsureInitialized();
        // Leptonica prints every error to stderr; we turn failures into exceptions ourselves.
        _ = setMsgSeverity(SeverityNone);
    }

    internal const int SeverityNone = 6; // L_SEVERITY_NONE

    // Image file formats (imageio.h).
    internal const int IffUnknown = 0;
    internal const int IffBmp = 1;
    internal const int IffJfifJpeg = 2;
    internal const int IffPng = 3;
    internal const int IffTiff = 4;
    internal const int IffTiffPackbits = 5;
    internal const int IffTiffRle = 6;
    internal const int IffTiffG3 = 7;
    internal const int IffTiffG4 = 8;
    internal const int IffTiffLzw = 9;
    internal const int IffTiffZip = 10;
    internal const int IffPnm = 11;
    internal const int IffPs = 12;
    internal const int IffGif = 13;
    internal const int IffJp2 = 14;
    internal const int IffWebP = 15;
    internal const int IffLpdf = 16;
    internal const int IffTiffJpeg = 17;
    internal const int IffDefault = 18;
    internal const int IffSpix = 19;

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int setMsgSeverity(int newsev);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial void pixDestroy(ref nint ppix);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixClone(PixHandle pixs);

    /// <summary>A reference of our own to a PIX another library owns (Tesseract's input image, say).</summary>
    [LibraryImport(Libraries.Leptonica, EntryPoint = "pixClone")]
    internal static partial PixHandle pixCloneBorrowed(nint pixs);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixCopy(nint pixd, PixHandle pixs);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial PixHandle pixCreate(int width, int height, int depth);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixGetRefcount(PixHandle pix);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixGetDimensions(PixHandle pix, out int w, out int h, out int d);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixGetWidth(PixHandle pix);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixGetHeight(PixHandle pix);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixGetDepth(PixHandle pix);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixGetXRes(PixHandle pix);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixGetYRes(PixHandle pix);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixSetResolution(PixHandle pix, int xres, int yres);

    [LibraryImport(Libraries.Leptonica)]
    internal static unsafe partial PixHandle pixReadMem(byte* data, nuint size);

    [LibraryImport(Libraries.Leptonica)]
    internal static unsafe partial int pixReadHeaderMem(byte* data, nuint size, out int format, out int w, out int h, out int bps, out int spp, out int iscmap);

    [LibraryImport(Libraries.Leptonica)]
    internal static unsafe partial int findFileFormatBuffer(byte* buf, out int format);

    /// <summary>Writes an encoded image into a buffer Leptonica allocates; free it with lept_free (<see cref="LeptonicaBuffer"/>).</summary>
    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixWriteMem(out LeptonicaBuffer data, out nuint size, PixHandle pix, int format);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixWriteMemJpeg(out LeptonicaBuffer data, out nuint size, PixHandle pix, int quality, int progressive);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial void lept_free(nint ptr);
}
