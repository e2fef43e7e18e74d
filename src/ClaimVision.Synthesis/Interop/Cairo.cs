using System.Runtime.InteropServices;

namespace ClaimVision.Synthesis.Interop;

/// <summary>Cairo 1.16 bindings (libcairo.so.2): image surfaces and the few path operations the renderer draws with.</summary>
internal static partial class Cairo
{
    /// <summary>CAIRO_FORMAT_RGB24: 32 bits per pixel, native-endian 0x00RRGGBB, upper byte unused.</summary>
    internal const int FormatRgb24 = 1;
    internal const int StatusSuccess = 0;
    internal const int OperatorMultiply = 14; // CAIRO_OPERATOR_MULTIPLY (cairo 1.10+)

    [LibraryImport(Libraries.Cairo)]
    internal static partial CairoSurfaceHandle cairo_image_surface_create(int format, int width, int height);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_surface_destroy(nint surface);

    [LibraryImport(Libraries.Cairo)]
    internal static partial int cairo_surface_status(CairoSurfaceHandle surface);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_surface_flush(CairoSurfaceHandle surface);

    [LibraryImport(Libraries.Cairo)]
    internal static unsafe partial byte* cairo_image_surface_get_data(CairoSurfaceHandle surface);

    [LibraryImport(Libraries.Cairo)]
    internal static partial int cairo_image_surface_get_stride(CairoSurfaceHandle surface);

    [LibraryImport(Libraries.Cairo)]
    internal static partial CairoContextHandle cairo_create(CairoSurfaceHandle target);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_destroy(nint cr);

    [LibraryImport(Libraries.Cairo)]
    internal static partial int cairo_status(CairoContextHandle cr);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_save(CairoContextHandle cr);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_restore(CairoContextHandle cr);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_set_operator(CairoContextHandle cr, int op);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_set_source_rgba(CairoContextHandle cr, double red, double green, double blue, double alpha);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_set_line_width(CairoContextHandle cr, double width);

    [LibraryImport(Libraries.Cairo)]
    internal static unsafe partial void cairo_set_dash(CairoContextHandle cr, double* dashes, int numDashes, double offset);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_translate(CairoContextHandle cr, double tx, double ty);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_rotate(CairoContextHandle cr, double angle);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_new_path(CairoContextHandle cr);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_move_to(CairoContextHandle cr, double x, double y);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_line_to(CairoContextHandle cr, double x, double y);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_close_path(CairoContextHandle cr);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_rectangle(CairoContextHandle cr, double x, double y, double width, double height);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_arc(CairoContextHandle cr, double xc, double yc, double radius, double angle1, double angle2);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_paint(CairoContextHandle cr);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_fill(CairoContextHandle cr);

    [LibraryImport(Libraries.Cairo)]
    internal static partial void cairo_stroke(CairoContextHandle cr);
}
