using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Imaging;

/// <summary>Geometric and depth transforms. Each returns a new page and leaves its input untouched;
/// angles are in degrees, clockwise positive (as the page is viewed).</summary>
public static class ImageTransforms
{
    /// <summary>Rotates by a multiple of 90° clockwise (negative turns counter-clockwise); width and height swap on odd quarter turns.</summary>
    public static PageImage RotateOrthogonal(PageImage page, int clockwiseDegrees)
    {
        var quads = QuarterTurns(clockwiseDegrees);
        return quads == 0 ? page.Clone() : new PageImage(Native.Check(Leptonica.pixRotateOrth(page.Pix, quads), "pixRotateOrth"));
    }

    /// <summary>Rotates about the centre by a small angle, keeping the page size; corners brought in are white.
    /// Meant for deskewing (|angle| ≤ 45°); use <see cref="RotateOrthogonal"/> for quarter turns.</summary>
    public static PageImage Rotate(PageImage page, double clockwiseDegrees)
    {
        if (double.IsNaN(clockwiseDegrees) || Math.Abs(clockwiseDegrees) > 45)
            throw new ArgumentOutOfRangeException(nameof(clockwiseDegrees), clockwiseDegrees, "Small-angle rotation takes -45° to 45°.");
        if (clockwiseDegrees == 0) return page.Clone();
        var radians = (float)(clockwiseDegrees * Math.PI / 180);
        return new PageImage(Native.Check(
            Leptonica.pixRotate(page.Pix, radians, Leptonica.RotateAreaMap, Leptonica.BringInWhite, 0, 0), "pixRotate"));
    }

    /// <summary>Scales both axes by <paramref name="factor"/> (0.05–8), with smoothing when reducing.
    /// The new size is round(factor × size), as Leptonica computes it.</summary>
    public static PageImage Scale(PageImage page, double factor)
    {
        if (double.IsNaN(factor) || factor < 0.05 || factor > 8)
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "Scale factor must be between 0.05 and 8.");
        if (factor == 1) return page.Clone();
        return new PageImage(Native.Check(Leptonica.pixScale(page.Pix, (float)factor, (float)factor), "pixScale"));
    }

    /// <summary>An 8 bpp gray version (luminance); a gray page comes back as a clone.</summary>
    public static PageImage ToGray(PageImage page) =>
        page.Depth == 8 ? page.Clone() : new PageImage(Native.Check(Leptonica.pixConvertTo8(page.Pix, 0), "pixConvertTo8"));

    internal static int QuarterTurns(int clockwiseDegrees)
    {
        if (clockwiseDegrees % 90 != 0)
            throw new ArgumentOutOfRangeException(nameof(clockwiseDegrees), clockwiseDegrees, "Orthogonal rotation takes a multiple of 90°.");
        return ((clockwiseDegrees / 90 % 4) + 4) % 4;
    }
}
