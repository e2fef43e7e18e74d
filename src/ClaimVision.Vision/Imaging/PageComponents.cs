using ClaimVision.Domain.Documents;
using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Imaging;

/// <summary>An axis-aligned pixel rectangle of a connected component.</summary>
internal readonly record struct ComponentBox(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;
    public double CenterY => Y + Height / 2.0;
    public BoundingBox Box => new(X, Y, Width, Height);
}

/// <summary>The 8-connected components of a 1 bpp page, as boxes: found once, shared by the text-height estimate and
/// the dashed-rule finder.</summary>
internal static class PageComponents
{
    public static IReadOnlyList<ComponentBox> Find(PixHandle binary)
    {
        using var boxes = Leptonica.pixConnComp(binary, 0, 8);
        if (boxes.IsInvalid) return [];
        var n = Leptonica.boxaGetCount(boxes);
        var result = new List<ComponentBox>(n);
        for (var i = 0; i < n; i++)
            if (Leptonica.boxaGetBoxGeometry(boxes, i, out var x, out var y, out var w, out var h) == 0)
                result.Add(new ComponentBox(x, y, w, h));
        return result;
    }
}
