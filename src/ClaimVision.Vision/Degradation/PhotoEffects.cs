namespace ClaimVision.Vision.Degradation;

/// <summary>
/// Exactly how to turn a clean page into a phone photo. Every strength is explicit, so the same effects
/// give the same bytes; drawing them at random (and seeding that) is the caller's business.
/// </summary>
public sealed record PhotoEffects
{
    /// <summary>Quarter turns clockwise (0–3), applied last among the geometric effects.</summary>
    public int QuarterTurns { get; init; }
    /// <summary>Skew in degrees, positive clockwise.</summary>
    public double RotationDegrees { get; init; }
    /// <summary>Perspective: offsets of the page corners (top-left, top-right, bottom-right, bottom-left; x then y),
    /// each a fraction of the page's shorter side. Empty for none.</summary>
    public IReadOnlyList<double> CornerOffsets { get; init; } = [];
    /// <summary>Background (table) shown around the page, as a fraction of the shorter side.</summary>
    public double Margin { get; init; }
    /// <summary>Colour of that background, 0xRRGGBB.</summary>
    public uint Background { get; init; } = 0x404040;
    /// <summary>Box-blur half-width in pixels (0 = none).</summary>
    public int Blur { get; init; }
    /// <summary>Standard deviation of additive grey noise, in 8-bit levels.</summary>
    public double Noise { get; init; }
    /// <summary>Uneven light: the darkest edge is multiplied by 1 − this (0 = even).</summary>
    public double Lighting { get; init; }
    /// <summary>Direction the light falls off towards, in radians (0 = darker to the right).</summary>
    public double LightingAngle { get; init; }
    /// <summary>JPEG quality 1–100; null stores a lossless PNG.</summary>
    public int? JpegQuality { get; init; }
    /// <summary>Seed of the noise pattern.</summary>
    public ulong NoiseSeed { get; init; }

    public static PhotoEffects None { get; } = new();

    internal bool HasWarp => RotationDegrees != 0 || Margin > 0 || CornerOffsets.Any(o => o != 0);
}
