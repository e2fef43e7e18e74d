using System.Globalization;
using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Imaging;

/// <summary>
/// Decodes JPEG, PNG and (multi-page) TIFF bytes with Leptonica, after validating what can be validated
/// without decoding: byte size, magic bytes, page count and every page's header dimensions. Pages come
/// out upright (EXIF/TIFF orientation applied) as 8 bpp gray or 32 bpp RGB, colormaps and alpha removed.
/// </summary>
public static class ImageDecoder
{
    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="fileName"/> only names the file in errors.</summary>
    /// <exception cref="ImageRejectedException">The input is empty, too large, not a supported format, too big in pixels or pages, or corrupt.</exception>
    public static DecodedImage Decode(ReadOnlySpan<byte> bytes, string fileName, ImageLimits? limits = null)
    {
        var (format, pageCount) = Validate(bytes, fileName, limits ?? ImageLimits.Default);
        var pages = new List<PageImage>(pageCount);
        try
        {
            for (var i = 0; i < pageCount; i++)
                pages.Add(DecodePage(bytes, format, i, pageCount, fileName));
        }
        catch
        {
            foreach (var p in pages) p.Dispose();
            throw;
        }
        return new DecodedImage(format, pages);
    }

    /// <summary>Validates <paramref name="bytes"/> as <see cref="Decode"/> does (size, format, every page's header) without
    /// decoding any pixels, and keeps a copy of them to decode each page when it is asked for.</summary>
    /// <exception cref="ImageRejectedException">The input is empty, too large, not a supported format, or too big in pixels or pages.</exception>
    public static EncodedImage Open(ReadOnlySpan<byte> bytes, string fileName, ImageLimits? limits = null)
    {
        var (format, pageCount) = Validate(bytes, fileName, limits ?? ImageLimits.Default);
        return new EncodedImage(bytes.ToArray(), format, pageCount, fileName);
    }

    /// <summary>Decodes page <paramref name="index"/> of bytes that passed <see cref="Validate"/>.</summary>
    internal static PageImage DecodePage(EncodedImage image, int index) =>
        DecodePage(image.Bytes, image.Format, index, image.PageCount, image.FileName);

    private static (string Format, int PageCount) Validate(ReadOnlySpan<byte> bytes, string fileName, ImageLimits limits)
    {
        if (bytes.IsEmpty)
            throw new ImageRejectedException(ImageRejectionCodes.EmptyFile, $"{fileName}: the file is empty (0 bytes); nothing to read.");
        if (bytes.Length > limits.MaxBytes)
            throw new ImageRejectedException(ImageRejectionCodes.TooLarge,
                $"{fileName}: {Mb(bytes.Length)} is larger than the {Mb(limits.MaxBytes)} accepted per file.");

        var format = ImageFormat.Sniff(bytes);
        if (format is null)
            throw new ImageRejectedException(ImageRejectionCodes.UnsupportedFormat,
                $"{fileName}: {ImageFormat.Describe(bytes)} is not a supported image; send JPEG, PNG or TIFF.");

        var pageCount = format == ImageFormat.Tiff ? CheckTiffHeaders(bytes, fileName, limits) : CheckHeader(bytes, fileName, limits);
        return (format, pageCount);
    }

    private static unsafe int CheckHeader(ReadOnlySpan<byte> bytes, string fileName, ImageLimits limits)
    {
        int rc, w, h;
        fixed (byte* p = bytes)
            rc = Leptonica.pixReadHeaderMem(p, (nuint)bytes.Length, out _, out w, out h, out _, out _, out _);
        if (rc != 0)
            throw Corrupt(fileName, "its header cannot be read");
        CheckPixels(w, h, fileName, limits, page: null);
        return 1;
    }

    private static unsafe int CheckTiffHeaders(ReadOnlySpan<byte> bytes, string fileName, ImageLimits limits)
    {
        var count = 0;
        fixed (byte* p = bytes)
        {
            // One more than allowed, so "exactly MaxPages" passes and "more" is refused without decoding any.
            for (; count <= limits.MaxPages; count++)
            {
                if (Leptonica.readHeaderMemTiff(p, (nuint)bytes.Length, count, out var w, out var h, out _, out _, out _, out _, out _) != 0)
                    break;
                if (count == limits.MaxPages)
                    throw new ImageRejectedException(ImageRejectionCodes.TooManyPages,
                        $"{fileName}: the TIFF has more than {limits.MaxPages} pages, the most accepted per file.");
                CheckPixels(w, h, fileName, limits, page: count);
            }
        }
        if (count == 0) throw Corrupt(fileName, "its TIFF header cannot be read");
        return count;
    }

    private static void CheckPixels(int w, int h, string fileName, ImageLimits limits, int? page)
    {
        var where = page is { } n ? $" (page {n + 1})" : "";
        if (w <= 0 || h <= 0)
            throw Corrupt(fileName, $"its header gives an impossible size {w}×{h}{where}");
        if ((long)w * h > limits.MaxPixels)
            throw new ImageRejectedException(ImageRejectionCodes.TooManyPixels,
                $"{fileName}: {w}×{h} pixels{where} is more than the {limits.MaxPixels / 1e6:0.#} megapixels accepted per page; not decoded.");
    }

    private static unsafe PageImage DecodePage(ReadOnlySpan<byte> bytes, string format, int index, int pageCount, string fileName)
    {
        PixHandle pix;
        fixed (byte* p = bytes)
            pix = format == ImageFormat.Tiff ? Leptonica.pixReadMemTiff(p, (nuint)bytes.Length, index) : Leptonica.pixReadMem(p, (nuint)bytes.Length);
        if (pix.IsInvalid)
        {
            pix.Dispose();
            throw Corrupt(fileName, pageCount > 1 ? $"page {index + 1} cannot be decoded (truncated or damaged data)" : "its data cannot be decoded (truncated or damaged)");
        }
        using (pix)
        {
            using var normalised = Normalise(pix);
            // Leptonica applies a TIFF's Orientation tag while reading; JPEG's EXIF tag is ours to apply.
            var orientation = format == ImageFormat.Jpeg ? ExifOrientation.FromJpeg(bytes) : 1;
            return new PageImage(Orient(normalised, orientation));
        }
    }

    /// <summary>To 8 bpp gray or 32 bpp RGB: alpha composited on white, colormaps expanded, 1/2/4/16 bpp to 8.</summary>
    private static PixHandle Normalise(PixHandle pix)
    {
        if (Leptonica.pixGetColormap(pix) != 0)
        {
            using var noCmap = Native.Check(Leptonica.pixRemoveColormap(pix, Leptonica.RemoveCmapBasedOnSrc), "pixRemoveColormap");
            return Normalise(noCmap);
        }
        var depth = Leptonica.pixGetDepth(pix);
        if (depth == 32)
        {
            if (Leptonica.pixGetSpp(pix) == 4)
            {
                var blended = Native.Check(Leptonica.pixAlphaBlendUniform(pix, 0xFFFFFF00), "pixAlphaBlendUniform");
                _ = Leptonica.pixSetSpp(blended, 3);
                return blended;
            }
            return Native.Check(Leptonica.pixClone(pix), "pixClone");
        }
        return depth == 8
            ? Native.Check(Leptonica.pixClone(pix), "pixClone")
            : Native.Check(Leptonica.pixConvertTo8(pix, 0), "pixConvertTo8");
    }

    /// <summary>Applies an EXIF orientation value (1–8) so the page reads as displayed.</summary>
    internal static PixHandle Orient(PixHandle pix, int orientation)
    {
        switch (orientation)
        {
            case 2: return Native.Check(Leptonica.pixFlipLR(0, pix), "pixFlipLR");
            case 3: return Native.Check(Leptonica.pixRotateOrth(pix, 2), "pixRotateOrth");
            case 4: return Native.Check(Leptonica.pixFlipTB(0, pix), "pixFlipTB");
            case 5: // transpose: 90° clockwise, then mirror
            {
                using var r = Native.Check(Leptonica.pixRotateOrth(pix, 1), "pixRotateOrth");
                return Native.Check(Leptonica.pixFlipLR(0, r), "pixFlipLR");
            }
            case 6: return Native.Check(Leptonica.pixRotateOrth(pix, 1), "pixRotateOrth");
            case 7: // transverse: 90° clockwise, then flip top-bottom
            {
                using var r = Native.Check(Leptonica.pixRotateOrth(pix, 1), "pixRotateOrth");
                return Native.Check(Leptonica.pixFlipTB(0, r), "pixFlipTB");
            }
            case 8: return Native.Check(Leptonica.pixRotateOrth(pix, 3), "pixRotateOrth");
            default: return Native.Check(Leptonica.pixClone(pix), "pixClone");
        }
    }

    private static ImageRejectedException Corrupt(string fileName, string why) =>
        new(ImageRejectionCodes.CorruptImage, $"{fileName}: the image is corrupt: {why}.");

    private static string Mb(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.##} MB");
}
