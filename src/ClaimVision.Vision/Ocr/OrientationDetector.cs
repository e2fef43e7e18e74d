using ClaimVision.Vision.Imaging;

namespace ClaimVision.Vision.Ocr;

/// <summary>
/// Orientation and script detection on a reduced copy of the page: OSD only needs characters of a
/// moderate size, and phone photos are far larger than that, so detecting on the full image mostly costs time.
/// </summary>
internal static class OrientationDetector
{
    /// <summary>Longest side of the copy OSD sees.</summary>
    internal const int OsdLongSide = 1600;

    public static OrientationGuess? Detect(OcrEngine engine, PageImage page)
    {
        var longSide = Math.Max(page.Width, page.Height);
        if (longSide <= OsdLongSide) return engine.DetectOrientation(page.Pix);
        using var small = ImageTransforms.Scale(page, (double)OsdLongSide / longSide);
        return engine.DetectOrientation(small.Pix);
    }
}
