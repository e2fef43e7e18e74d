namespace ClaimVision.Vision.Imaging;

/// <summary>A decoded file: its format ("jpeg", "png" or "tiff") and its pages, upright as the user sees
/// them (EXIF orientation applied), 8 bpp gray or 32 bpp RGB. Disposing releases every page.</summary>
public sealed class DecodedImage(string format, IReadOnlyList<PageImage> pages) : IDisposable
{
    public string Format { get; } = format;
    public IReadOnlyList<PageImage> Pages { get; } = pages;

    public void Dispose()
    {
        foreach (var page in Pages) page.Dispose();
    }
}
