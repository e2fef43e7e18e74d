namespace ClaimVision.Vision.Imaging;

/// <summary>
/// A file whose size, format and page headers passed <see cref="ImageDecoder.Open"/>, its pages decoded one at a time.
/// Each <see cref="DecodePage"/> decodes afresh and gives the same pixels every time, so a document's pages need not
/// all be in memory at once, and a page let go can be had again (a colour page of 8–10 MP is 35–40 MB decoded; its
/// bytes are a few MB).
/// </summary>
public sealed class EncodedImage
{
    internal EncodedImage(byte[] bytes, string format, int pageCount, string fileName)
    {
        Bytes = bytes;
        Format = format;
        PageCount = pageCount;
        FileName = fileName;
    }

    internal byte[] Bytes { get; }

    /// <summary>"jpeg", "png" or "tiff".</summary>
    public string Format { get; }

    public int PageCount { get; }

    /// <summary>The name errors give the file.</summary>
    public string FileName { get; }

    /// <summary>Page <paramref name="index"/>, upright as the user sees it, 8 bpp gray or 32 bpp RGB (as in <see cref="DecodedImage"/>); the caller disposes it.</summary>
    /// <exception cref="ImageRejectedException">The page's data is corrupt.</exception>
    public PageImage DecodePage(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, PageCount);
        return ImageDecoder.DecodePage(this, index);
    }
}
