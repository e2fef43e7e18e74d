using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Tests;

public class PageImageOwnershipTests
{
    [Fact]
    public void CloneSharesThePixelsAndHoldsItsOwnReference()
    {
        using var page = PageImage.CreateBlank(10, 8, color: false);
        Assert.Equal(1, Leptonica.pixGetRefcount(page.Pix));

        var clone = page.Clone();
        Assert.Equal(page.Pix.DangerousGetHandle(), clone.Pix.DangerousGetHandle());
        Assert.Equal(2, Leptonica.pixGetRefcount(page.Pix));

        clone.Dispose();
        Assert.Equal(1, Leptonica.pixGetRefcount(page.Pix));
        Assert.Equal((10, 8), (page.Width, page.Height)); // the original still reads fine
        Assert.Equal(255, page.GetPixel(9, 7).R);
    }

    [Fact]
    public void DisposingTwiceIsHarmless()
    {
        var page = PageImage.CreateBlank(4, 4, color: true);
        var clone = page.Clone();
        page.Dispose();
        page.Dispose();
        Assert.Equal(1, Leptonica.pixGetRefcount(clone.Pix));
        clone.Dispose();
        clone.Dispose();
    }

    [Fact]
    public void ADisposedPageIsRejected()
    {
        var page = PageImage.CreateBlank(4, 4, color: false);
        page.Dispose();
        Assert.Throws<ObjectDisposedException>(() => page.GetPixel(0, 0));
        Assert.Throws<ObjectDisposedException>(() => page.Clone());
        Assert.Throws<ObjectDisposedException>(() => page.EncodePng());
    }

    [Fact]
    public void AClosedHandleNeverReachesNativeCode()
    {
        var pix = Leptonica.pixCreate(4, 4, 8);
        pix.Dispose();
        Assert.Throws<ObjectDisposedException>(() => Leptonica.pixGetWidth(pix));
    }

    [Fact]
    public void DecodedImageReleasesEveryPage()
    {
        var image = ImageDecoder.Decode(Fixture.Bytes("multi.tif"), "multi.tif");
        var kept = image.Pages[2].Clone();
        image.Dispose();
        Assert.All(image.Pages, p => Assert.Throws<ObjectDisposedException>(() => p.Pix));
        Assert.Equal(1, Leptonica.pixGetRefcount(kept.Pix));
        Assert.Equal((30, 50), (kept.Width, kept.Height));
        kept.Dispose();
    }
}
