using ClaimVision.Domain.Documents;
using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Interop;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

/// <summary>A page lent to Tesseract: read as the page itself would be, given back with the same pixels, and not held by
/// the lender while Tesseract reads its own copy.</summary>
public sealed class LentImageTests
{
    private static readonly OcrOptions Options = new() { PoolSize = 1 };

    /// <summary>An independent copy with the same pixels (PNG is lossless).</summary>
    private static PageImage CopyOf(PageImage page) => PageImage.FromEncoded(page.EncodePng());

    private static List<string> Texts(RecognizedText text) => [.. text.Lines.Select(l => $"{l.Text} {l.Box} {l.Confidence:0.000}")];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_page_that_is_its_pixels_only_reference_is_let_go_while_read_and_comes_back_with_the_same_pixels(bool color)
    {
        var page = TestPages.Text(1200, 800, color: color);
        using var reference = CopyOf(page);
        using var engine = new OcrEngine(Options);
        var expected = engine.Recognize(reference.Pix, "eng");

        using var lent = new LentImage(page);
        var text = engine.Recognize(lent, "eng");

        Assert.NotEmpty(text.Lines);
        Assert.Equal(Texts(expected), Texts(text));
        Assert.Throws<ObjectDisposedException>(() => page.Pix); // let go when Tesseract had its copy …
        Assert.NotSame(page, lent.Image);                        // … and Tesseract's copy kept instead
        Assert.True(lent.Image.PixelsEqual(reference));
        Assert.Equal(1, Leptonica.pixGetRefcount(lent.Image.Pix)); // Tesseract holds none of it after the reading
    }

    [Fact]
    public void A_page_whose_pixels_are_shared_is_kept_as_it_is()
    {
        using var page = TestPages.Text(900, 600);
        using var lent = new LentImage(page.Clone());
        using var engine = new OcrEngine(Options);

        var first = lent.Image;
        _ = engine.Recognize(lent, "eng");

        Assert.Same(first, lent.Image); // letting it go would have freed nothing
        Assert.True(lent.Image.PixelsEqual(page));
    }

    [Fact]
    public void Lines_read_from_a_lent_page_twice_read_the_same_and_the_page_comes_back_each_time()
    {
        var page = TestPages.Text(1200, 800, color: true);
        using var reference = CopyOf(page);
        using var engine = new OcrEngine(Options);
        var regions = engine.Recognize(reference.Pix, "eng").Lines.Take(3).Select(l => l.Box).ToList();
        Assert.Equal(3, regions.Count);

        using var lent = new LentImage(page);
        var first = engine.RecognizeLines(lent, "eng", regions);
        var second = engine.RecognizeLines(lent, "eng", regions);

        Assert.Equal(first.Select(Texts), second.Select(Texts));
        Assert.All(first, line => Assert.NotEmpty(line.Lines));
        Assert.True(lent.Image.PixelsEqual(reference));
    }

    [Fact]
    public void A_reading_that_fails_still_gives_the_page_back()
    {
        var page = TestPages.Text(1200, 800, color: true);
        using var reference = CopyOf(page);
        using var limited = new OcrEngine(Options with { RecognizeTimeoutSeconds = 0.001 });
        using var lent = new LentImage(page);

        Assert.Throws<OcrTimeoutException>(() => limited.Recognize(lent, "eng"));

        Assert.True(lent.Image.PixelsEqual(reference));
    }

    [Fact]
    public void A_released_image_belongs_to_the_caller_and_the_holder_has_nothing_left()
    {
        var page = TestPages.Text(300, 200);
        var lent = new LentImage(page);
        using var released = lent.Release();
        lent.Dispose();

        Assert.Same(page, released);
        _ = released!.Pix; // not disposed with the holder
        Assert.Throws<InvalidOperationException>(() => lent.Image);
        Assert.Null(lent.Release());
    }
}
