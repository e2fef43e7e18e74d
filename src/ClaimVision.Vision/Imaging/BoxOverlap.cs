using ClaimVision.Domain.Documents;

namespace ClaimVision.Vision.Imaging;

/// <summary>How two boxes on a page overlap.</summary>
internal static class BoxOverlap
{
    /// <summary>The area the two boxes share; 0 when they are apart or only touch.</summary>
    public static long Area(BoundingBox a, BoundingBox b) =>
        (long)Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.X, b.X)) * Math.Max(0, Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Y, b.Y));

    /// <summary>The boxes overlap vertically by at least half the lower one's height: they sit on one text line.</summary>
    public static bool SameLine(BoundingBox a, BoundingBox b) =>
        Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Y, b.Y) >= 0.5 * Math.Min(a.Height, b.Height);
}
