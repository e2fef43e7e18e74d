using ClaimVision.Domain.Documents;

namespace ClaimVision.Vision;

// Coordinates: every box is in pixels of the page image as the user sees it, i.e. after EXIF orientation
// is applied but before our own rotation, deskew or rescaling. The vision layer maps boxes back, so a viewer
// can draw them on the stored image. Confidences are 0–1 everywhere (Tesseract's 0–100 is divided by 100).

/// <summary>A recognised word.</summary>
public sealed record OcrWord(string Text, double Confidence, BoundingBox Box);

/// <summary>A recognised text line with its words.</summary>
public sealed record OcrLine(string Text, double Confidence, BoundingBox Box, IReadOnlyList<OcrWord> Words)
{
    /// <summary>The height of the line's middle word by height (the upper one of two), or the line box's without words: the
    /// height its glyphs are written at, which a slanted line's box overstates.</summary>
    public int MedianWordHeight() =>
        Words.Count == 0 ? Box.Height : Words.Select(w => w.Box.Height).Order().ElementAt(Words.Count / 2);
}

/// <summary>The OCR result of one page, with what preprocessing found out about the page.</summary>
public sealed record OcrPage
{
    public int PageIndex { get; init; }
    /// <summary>Width and height of the page image as the user sees it (after EXIF orientation).</summary>
    public required int Width { get; init; }
    public required int Height { get; init; }
    /// <summary>Clockwise rotation in degrees (0, 90, 180, 270) that was applied to make the text upright.</summary>
    public int Orientation { get; init; }
    /// <summary>Skew angle in degrees that deskewing removed (positive = counter-clockwise text).</summary>
    public double SkewDegrees { get; init; }
    /// <summary>Script reported by orientation-and-script detection ("Han", "Latin", …), or null when OSD did not run or was unsure.</summary>
    public string? Script { get; init; }
    /// <summary>The Tesseract language model(s) used, e.g. "chi_sim" or "eng".</summary>
    public required string Language { get; init; }
    /// <summary>Scale factor applied before OCR (1 = none).</summary>
    public double Scale { get; init; } = 1;
    public double MeanConfidence { get; init; }
    public IReadOnlyList<OcrLine> Lines { get; init; } = [];

    public string Text => string.Join('\n', Lines.Select(l => l.Text));
}
