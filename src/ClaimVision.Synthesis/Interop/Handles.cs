using System.Runtime.InteropServices;

namespace ClaimVision.Synthesis.Interop;

/// <summary>Owns one reference to a cairo_surface_t (released with cairo_surface_destroy).</summary>
internal sealed class CairoSurfaceHandle : SafeHandle
{
    public CairoSurfaceHandle() : base(0, ownsHandle: true) { }
    public override bool IsInvalid => handle == 0;
    protected override bool ReleaseHandle()
    {
        Cairo.cairo_surface_destroy(handle);
        return true;
    }
}

/// <summary>Owns one reference to a cairo_t drawing context (released with cairo_destroy).</summary>
internal sealed class CairoContextHandle : SafeHandle
{
    public CairoContextHandle() : base(0, ownsHandle: true) { }
    public override bool IsInvalid => handle == 0;
    protected override bool ReleaseHandle()
    {
        Cairo.cairo_destroy(handle);
        return true;
    }
}

/// <summary>Owns one reference to a PangoLayout, a GObject (released with g_object_unref).</summary>
internal sealed class PangoLayoutHandle : SafeHandle
{
    public PangoLayoutHandle() : base(0, ownsHandle: true) { }
    public override bool IsInvalid => handle == 0;
    protected override bool ReleaseHandle()
    {
        GObject.g_object_unref(handle);
        return true;
    }
}

/// <summary>Owns a PangoFontDescription, a plain boxed struct (released with pango_font_description_free).</summary>
internal sealed class PangoFontDescriptionHandle : SafeHandle
{
    public PangoFontDescriptionHandle() : base(0, ownsHandle: true) { }
    public override bool IsInvalid => handle == 0;
    protected override bool ReleaseHandle()
    {
        Pango.pango_font_description_free(handle);
        return true;
    }
}
