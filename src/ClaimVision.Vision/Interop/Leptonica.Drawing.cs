using System.Runtime.InteropServices;

namespace ClaimVision.Vision.Interop;

// Drawing into an existing PIX (in place): test pages with known content, painted-out dashes, seals.
internal static partial class Leptonica
{
    /// <summary>Leptonica's compiled-in bitmap fonts; dir null selects them, fontsize is one of 4, 6, …, 20.</summary>
    [LibraryImport(Libraries.Leptonica, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial BmfHandle bmfCreate(string? dir, int fontsize);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial void bmfDestroy(ref nint pbmf);

    [LibraryImport(Libraries.Leptonica, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int pixSetTextline(PixHandle pixs, BmfHandle bmf, string textstr, uint val, int x0, int y0, out int width, out int overflow);

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixRenderLineArb(PixHandle pix, int x1, int y1, int x2, int y2, int width, byte rval, byte gval, byte bval);

    internal const int PixSrc = 0xc; // PIX_SRC in Leptonica 1.82
    internal const int PixSet = 0xf; // PIX_SET in Leptonica 1.82 (older headers shifted the op codes left by one)

    [LibraryImport(Libraries.Leptonica)]
    internal static partial int pixRasterop(PixHandle pixd, int dx, int dy, int dw, int dh, int op, nint pixs, int sx, int sy);

    /// <summary><see cref="pixRasterop(PixHandle, int, int, int, int, int, nint, int, int)"/> with a source image.</summary>
    [LibraryImport(Libraries.Leptonica, EntryPoint = "pixRasterop")]
    internal static partial int pixRasteropFrom(PixHandle pixd, int dx, int dy, int dw, int dh, int op, PixHandle pixs, int sx, int sy);
}
