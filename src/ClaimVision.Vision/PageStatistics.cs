namespace ClaimVision.Vision;

/// <summary>Cheap whole-image statistics the classifier can use beside the text (computed by the vision layer).</summary>
public sealed record PageStatistics
{
    public double AspectRatio { get; init; }
    /// <summary>Share of dark pixels after binarisation, 0–1.</summary>
    public double InkDensity { get; init; }
    /// <summary>Mean colour saturation, 0–1 (stamps, coloured headers, cards).</summary>
    public double MeanSaturation { get; init; }
    /// <summary>Share of strongly red pixels, 0–1 (official seals).</summary>
    public double RedShare { get; init; }
    public int HorizontalRules { get; init; }
    public int VerticalRules { get; init; }
}
