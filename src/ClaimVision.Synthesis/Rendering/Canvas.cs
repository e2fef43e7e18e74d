using ClaimVision.Domain.Documents;
using ClaimVision.Synthesis.Interop;

namespace ClaimVision.Synthesis.Rendering;

/// <summary>An RGB colour with components 0–1.</summary>
internal readonly record struct Rgb(double R, double G, double B)
{
    public static readonly Rgb White = new(1, 1, 1);
    public static readonly Rgb Black = new(0.08, 0.08, 0.1);
    public static readonly Rgb StampRed = new(0.86, 0.1, 0.12);
}

internal enum Align { Left, Center, Right }

/// <summary>
/// A white page drawn with Cairo, text laid out with Pango. Every text call returns the box of the ink it
/// put down, in page pixels, which is what ground truth records before degradation moves it.
/// </summary>
internal sealed class Canvas : IDisposable
{
    private readonly CairoSurfaceHandle _surface;
    private readonly CairoContextHandle _cr;
    private readonly PangoLayoutHandle _layout;
    private readonly Dictionary<string, PangoFontDescriptionHandle> _fonts = [];

    /// <summary>
    /// Serialises every use of fonts across canvases. Each thread has its own Pango font map, but Cairo 1.16 (Debian 12)
    /// shares scaled fonts and their glyph caches between them without making that safe: generating with two threads
    /// crashed in <c>cairo_scaled_font_glyph_extents</c> under <c>pango_layout_get_pixel_extents</c> in four of seven
    /// runs of 350 documents. Shapes, images and the photo effects stay parallel.
    /// </summary>
    private static readonly Lock Fonts = new();

    public Canvas(int width, int height, Rgb paper)
    {
        Width = width;
        Height = height;
        _surface = Cairo.cairo_image_surface_create(Cairo.FormatRgb24, width, height);
        if (_surface.IsInvalid || Cairo.cairo_surface_status(_surface) != Cairo.StatusSuccess)
            throw new InvalidOperationException($"Cairo could not create a {width}×{height} surface.");
        _cr = Cairo.cairo_create(_surface);
        lock (Fonts) _layout = Pango.pango_cairo_create_layout(_cr);
        Cairo.cairo_set_source_rgba(_cr, paper.R, paper.G, paper.B, 1);
        Cairo.cairo_paint(_cr);
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Draws <paramref name="text"/> with its top edge at <paramref name="y"/>; <paramref name="x"/> is the
    /// left, centre or right edge by <paramref name="align"/>. Returns the ink box (empty text → zero-size box at x,y).</summary>
    public BoundingBox Text(string text, double x, double y, string font, double size, Rgb colour, Align align = Align.Left, double maxWidth = 0)
    {
        PangoRectangle ink, logical;
        double left;
        lock (Fonts)
        {
            (ink, logical) = Prepare(text, font, size, maxWidth);
            left = align switch
            {
                Align.Center => x - logical.Width / 2.0,
                Align.Right => x - logical.Width,
                _ => x,
            };
            Cairo.cairo_set_source_rgba(_cr, colour.R, colour.G, colour.B, 1);
            Cairo.cairo_move_to(_cr, left, y);
            Pango.pango_cairo_show_layout(_cr, _layout);
        }
        if (ink.Width <= 0 || ink.Height <= 0) return new BoundingBox((int)left, (int)y, 0, 0);
        var bx = (int)Math.Floor(left + ink.X) - 1;
        var by = (int)Math.Floor(y + ink.Y) - 1;
        var box = Clip(new BoundingBox(bx, by, ink.Width + 2, ink.Height + 2));
        Drawn.Add((text, box));
        return box;
    }

    /// <summary>Every text drawn with <see cref="Text"/> and its ink box, in drawing order: what the page shows.</summary>
    public List<(string Text, BoundingBox Box)> Drawn { get; } = [];

    /// <summary>Width and height of the text's logical box (what advances the pen), without drawing.</summary>
    public (int Width, int Height) Measure(string text, string font, double size, double maxWidth = 0)
    {
        PangoRectangle logical;
        lock (Fonts) (_, logical) = Prepare(text, font, size, maxWidth);
        return (logical.Width, logical.Height);
    }

    /// <summary>Runs <paramref name="draw"/> with ink multiplied into the page, as a stamp pad's ink lies on paper:
    /// it tints the paper and leaves toner under it as dark as it was (plain alpha blending would paint the text under
    /// a seal red, which no printed page shows).</summary>
    public void Overprint(Action draw)
    {
        Cairo.cairo_save(_cr);
        Cairo.cairo_set_operator(_cr, Cairo.OperatorMultiply);
        try { draw(); }
        finally { Cairo.cairo_restore(_cr); }
    }

    /// <summary>Draws text rotated about (cx, cy) by <paramref name="radians"/>, centred there; no box (used for stamps).</summary>
    public void RotatedText(string text, double cx, double cy, double radians, string font, double size, Rgb colour, double alpha)
    {
        lock (Fonts)
        {
            Cairo.cairo_save(_cr);
            Cairo.cairo_translate(_cr, cx, cy);
            Cairo.cairo_rotate(_cr, radians);
            Pango.pango_cairo_update_layout(_cr, _layout);
            var (_, logical) = Prepare(text, font, size, 0);
            Cairo.cairo_set_source_rgba(_cr, colour.R, colour.G, colour.B, alpha);
            Cairo.cairo_move_to(_cr, -logical.Width / 2.0, -logical.Height / 2.0);
            Pango.pango_cairo_show_layout(_cr, _layout);
            Cairo.cairo_restore(_cr);
            Pango.pango_cairo_update_layout(_cr, _layout);
        }
    }

    public void Line(double x1, double y1, double x2, double y2, double width, Rgb colour, bool dashed = false)
    {
        Cairo.cairo_new_path(_cr);
        SetDash(dashed);
        Cairo.cairo_set_line_width(_cr, width);
        Cairo.cairo_set_source_rgba(_cr, colour.R, colour.G, colour.B, 1);
        Cairo.cairo_move_to(_cr, x1, y1);
        Cairo.cairo_line_to(_cr, x2, y2);
        Cairo.cairo_stroke(_cr);
        SetDash(false);
    }

    public void Rectangle(double x, double y, double w, double h, double lineWidth, Rgb colour)
    {
        Cairo.cairo_new_path(_cr);
        Cairo.cairo_set_line_width(_cr, lineWidth);
        Cairo.cairo_set_source_rgba(_cr, colour.R, colour.G, colour.B, 1);
        Cairo.cairo_rectangle(_cr, x, y, w, h);
        Cairo.cairo_stroke(_cr);
    }

    public void FillRectangle(double x, double y, double w, double h, Rgb colour, double alpha = 1)
    {
        Cairo.cairo_new_path(_cr);
        Cairo.cairo_set_source_rgba(_cr, colour.R, colour.G, colour.B, alpha);
        Cairo.cairo_rectangle(_cr, x, y, w, h);
        Cairo.cairo_fill(_cr);
    }

    public void Circle(double cx, double cy, double r, double lineWidth, Rgb colour, double alpha, bool fill = false)
    {
        Cairo.cairo_new_path(_cr);
        Cairo.cairo_set_line_width(_cr, lineWidth);
        Cairo.cairo_set_source_rgba(_cr, colour.R, colour.G, colour.B, alpha);
        Cairo.cairo_arc(_cr, cx, cy, r, 0, 2 * Math.PI);
        if (fill) Cairo.cairo_fill(_cr);
        else Cairo.cairo_stroke(_cr);
    }

    public void Polygon(ReadOnlySpan<(double X, double Y)> points, Rgb colour, double alpha)
    {
        Cairo.cairo_new_path(_cr);
        Cairo.cairo_set_source_rgba(_cr, colour.R, colour.G, colour.B, alpha);
        Cairo.cairo_move_to(_cr, points[0].X, points[0].Y);
        for (var i = 1; i < points.Length; i++) Cairo.cairo_line_to(_cr, points[i].X, points[i].Y);
        Cairo.cairo_close_path(_cr);
        Cairo.cairo_fill(_cr);
    }

    /// <summary>The page as 0x00RRGGBB words, row-major, no padding.</summary>
    public unsafe uint[] Pixels()
    {
        Cairo.cairo_surface_flush(_surface);
        if (Cairo.cairo_status(_cr) != Cairo.StatusSuccess)
            throw new InvalidOperationException($"Cairo drawing failed with status {Cairo.cairo_status(_cr)}.");
        var stride = Cairo.cairo_image_surface_get_stride(_surface);
        var data = Cairo.cairo_image_surface_get_data(_surface);
        var pixels = new uint[Width * Height];
        for (var y = 0; y < Height; y++)
        {
            var row = new ReadOnlySpan<uint>(data + (long)y * stride, Width);
            row.CopyTo(pixels.AsSpan(y * Width, Width));
        }
        return pixels;
    }

    public BoundingBox Clip(BoundingBox b)
    {
        var x = Math.Clamp(b.X, 0, Width);
        var y = Math.Clamp(b.Y, 0, Height);
        return new BoundingBox(x, y, Math.Clamp(b.Right, x, Width) - x, Math.Clamp(b.Bottom, y, Height) - y);
    }

    /// <summary>Sets the layout's text and font and measures it; callers hold <see cref="Fonts"/>.</summary>
    private (PangoRectangle Ink, PangoRectangle Logical) Prepare(string text, string font, double size, double maxWidth)
    {
        var key = $"{font} {size.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}px";
        if (!_fonts.TryGetValue(key, out var description))
        {
            description = Pango.pango_font_description_from_string(key);
            _fonts[key] = description;
        }
        Pango.pango_layout_set_font_description(_layout, description);
        Pango.pango_layout_set_width(_layout, maxWidth > 0 ? (int)(maxWidth * Pango.Scale) : -1);
        Pango.pango_layout_set_wrap(_layout, Pango.WrapWordChar);
        Pango.pango_layout_set_text(_layout, text, -1);
        Pango.pango_layout_get_pixel_extents(_layout, out var ink, out var logical);
        return (ink, logical);
    }

    private unsafe void SetDash(bool dashed)
    {
        var dashes = stackalloc double[2] { 6, 4 };
        Cairo.cairo_set_dash(_cr, dashes, dashed ? 2 : 0, 0);
    }

    public void Dispose()
    {
        lock (Fonts)
        {
            // The layout and the context hold the last references to scaled fonts, which Cairo then releases.
            foreach (var f in _fonts.Values) f.Dispose();
            _layout.Dispose();
            _cr.Dispose();
        }
        _surface.Dispose();
    }
}
