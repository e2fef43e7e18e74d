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

    /// <summary>Whether the sparse reading in the other language replaces a page reading of no words whose own sparse reading
    /// was not kept (<see cref="OcrOptions.SparseLanguageRecheck"/>): it must read two words or more (as the first must, to
    /// double none), be more confident than the first
    /// sparse reading by <see cref="OcrOptions.VerifyMargin"/>, and reach <see cref="OcrOptions.VerifyBelowConfidence"/> less
    /// that margin (a photo's texture read sparse is debris at 0.1–0.4 in either language).</summary>
    public static bool OtherLanguageKept(RecognizedText firstSparse, RecognizedText otherSparse, OcrOptions options) =>
        otherSparse.Lines.Sum(l => l.Words.Count) >= 2
        && otherSparse.MeanConfidence > firstSparse.MeanConfidence + options.VerifyMargin
        && otherSparse.MeanConfidence >= options.VerifyBelowConfidence - options.VerifyMargin;
}
