using System.Runtime.InteropServices;

namespace ClaimVision.Synthesis.Interop;

/// <summary>Logical or ink extents of a layout, in device pixels (PangoRectangle).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PangoRectangle
{
    public int X;
    public int Y;
    public int Width;
    public int Height;
}

/// <summary>Pango 1.50 bindings (libpango-1.0.so.0, libpangocairo-1.0.so.0). The PangoCairo default font map
/// is per thread, so layouts created on different threads do not share (or lock) font state.</summary>
internal static partial class Pango
{
    /// <summary>PANGO_SCALE: Pango units per device unit.</summary>
    internal const int Scale = 1024;
    internal const int WrapWordChar = 2;

    [LibraryImport(Libraries.PangoCairo)]
    internal static partial PangoLayoutHandle pango_cairo_create_layout(CairoContextHandle cr);

    [LibraryImport(Libraries.PangoCairo)]
    internal static partial void pango_cairo_show_layout(CairoContextHandle cr, PangoLayoutHandle layout);

    [LibraryImport(Libraries.PangoCairo)]
    internal static partial void pango_cairo_update_layout(CairoContextHandle cr, PangoLayoutHandle layout);

    [LibraryImport(Libraries.Pango, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial PangoFontDescriptionHandle pango_font_description_from_string(string description);

    [LibraryImport(Libraries.Pango)]
    internal static partial void pango_font_description_free(nint description);

    [LibraryImport(Libraries.Pango)]
    internal static partial void pango_layout_set_font_description(PangoLayoutHandle layout, PangoFontDescriptionHandle description);

    [LibraryImport(Libraries.Pango, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void pango_layout_set_text(PangoLayoutHandle layout, string text, int length);

    [LibraryImport(Libraries.Pango)]
    internal static partial void pango_layout_set_width(PangoLayoutHandle layout, int width);

    [LibraryImport(Libraries.Pango)]
    internal static partial void pango_layout_set_wrap(PangoLayoutHandle layout, int wrap);

    [LibraryImport(Libraries.Pango)]
    internal static partial void pango_layout_get_pixel_extents(PangoLayoutHandle layout, out PangoRectangle inkRect, out PangoRectangle logicalRect);
}

internal static partial class GObject
{
    [LibraryImport(Libraries.GObject)]
    internal static partial void g_object_unref(nint instance);
}
