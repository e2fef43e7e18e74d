using System.Runtime.InteropServices;

namespace ClaimVision.Vision.Interop;

internal static partial class Leptonica
{
    /// <summary>
    /// The Leptonica calls that turn a clean page into a phone photo (ClaimVision.Vision.Degradation): borders,
    /// projective warps, quarter turns, box blur and direct pixel access. Nested so it shares no names with the
    /// decode/OCR bindings kept in the other Leptonica files.
    /// </summary>
    internal static partial class Photo
    {
        [LibraryImport(Libraries.Leptonica)]
        internal static partial PixHandle pixAddBorderGeneral(PixHandle pixs, int left, int right, int top, int bot, uint val);

        /// <summary>Warps so that the points <paramref name="ptas"/> of the source land on <paramref name="ptad"/>;
        /// uncovered pixels get <paramref name="colorval"/> (0xRRGGBB00). 32 bpp in, 32 bpp out, same size.</summary>
        [LibraryImport(Libraries.Leptonica)]
        internal static partial PixHandle pixProjectivePtaColor(PixHandle pixs, PtaHandle ptad, PtaHandle ptas, uint colorval);

        /// <summary>Rotates by <paramref name="quads"/> quarter turns clockwise.</summary>
        [LibraryImport(Libraries.Leptonica)]
        internal static partial PixHandle pixRotateOrth(PixHandle pixs, int quads);

        /// <summary>Box blur of half-widths wc, hc; 8 or 32 bpp.</summary>
        [LibraryImport(Libraries.Leptonica)]
        internal static partial PixHandle pixBlockconv(PixHandle pix, int wc, int hc);

        [LibraryImport(Libraries.Leptonica)]
        internal static unsafe partial uint* pixGetData(PixHandle pix);

        [LibraryImport(Libraries.Leptonica)]
        internal static partial int pixGetWpl(PixHandle pix);

        [LibraryImport(Libraries.Leptonica)]
        internal static partial PtaHandle ptaCreate(int n);

        [LibraryImport(Libraries.Leptonica)]
        internal static partial int ptaAddPt(PtaHandle pta, float x, float y);

        [LibraryImport(Libraries.Leptonica)]
        internal static partial void ptaDestroy(ref nint ppta);

        /// <summary>The 8 coefficients of the projective map taking <paramref name="ptas"/> to <paramref name="ptad"/>;
        /// the array is allocated by Leptonica and freed with lept_free.</summary>
        [LibraryImport(Libraries.Leptonica)]
        internal static partial int getProjectiveXformCoeffs(PtaHandle ptas, PtaHandle ptad, out nint pvc);

        /// <summary>Owns a Leptonica PTA (point array), released with ptaDestroy.</summary>
        internal sealed class PtaHandle : SafeHandle
        {
            public PtaHandle() : base(0, ownsHandle: true) { }
            public override bool IsInvalid => handle == 0;
            protected override bool ReleaseHandle()
            {
                var p = handle;
                ptaDestroy(ref p);
                return true;
            }
        }
    }
}
