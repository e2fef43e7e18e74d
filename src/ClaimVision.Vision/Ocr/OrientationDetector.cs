using ClaimVision.Vision.Imaging;

namespace ClaimVision.Vision.Ocr;

/// <summary>
/// Orientation and script detection on a reduced, binarised copy of the page. Measured on 30 SROIE receipts
/// (upright and turned 90°): on the grey image OSD named a wrong orientation with confidence ≥ 2 for 2 of 60
/// pages (up to 4.8 on an upright receipt called 180°); on the binarised copy it named none wrongly at that
/// confidence and found the right one more often (43 against 34 of 60). Phone photos are reduced first: OSD
/// only needs characters of moderate size, and full resolution mostly costs time.
/// </summary>
internal static class OrientationDetector
{
    /// <summary>Longest side of the copy OSD sees.</summary>
    internal const int OsdLongSide = 1600;

    public static OrientationGuess? Detect(OcrEngine engine, PageImage page)
    {
        var longSide = Math.Max(page.Width, page.Height);
        using var small = longSide > OsdLongSide ? ImageTransforms.Scale(page, (double)OsdLongSide / longSide) : page.Clone();
        using var binary = Binarizer.ToBinary(small);
        return engine.DetectOrientation(binary);
    }
}
