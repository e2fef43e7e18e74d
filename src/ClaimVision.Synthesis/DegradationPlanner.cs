using ClaimVision.Vision.Degradation;

namespace ClaimVision.Synthesis;

/// <summary>Draws phone-photo effects at random strengths bounded by a severity, and records what it drew.</summary>
internal static class DegradationPlanner
{
    private static readonly uint[] Tables = [0x3A2E25, 0x6B5B4B, 0x2B2B2B, 0x8A8F94, 0xC9C2B4, 0x1F3A4D];

    public static (PhotoEffects Effects, DegradationRecord Record) Plan(Random r, double severity)
    {
        if (severity <= 0) return (PhotoEffects.None, DegradationRecord.None);
        double Up(double max) => r.NextDouble() * max * severity;
        var quarterTurns = r.NextDouble() < 0.12 * severity ? r.Next(1, 4) : 0;
        var rotation = (r.NextDouble() * 2 - 1) * 7 * severity;
        var corners = Enumerable.Range(0, 8).Select(_ => (r.NextDouble() * 2 - 1) * 0.05 * severity).ToArray();
        var blur = r.NextDouble() < 0.6 * severity ? 1 + (int)Up(2) : 0;
        var noise = Up(12);
        var lighting = Up(0.45);
        var angle = r.NextDouble() * 2 * Math.PI;
        var quality = 95 - (int)Up(60);
        var effects = new PhotoEffects
        {
            QuarterTurns = quarterTurns,
            RotationDegrees = Math.Round(rotation, 2),
            CornerOffsets = corners.Select(c => Math.Round(c, 4)).ToArray(),
            Margin = 0.02 + Up(0.08),
            Background = Tables[r.Next(Tables.Length)],
            Blur = blur,
            Noise = Math.Round(noise, 2),
            Lighting = Math.Round(lighting, 3),
            LightingAngle = angle,
            JpegQuality = quality,
            NoiseSeed = (ulong)r.NextInt64(),
        };
        var record = new DegradationRecord
        {
            Severity = severity,
            QuarterTurns = quarterTurns,
            Rotation = effects.RotationDegrees,
            Perspective = corners.Max(Math.Abs),
            Blur = blur,
            Noise = effects.Noise,
            Lighting = effects.Lighting,
            JpegQuality = quality,
        };
        return (effects, record);
    }
}
