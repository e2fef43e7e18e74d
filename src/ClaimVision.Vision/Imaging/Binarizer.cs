using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Imaging;

/// <summary>The 1 bpp (ink = 1) version of a page that skew search, text-size estimation and statistics share:
/// background normalised (uneven phone lighting flattened to 200), then a fixed threshold of 170. At 130 the faint
/// dot-matrix strokes of thermal receipts broke into specks (SROIE 039: ink 0.4 % instead of 3.7 %); 170 keeps
/// them whole and still leaves the normalised paper white.</summary>
internal static class Binarizer
{
    private const int Threshold = 170;

    public static PixHandle ToBinary(PageImage page)
    {
        using var gray = ImageTransforms.ToGray(page);
        using var normalised = Leptonica.pixBackgroundNormSimple(gray.Pix, 0, 0);
        // Normalisation needs a few tiles of background; on tiny or all-dark pages threshold the gray directly.
        var source = normalised.IsInvalid ? gray.Pix : normalised;
        return Native.Check(Leptonica.pixConvertTo1(source, Threshold), "pixConvertTo1");
    }
}
