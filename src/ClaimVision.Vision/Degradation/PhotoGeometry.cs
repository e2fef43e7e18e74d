using ClaimVision.Domain.Documents;

namespace ClaimVision.Vision.Degradation;

/// <summary>Where a point of the clean page ended up in the degraded photo: the projective warp, then the quarter turns.</summary>
public sealed class PhotoGeometry
{
    internal float[]? Projective { get; }
    internal double OffsetX { get; }
    internal double OffsetY { get; }
    private readonly int _warpedWidth;
    private readonly int _warpedHeight;
    private readonly int _quarterTurns;

    internal PhotoGeometry(float[]? projective, double offsetX, double offsetY, int warpedWidth, int warpedHeight, int quarterTurns)
    {
        Projective = projective;
        OffsetX = offsetX;
        OffsetY = offsetY;
        _warpedWidth = warpedWidth;
        _warpedHeight = warpedHeight;
        _quarterTurns = quarterTurns & 3;
        (Width, Height) = _quarterTurns % 2 == 1 ? (warpedHeight, warpedWidth) : (warpedWidth, warpedHeight);
    }

    /// <summary>Size of the final image.</summary>
    public int Width { get; }
    public int Height { get; }

    public (double X, double Y) Map(double x, double y)
    {
        x += OffsetX;
        y += OffsetY;
        if (Projective is { } c)
        {
            var d = c[6] * x + c[7] * y + 1;
            (x, y) = ((c[0] * x + c[1] * y + c[2]) / d, (c[3] * x + c[4] * y + c[5]) / d);
        }
        return _quarterTurns switch
        {
            1 => (_warpedHeight - y, x),
            2 => (_warpedWidth - x, _warpedHeight - y),
            3 => (y, _warpedWidth - x),
            _ => (x, y),
        };
    }

    /// <summary>The axis-aligned box around the mapped corners of <paramref name="box"/>, clipped to the image.</summary>
    public BoundingBox MapBox(BoundingBox box)
    {
        Span<(double X, double Y)> p =
        [
            Map(box.X, box.Y), Map(box.Right, box.Y), Map(box.Right, box.Bottom), Map(box.X, box.Bottom),
        ];
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var (x, y) in p)
        {
            minX = Math.Min(minX, x); minY = Math.Min(minY, y);
            maxX = Math.Max(maxX, x); maxY = Math.Max(maxY, y);
        }
        var left = Math.Clamp((int)Math.Floor(minX), 0, Width);
        var top = Math.Clamp((int)Math.Floor(minY), 0, Height);
        var right = Math.Clamp((int)Math.Ceiling(maxX), left, Width);
        var bottom = Math.Clamp((int)Math.Ceiling(maxY), top, Height);
        return new BoundingBox(left, top, right - left, bottom - top);
    }
}
