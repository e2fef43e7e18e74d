namespace ClaimVision.Vision.Interop;

/// <summary>
/// Native library names. Debian ships only the versioned sonames without the -dev packages,
/// so we bind to those (liblept.so.5, libtesseract.so.5), never to the unversioned symlinks.
/// </summary>
internal static class Libraries
{
    public const string Leptonica = "liblept.so.5";
    public const string Tesseract = "libtesseract.so.5";
    public const string LibC = "libc.so.6";
    public const string GnuOpenMp = "libgomp.so.1";
}
