namespace ClaimVision.Vision.Imaging;

/// <summary>
/// Chooses the scale at which a page goes to Tesseract. The rule:
/// <list type="number">
/// <item>Estimate the text height H: connected components of the binarised page that look like glyphs
/// (4 px ≤ height ≤ page height / 8, width ≤ 4 × height, height ≤ 8 × width), at least 20 of them; H is the
/// 75th percentile of their heights — cap/ascender height for Latin text, the full character for Han
/// (whose split radicals pull lower percentiles down).</item>
/// <item>If H lies in [<see cref="MinTextHeight"/>, <see cref="MaxTextHeight"/>] px, keep the scale (1);
/// otherwise scale so H becomes <see cref="TargetTextHeight"/> px, within [0.2, 4]. The lower bound and the target
/// of small text are a deployment's choice (<see cref="Ocr.OcrOptions.ScaleUpBelowTextHeight"/>,
/// <see cref="Ocr.OcrOptions.ScaleUpToTextHeight"/>): enlarging small print is most of what Tesseract's pixel-bound
/// stages cost on phone photos, and how much of it pays is an accuracy question (docs/scaling.md, "Ninth session").</item>
/// <item>Cap the long side at <see cref="MaxLongSide"/> px whatever the text says (phone photos of a receipt are
/// 4000 px and more; Tesseract gains nothing from it and time grows with area). No text found: only the cap.</item>
/// <item>Factors within 10 % of 1 become 1: resampling blur is not worth so little.</item>
/// </list>
/// </summary>
public static class ResolutionNormalizer
{
    public const int MinTextHeight = 20;
    public const int MaxTextHeight = 36;
    public const int TargetTextHeight = 28;
    public const int MaxLongSide = 3500;
    /// <summary>The lowest bound a deployment may set for enlarging text: glyph components under 4 px are not counted as text at all.</summary>
    public const int MinScaleUpHeight = 8;
    private const int MinGlyphs = 20;

    /// <summary>The scale factor for <paramref name="page"/> by the rule above, with the default bounds.</summary>
    public static double ChooseScale(PageImage page) => ChooseScale(page, EstimateTextHeight(page));

    /// <summary>The scale factor for <paramref name="page"/> whose text is <paramref name="textHeight"/> px high (null: unknown):
    /// text under <paramref name="scaleUpBelow"/> px is enlarged to <paramref name="scaleUpTo"/> px, text over
    /// <see cref="MaxTextHeight"/> reduced to <see cref="TargetTextHeight"/>.</summary>
    internal static double ChooseScale(PageImage page, double? textHeight, int scaleUpBelow = MinTextHeight, int scaleUpTo = TargetTextHeight)
    {
        var factor = 1.0;
        if (textHeight is { } h && h < scaleUpBelow)
            factor = Math.Clamp(scaleUpTo / h, 0.2, 4);
        else if (textHeight is { } tall && tall > MaxTextHeight)
            factor = Math.Clamp(TargetTextHeight / tall, 0.2, 4);
        factor = Math.Min(factor, (double)MaxLongSide / Math.Max(page.Width, page.Height));
        return Math.Abs(factor - 1) < 0.1 ? 1 : Math.Round(factor, 3);
    }

    /// <summary>Throws when <paramref name="scaleUpBelow"/> and <paramref name="scaleUpTo"/> are not a usable pair: text is
    /// enlarged to at least the height that triggers it, and neither leaves [<see cref="MinScaleUpHeight"/>, <see cref="MaxTextHeight"/>].</summary>
    public static void ValidateScaleUp(int scaleUpBelow, int scaleUpTo)
    {
        if (scaleUpBelow < MinScaleUpHeight || scaleUpBelow > MaxTextHeight)
            throw new ArgumentOutOfRangeException(nameof(scaleUpBelow), scaleUpBelow,
                $"ScaleUpBelowTextHeight must be between {MinScaleUpHeight} and {MaxTextHeight} px (text height, default {MinTextHeight}).");
        if (scaleUpTo < scaleUpBelow || scaleUpTo > MaxTextHeight)
            throw new ArgumentOutOfRangeException(nameof(scaleUpTo), scaleUpTo,
                $"ScaleUpToTextHeight must be between ScaleUpBelowTextHeight ({scaleUpBelow}) and {MaxTextHeight} px (default {TargetTextHeight}).");
    }

    /// <summary>The estimated text height in pixels, or null when fewer than 20 glyph-like components were found.</summary>
    public static double? EstimateTextHeight(PageImage page)
    {
        using var binary = Binarizer.ToBinary(page);
        return EstimateTextHeight(PageComponents.Find(binary), page.Height);
    }

    /// <summary>The text height from a page's connected components (see the rule above); null when fewer than 20 look like glyphs.</summary>
    internal static double? EstimateTextHeight(IReadOnlyList<ComponentBox> components, int pageHeight)
    {
        var maxHeight = Math.Max(4, pageHeight / 8);
        var heights = components
            .Where(c => c.Height >= 4 && c.Height <= maxHeight && c.Width <= 4 * c.Height && c.Height <= 8 * c.Width)
            .Select(c => c.Height).ToList();
        if (heights.Count < MinGlyphs) return null;
        heights.Sort();
        return heights[(int)(0.75 * (heights.Count - 1))];
    }
}
