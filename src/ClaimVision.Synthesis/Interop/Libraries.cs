namespace ClaimVision.Synthesis.Interop;

/// <summary>Versioned sonames: Debian ships the unversioned symlinks only with the -dev packages.</summary>
internal static class Libraries
{
    public const string Cairo = "libcairo.so.2";
    public const string Pango = "libpango-1.0.so.0";
    public const string PangoCairo = "libpangocairo-1.0.so.0";
    public const string GObject = "libgobject-2.0.so.0";
}
