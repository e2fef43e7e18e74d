using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Ocr;

/// <summary>
/// A page image that is lent to Tesseract for each reading and given back after it. Tesseract reads a copy of the pixels
/// it is set (<see cref="Tesseract.TessBaseAPISetImage2"/>), so a page-sized raster would be in memory twice while it reads:
/// once it is set, this lets go of its own reference when that is the pixels' only one, and after the reading it holds a
/// reference to Tesseract's copy instead, which has the same pixels. A page of 8–10 MP is 35–40 MB per colour copy, and
/// the copies alive at once set a worker's peak memory. Pixels shared with another holder (a clone of the decoded page) are
/// kept as they are: letting go of this reference would free nothing. Not thread-safe; disposing releases the image.
/// </summary>
internal sealed class LentImage(PageImage image) : IDisposable
{
    private PageImage? _image = image;
    private bool _lent;

    /// <summary>The image (not while lent).</summary>
    public PageImage Image => _lent || _image is null ? throw new InvalidOperationException("The image is lent to Tesseract or disposed.") : _image;

    /// <summary>Gives the image up to the caller, who owns it from now on; this holds nothing after. Null when this holds
    /// none: released or disposed already, or Tesseract's copy could not be taken back after a reading.</summary>
    public PageImage? Release()
    {
        if (_lent) throw new InvalidOperationException("The image is lent to Tesseract.");
        var image = _image;
        _image = null;
        return image;
    }

    /// <summary>Sets the image on <paramref name="api"/> and lets go of this reference when it is the pixels' only one.
    /// Call <see cref="Return"/> with the same API before it is cleared.</summary>
    internal void Lend(TessBaseApiHandle api)
    {
        var image = Image;
        Tesseract.TessBaseAPISetImage2(api, image.Pix);
        if (Leptonica.pixGetRefcount(image.Pix) != 1) return;
        image.Dispose();
        _image = null;
        _lent = true;
    }

    /// <summary>Takes a reference to Tesseract's copy of the image lent to <paramref name="api"/> (before the API is cleared).</summary>
    internal void Return(TessBaseApiHandle api)
    {
        if (!_lent) return;
        _lent = false;
        _image = new PageImage(Native.Check(Leptonica.pixCloneBorrowed(Tesseract.TessBaseAPIGetInputImage(api)), "pixClone of Tesseract's input image"));
    }

    public void Dispose()
    {
        _image?.Dispose();
        _image = null;
    }
}
