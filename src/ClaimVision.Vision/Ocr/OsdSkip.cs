namespace ClaimVision.Vision.Ocr;

/// <summary>
/// When orientation and script detection can be skipped for a page: its upright first reading in the language OSD
/// would fall back to (or the caller's fixed language) is confident and runs across the page, so the page is upright
/// and in that language. A page in the other script or upside down reads as low-confidence noise and still gets OSD.
/// A page turned on its side can read confidently (Tesseract's layout analysis follows vertical lines), but its lines
/// come back taller than wide; it still gets OSD, since field extraction needs the page's orientation.
/// </summary>
public static class OsdSkip
{
    /// <summary>Share of the first reading's characters that must lie on lines wider than tall.</summary>
    public const double MinHorizontalShare = 0.9;

    public static bool Applies(RecognizedText first, OcrOptions options) =>
        first.MeanConfidence >= options.SkipOsdAboveConfidence && HorizontalShare(first) >= MinHorizontalShare;

    private static double HorizontalShare(RecognizedText first)
    {
        var total = first.Lines.Sum(l => l.Text.Length);
        if (total == 0) return 0;
        return (double)first.Lines.Where(l => l.Box.Width > l.Box.Height).Sum(l => l.Text.Length) / total;
    }
}
