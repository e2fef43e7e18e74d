using ClaimVision.Vision.Interop;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

/// <summary>Each native allocation is owned by exactly one SafeHandle, released exactly once.</summary>
public class InteropOwnershipTests
{
    private static unsafe TessBaseApiHandle RecognisedApi()
    {
        var image = Pgm.Load("invoice-line.pgm");
        var api = Tesseract.TessBaseAPICreate();
        Assert.Equal(0, Tesseract.TessBaseAPIInit3(api, new OcrOptions().ResolveTessdata(), "eng"));
        fixed (byte* p = image.Pixels)
            Tesseract.TessBaseAPISetImage(api, p, image.Width, image.Height, 1, image.Width);
        using var monitor = Tesseract.TessMonitorCreate(); // no deadline set: none applies
        Assert.Equal(0, Tesseract.TessBaseAPIRecognize(api, monitor));
        return api;
    }

    [Fact]
    public void TextFromTesseractIsReadThenFreedOnceHoweverOftenItIsDisposed()
    {
        using var api = RecognisedApi();
        var text = Tesseract.TessBaseAPIGetUTF8Text(api);

        Assert.Contains("219.25", text.Read(), StringComparison.Ordinal);
        text.Dispose();
        text.Dispose(); // a second TessDeleteText would corrupt the heap; SafeHandle makes it a no-op

        Assert.True(text.IsClosed);
        Assert.Equal("", text.Read());
    }

    [Fact]
    public void AResultIteratorIsDeletedOnceAndItsPageIteratorViewNeedsNoFree()
    {
        using var api = RecognisedApi();
        var it = Tesseract.TessBaseAPIGetIterator(api);

        Assert.False(it.IsInvalid);
        Assert.True(it.IsAtBeginningOf(Tesseract.RilTextLine));
        Assert.NotNull(it.BoundingBox(Tesseract.RilWord));
        Assert.Equal("Invoice", it.Text(Tesseract.RilWord));
        it.Dispose();
        it.Dispose();

        Assert.True(it.IsClosed);
        Assert.Throws<ObjectDisposedException>(() => it.Next(Tesseract.RilWord));
    }

    [Fact]
    public void TheBaseApiIsEndedAndDeletedOnce()
    {
        var api = RecognisedApi();
        api.Dispose();
        api.Dispose();

        Assert.True(api.IsClosed);
        Assert.Throws<ObjectDisposedException>(() => Tesseract.TessBaseAPIMeanTextConf(api));
    }

    [Fact]
    public void LoadingTesseractLeavesOpenMpAtOneThread()
    {
        Assert.StartsWith("5.", Tesseract.Version(), StringComparison.Ordinal);
        if (NativeRuntime.NativeEnvironmentVariable("OMP_THREAD_LIMIT") is { } preset && preset != "1")
            return; // an operator's own setting is respected by design; nothing to check then
        Assert.Equal(1, NativeRuntime.OpenMpThreadLimit());
    }
}
