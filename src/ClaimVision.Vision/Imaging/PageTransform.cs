using ClaimVision.Domain.Documents;

namespace ClaimVision.Vision.Imaging;

/// <summary>
/// The chain of geometric steps applied to a page between what the user sees (after EXIF orientation) and
/// what OCR ran on, so boxes found on the processed image can be mapped back (<see cref="MapBack"/>).
/// Immutable: each <c>Then…</c> returns a longer chain. Steps mirror <see cref="ImageTransforms"/>:
/// quarter turns and small rotations are clockwise, small rotations turn about the centre and keep the size,
/// and scaling rounds the size as Leptonica does.
/// </summary>
public sealed class PageTransform
{
    private enum Kind { Orthogonal, Rotate, Scale }

    private sealed record Step(Kind Kind, double Value, int InWidth, int InHeight, int OutWidth, int OutHeight);

    private readonly Step[] _steps;

    private PageTransform(int sourceWidth, int sourceHeight, Step[] steps)
    {
        SourceWidth = sourceWidth;
        SourceHeight = sourceHeight;
        _steps = steps;
    }

    /// <summary>No transformation of a page of the given (user-visible) size.</summary>
    public static PageTransform Identity(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        return new PageTransform(width, height, []);
    }

    /// <summary>Size of the page as the user sees it.</summary>
    public int SourceWidth { get; }
    public int SourceHeight { get; }

    /// <summary>Size of the page after every step.</summary>
    public int Width => _steps.Length == 0 ? SourceWidth : _steps[^1].OutWidth;
    public int Height => _steps.Length == 0 ? SourceHeight : _steps[^1].OutHeight;

    /// <summary>Total clockwise quarter-turn rotation, 0/90/180/270.</summary>
    public int OrientationDegrees => (int)(_steps.Where(s => s.Kind == Kind.Orthogonal).Sum(s => s.Value) % 360);

    /// <summary>Total small-angle rotation, clockwise degrees.</summary>
    public double RotationDegrees => _steps.Where(s => s.Kind == Kind.Rotate).Sum(s => s.Value);

    /// <summary>Overall scale factor (product of the scale steps).</summary>
    public double Scale => _steps.Where(s => s.Kind == Kind.Scale).Aggregate(1.0, (f, s) => f * s.Value);

    public PageTransform ThenRotateOrthogonal(int clockwiseDegrees)
    {
        var quads = ImageTransforms.QuarterTurns(clockwiseDegrees);
        var (w, h) = quads % 2 == 1 ? (Height, Width) : (Width, Height);
        return quads == 0 ? this : Append(new Step(Kind.Orthogonal, quads * 90, Width, Height, w, h));
    }

    public PageTransform ThenRotate(double clockwiseDegrees) =>
        clockwiseDegrees == 0 ? this : Append(new Step(Kind.Rotate, clockwiseDegrees, Width, Height, Width, Height));

    public PageTransform ThenScale(double factor)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        if (factor == 1) return this;
        // pixScale: wd = (l_int32)(scalex * (l_float32)ws + 0.5)
        var f = (float)factor;
        return Append(new Step(Kind.Scale, factor, Width, Height, (int)((f * Width) + 0.5f), (int)((f * Height) + 0.5f)));
    }

    /// <summary>Maps a box on the processed image to the user-visible page: the axis-aligned box around the
    /// mapped corners, rounded outwards and clipped to the page.</summary>
    public BoundingBox MapBack(BoundingBox box)
    {
        var corners = Corners(box);
        for (var i = _steps.Length - 1; i >= 0; i--)
            for (var c = 0; c < corners.Length; c++) corners[c] = Backward(_steps[i], corners[c]);
        return Bounds(corners, SourceWidth, SourceHeight);
    }

    /// <summary>Maps a box on the user-visible page onto the processed image (inverse of <see cref="MapBack"/>, up to rounding).</summary>
    public BoundingBox MapForward(BoundingBox box)
    {
        var corners = Corners(box);
        foreach (var step in _steps)
            for (var c = 0; c < corners.Length; c++) corners[c] = Forward(step, corners[c]);
        return Bounds(corners, Width, Height);
    }

    private PageTransform Append(Step step) => new(SourceWidth, SourceHeight, [.. _steps, step]);

    private static (double X, double Y) Forward(Step s, (double X, double Y) p) => s.Kind switch
    {
        Kind.Orthogonal => s.Value switch
        {
            90 => (s.InHeight - p.Y, p.X),
            180 => (s.InWidth - p.X, s.InHeight - p.Y),
            _ => (p.Y, s.InWidth - p.X),
        },
        Kind.Rotate => RotateAboutCentre(p, s.InWidth / 2.0, s.InHeight / 2.0, s.Value),
        _ => (p.X * s.OutWidth / s.InWidth, p.Y * s.OutHeight / s.InHeight),
    };

    private static (double X, double Y) Backward(Step s, (double X, double Y) p) => s.Kind switch
    {
        Kind.Orthogonal => s.Value switch
        {
            90 => (p.Y, s.InHeight - p.X),
            180 => (s.InWidth - p.X, s.InHeight - p.Y),
            _ => (s.InWidth - p.Y, p.X),
        },
        Kind.Rotate => RotateAboutCentre(p, s.InWidth / 2.0, s.InHeight / 2.0, -s.Value),
        _ => (p.X * s.InWidth / s.OutWidth, p.Y * s.InHeight / s.OutHeight),
    };

    /// <summary>Clockwise as seen on screen (y grows downwards).</summary>
    private static (double X, double Y) RotateAboutCentre((double X, double Y) p, double cx, double cy, double clockwiseDegrees)
    {
        var a = clockwiseDegrees * Math.PI / 180;
        double dx = p.X - cx, dy = p.Y - cy, cos = Math.Cos(a), sin = Math.Sin(a);
        return (cx + (dx * cos) - (dy * sin), cy + (dx * sin) + (dy * cos));
    }

    private static (double X, double Y)[] Corners(BoundingBox b) =>
        [(b.X, b.Y), (b.X + b.Width, b.Y), (b.X, b.Y + b.Height), (b.X + b.Width, b.Y + b.Height)];

    private static BoundingBox Bounds((double X, double Y)[] corners, int width, int height)
    {
        // Tolerate floating-point noise before rounding outwards, so exact quarter turns stay exact.
        const double eps = 1e-6;
        var x0 = Math.Clamp((int)Math.Floor(corners.Min(c => c.X) + eps), 0, width);
        var y0 = Math.Clamp((int)Math.Floor(corners.Min(c => c.Y) + eps), 0, height);
        var x1 = Math.Clamp((int)Math.Ceiling(corners.Max(c => c.X) - eps), 0, width);
        var y1 = Math.Clamp((int)Math.Ceiling(corners.Max(c => c.Y) - eps), 0, height);
        return new BoundingBox(x0, y0, x1 - x0, y1 - y0);
    }
}
