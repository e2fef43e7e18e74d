using System.Runtime.InteropServices;

namespace ClaimVision.Vision.Interop;

/// <summary>
/// Tesseract 5.3 C API (libtesseract.so.5). Ownership rules, each enforced by a handle type:
/// <list type="bullet">
/// <item>TessBaseAPICreate → <see cref="TessBaseApiHandle"/>, released by End + Delete.</item>
/// <item>TessMonitorCreate → <see cref="TessMonitorHandle"/>, released by TessMonitorDelete.</item>
/// <item>TessBaseAPIGetIterator → <see cref="ResultIteratorHandle"/>, released by TessResultIteratorDelete.
/// The page iterator of a result iterator is the same object seen as its base class: never freed on its own.</item>
/// <item>Every <c>char*</c> Tesseract allocates (GetUTF8Text, iterator text) → <see cref="TessTextHandle"/>,
/// released by TessDeleteText, so each string is freed exactly once.</item>
/// <item>DetectOrientationScript's script name points into the loaded unicharset (5.x): borrowed, copied, never freed
/// (capi.h still says "TessDeleteText", a leftover from 3.x when the name was strdup'ed).</item>
/// </list>
/// </summary>
internal static partial class Tesseract
{
    static Tesseract() => NativeRuntime.EnsureInitialized();

    internal const int PsmOsdOnly = 0;
    internal const int PsmAuto = 3;
    internal const int PsmSingleBlock = 6;
    internal const int PsmSingleLine = 7;
    internal const int PsmSparseText = 11;

    internal const int RilBlock = 0;
    internal const int RilPara = 1;
    internal const int RilTextLine = 2;
    internal const int RilWord = 3;
    internal const int RilSymbol = 4;

    [LibraryImport(Libraries.Tesseract)]
    internal static partial nint TessVersion();

    [LibraryImport(Libraries.Tesseract)]
    internal static partial void TessDeleteText(nint text);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial TessBaseApiHandle TessBaseAPICreate();

    [LibraryImport(Libraries.Tesseract)]
    internal static partial void TessBaseAPIDelete(nint handle);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial void TessBaseAPIEnd(nint handle);

    [LibraryImport(Libraries.Tesseract, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPIInit3(TessBaseApiHandle handle, string dataPath, string language);

    [LibraryImport(Libraries.Tesseract, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPISetVariable(TessBaseApiHandle handle, string name, string value);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial void TessBaseAPISetPageSegMode(TessBaseApiHandle handle, int mode);

    [LibraryImport(Libraries.Tesseract)]
    internal static unsafe partial void TessBaseAPISetImage(TessBaseApiHandle handle, byte* imageData, int width, int height, int bytesPerPixel, int bytesPerLine);

    /// <summary>Tesseract copies the Pix (pixCopy inside its thresholder) and reads its copy until Clear; the caller's
    /// reference stays the caller's and may be released at once.</summary>
    [LibraryImport(Libraries.Tesseract)]
    internal static partial void TessBaseAPISetImage2(TessBaseApiHandle handle, PixHandle pix);

    /// <summary>Tesseract's own copy of the image set last (borrowed: valid until Clear; take a reference with
    /// <see cref="Leptonica.pixCloneBorrowed"/> to keep it); 0 when none is set.</summary>
    [LibraryImport(Libraries.Tesseract)]
    internal static partial nint TessBaseAPIGetInputImage(TessBaseApiHandle handle);

    /// <summary>Restricts recognition to a rectangle of the image set last; each call clears the previous results, so
    /// several rectangles can be read from one SetImage. Result boxes stay in the coordinates of the whole image.</summary>
    [LibraryImport(Libraries.Tesseract)]
    internal static partial void TessBaseAPISetRectangle(TessBaseApiHandle handle, int left, int top, int width, int height);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial void TessBaseAPISetSourceResolution(TessBaseApiHandle handle, int ppi);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial int TessBaseAPIRecognize(TessBaseApiHandle handle, TessMonitorHandle monitor);

    /// <summary>An ETEXT_DESC progress monitor. Recognize checks its deadline as it goes (the LSTM engine before each line)
    /// and returns -1 when it has passed.</summary>
    [LibraryImport(Libraries.Tesseract)]
    internal static partial TessMonitorHandle TessMonitorCreate();

    [LibraryImport(Libraries.Tesseract)]
    internal static partial void TessMonitorDelete(nint monitor);

    /// <summary>Progress of the last recognition with this monitor, 0–100.</summary>
    [LibraryImport(Libraries.Tesseract)]
    internal static partial int TessMonitorGetProgress(TessMonitorHandle monitor);

    /// <summary>Sets the deadline to now + <paramref name="milliseconds"/>.</summary>
    [LibraryImport(Libraries.Tesseract)]
    internal static partial void TessMonitorSetDeadlineMSecs(TessMonitorHandle monitor, int milliseconds);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial ResultIteratorHandle TessBaseAPIGetIterator(TessBaseApiHandle handle);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial TessTextHandle TessBaseAPIGetUTF8Text(TessBaseApiHandle handle);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial int TessBaseAPIMeanTextConf(TessBaseApiHandle handle);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial void TessBaseAPIClear(TessBaseApiHandle handle);

    /// <summary>Non-zero when the loaded language's word dictionary (the LSTM model's own word DAWG for the models
    /// installed here) holds <paramref name="word"/>; case and punctuation must match an entry.</summary>
    [LibraryImport(Libraries.Tesseract, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPIIsValidWord(TessBaseApiHandle handle, string word);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial int TessBaseAPIDetectOrientationScript(TessBaseApiHandle handle, out int orientDeg, out float orientConf, out nint scriptName, out float scriptConf);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial void TessResultIteratorDelete(nint handle);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial nint TessResultIteratorGetPageIterator(ResultIteratorHandle handle);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial int TessResultIteratorNext(ResultIteratorHandle handle, int level);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial TessTextHandle TessResultIteratorGetUTF8Text(ResultIteratorHandle handle, int level);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial float TessResultIteratorConfidence(ResultIteratorHandle handle, int level);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial int TessPageIteratorIsAtBeginningOf(nint pageIterator, int level);

    [LibraryImport(Libraries.Tesseract)]
    internal static partial int TessPageIteratorBoundingBox(nint pageIterator, int level, out int left, out int top, out int right, out int bottom);

    /// <summary>The library's version string (static storage, not freed).</summary>
    internal static string Version() => Marshal.PtrToStringUTF8(TessVersion()) ?? "";
}

/// <summary>Owns one TessBaseAPI; End then Delete on release.</summary>
internal sealed class TessBaseApiHandle : SafeHandle
{
    public TessBaseApiHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        Tesseract.TessBaseAPIEnd(handle);
        Tesseract.TessBaseAPIDelete(handle);
        return true;
    }
}

/// <summary>A progress monitor (ETEXT_DESC) from TessMonitorCreate, freed with TessMonitorDelete.</summary>
internal sealed class TessMonitorHandle : SafeHandle
{
    public TessMonitorHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        Tesseract.TessMonitorDelete(handle);
        return true;
    }
}

/// <summary>A string Tesseract allocated; freed with TessDeleteText exactly once.</summary>
internal sealed class TessTextHandle : SafeHandle
{
    public TessTextHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    /// <summary>The text as a managed string ("" for a null pointer). Does not release the handle.</summary>
    public string Read()
    {
        if (IsInvalid || IsClosed) return "";
        var added = false;
        DangerousAddRef(ref added);
        try { return Marshal.PtrToStringUTF8(handle) ?? ""; }
        finally { if (added) DangerousRelease(); }
    }

    protected override bool ReleaseHandle()
    {
        Tesseract.TessDeleteText(handle);
        return true;
    }
}

/// <summary>
/// Owns a result iterator; the page-iterator view of it is derived on demand and never escapes, so it
/// can neither outlive nor be freed apart from its owner. Valid only until the engine recognises the next image.
/// </summary>
internal sealed class ResultIteratorHandle : SafeHandle
{
    public ResultIteratorHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    public bool Next(int level) => Tesseract.TessResultIteratorNext(this, level) != 0;

    public string Text(int level)
    {
        using var text = Tesseract.TessResultIteratorGetUTF8Text(this, level);
        return text.Read();
    }

    /// <summary>Confidence 0–100 as Tesseract reports it.</summary>
    public float Confidence(int level) => Tesseract.TessResultIteratorConfidence(this, level);

    public bool IsAtBeginningOf(int level) => WithPageIterator(p => Tesseract.TessPageIteratorIsAtBeginningOf(p, level) != 0);

    /// <summary>The element's box as (left, top, right, bottom), or null when the iterator points at nothing.</summary>
    public (int Left, int Top, int Right, int Bottom)? BoundingBox(int level) => WithPageIterator<(int, int, int, int)?>(p =>
        Tesseract.TessPageIteratorBoundingBox(p, level, out var l, out var t, out var r, out var b) != 0 ? (l, t, r, b) : null);

    private T WithPageIterator<T>(Func<nint, T> use)
    {
        var added = false;
        DangerousAddRef(ref added);
        try { return use(Tesseract.TessResultIteratorGetPageIterator(this)); }
        finally { if (added) DangerousRelease(); }
    }

    protected override bool ReleaseHandle()
    {
        Tesseract.TessResultIteratorDelete(handle);
        return true;
    }
}
