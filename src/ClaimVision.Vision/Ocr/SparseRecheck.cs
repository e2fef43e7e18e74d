namespace ClaimVision.Vision.Ocr;

/// <summary>
/// Whether a page's reading is worth reading again with sparse segmentation (psm 11). Tesseract's block layout drops
/// label columns of some forms, and the page comes back as few lines with their ink left uncovered; a card or a short
/// certificate also comes back as few lines, but read whole. Only the first has room for the sparse reading to double
/// the words, which it must to be kept.
/// </summary>
internal static class SparseRecheck
{
    /// <param name="lines">Lines of the page's reading.</param>
    /// <param name="words">Words of the page's reading.</param>
    /// <param name="uncoveredWidth">Width of the glyph runs the reading left uncovered, in text heights
    /// (<see cref="Imaging.UncoveredText.WidthInTextHeights"/>).</param>
    /// <param name="options">Supplies <see cref="OcrOptions.SparseRecheckBelowLines"/> and <see cref="OcrOptions.SparseRecheckMinUncoveredPerWord"/>.</param>
    public static bool Worth(int lines, int words, double uncoveredWidth, OcrOptions options) =>
        lines < options.SparseRecheckBelowLines && uncoveredWidth >= options.SparseRecheckMinUncoveredPerWord * words;
}
