namespace ClaimVision.Vision.Imaging;

/// <summary>
/// What the decoder accepts. Checked before any pixel is decoded: the byte size first, then the page count
/// and each page's header dimensions, so a decompression bomb costs a header read, not its pixel memory.
/// </summary>
public sealed record ImageLimits
{
    /// <summary>The default limits: 40 MB, 80 megapixels per page, 20 pages.</summary>
    public static ImageLimits Default { get; } = new();

    /// <summary>Largest accepted file in bytes (default 40 MB).</summary>
    public long MaxBytes { get; init; } = 40L * 1024 * 1024;

    /// <summary>Largest accepted page in pixels, width × height (default 80 megapixels; a 32 bpp page of that size takes 320 MB).</summary>
    public long MaxPixels { get; init; } = 80_000_000;

    /// <summary>Most pages accepted in one multi-page TIFF (default 20).</summary>
    public int MaxPages { get; init; } = 20;
}
