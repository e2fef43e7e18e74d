using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Imaging;

/// <summary>The 1 bpp (ink = 1) version of a page that skew search, text-size estimation and statistics share:
/// background normalised (uneven phone lighting flattened to 200), then a fixed threshold of 170. At 130 the faint
/// dot-matrix strokes of thermal receipts broke into specks (SROIE 039: ink 0.4 % instead of 3.7 %); 170 keeps
/// them whole and still leaves the normalised paper white.</summary>
internal static class Binarizer
{
    private const int Threshold = 170;

    /// <summary>A page is taken as possibly light text on a dark face when more than this share of it is darker than the
    /// ink threshold before normalisation (a gold card's face is about 155).</summary>
    private const double MostlyDarkShare = 0.5;

    public static PixHandle ToBinary(PageImage page)
    {
        using var gray = ImageTransforms.ToGray(page);
        return Threshold1(gray.Pix);
    }

    /// <summary>The page's binary (as <see cref="ToBinary"/>) and, when most of the page is darker than the ink threshold (a bank card,
    /// a screen: light text on a dark face), the binary of its inverted gray, in which that text is the ink; null otherwise.
    /// Background normalisation takes a dark face for the paper and its light text for more paper, so in the first binary
    /// such text is gone and only the face's noise is left.</summary>
    public static (PixHandle Binary, PixHandle? LightOnDark) ToBinaries(PageImage page)
    {
        using var gray = ImageTransforms.ToGray(page);
        var binary = Threshold1(gray.Pix);
        try
        {
            using (var dark = Native.Check(Leptonica.pixConvertTo1(gray.Pix, Threshold), "pixConvertTo1"))
                if (InkShare(dark) <= MostlyDarkShare) return (binary, null);
            using var inverted = Native.Check(Leptonica.pixInvert(0, gray.Pix), "pixInvert");
            return (binary, Threshold1(inverted));
        }
        catch
        {
            binary.Dispose();
            throw;
        }
    }

    private static PixHandle Threshold1(PixHandle gray)
    {
        using var normalised = Leptonica.pixBackgroundNormSimple(gray, 0, 0);
        // Normalisation needs a few tiles of background; on tiny or all-dark pages threshold the gray directly.
        var source = normalised.IsInvalid ? gray : normalised;
        return Native.Check(Leptonica.pixConvertTo1(source, Threshold), "pixConvertTo1");
    }

    /// <summary>The share of a 1 bpp image's pixels that are ink (set).</summary>
    internal static double InkShare(PixHandle binary)
    {
        if (Leptonica.pixCountPixels(binary, out var count, 0) != 0)
            throw new InvalidOperationException("Leptonica pixCountPixels failed.");
        var area = (long)Leptonica.pixGetWidth(binary) * Leptonica.pixGetHeight(binary);
        return area > 0 ? (double)count / area : 0;
    }
}
