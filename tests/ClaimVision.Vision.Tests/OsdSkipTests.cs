using ClaimVision.Domain.Documents;
using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

/// <summary>OSD is skipped only where its answer cannot change the reading: upright pages the default language reads confidently.</summary>
public sealed class OsdSkipTests
{
    [Fact]
    public void A_confident_upright_latin_page_skips_osd_and_reads_exactly_as_with_osd()
    {
        using var page = TestPages.Text(1400, 900, fontSize: 10);
        var bytes = page.EncodePng();

        var skipped = Process(bytes, new OcrOptions { PoolSize = 1 });
        var withOsd = Process(bytes, new OcrOptions { PoolSize = 1, SkipOsdAboveConfidence = 2 });

        Assert.Null(skipped.Script);       // no OSD ran: its script is unknown
        Assert.Equal("Latin", withOsd.Script);
        Assert.Equal(0, skipped.Orientation);
        Assert.Equal("eng", skipped.Language);
        Assert.Equal(withOsd.Orientation, skipped.Orientation);
        Assert.Equal(withOsd.Language, skipped.Language);
        Assert.Equal(withOsd.Lines.Select(l => l.Text), skipped.Lines.Select(l => l.Text));
    }

    [Fact]
    public void A_page_turned_on_its_side_still_gets_osd_and_is_read_upright()
    {
        using var upright = TestPages.Text(1400, 900, fontSize: 10);
        using var turned = ImageTransforms.RotateOrthogonal(upright, 90);

        var page = Process(turned.EncodePng(), new OcrOptions { PoolSize = 1 });

        Assert.Equal("Latin", page.Script);
        Assert.Equal(270, page.Orientation);
        Assert.True(page.MeanConfidence >= 0.75, $"mean confidence {page.MeanConfidence}");
    }

    [Theory]
    [InlineData(0.74, 300, 20, false)] // not confident enough
    [InlineData(0.75, 300, 20, true)]
    [InlineData(0.9, 20, 300, false)]  // confident, but its lines run down the page: turned on its side
    public void The_first_reading_must_be_confident_and_run_across_the_page(double confidence, int lineWidth, int lineHeight, bool skips)
    {
        var lines = Enumerable.Range(0, 5)
            .Select(i => new OcrLine("receipt total 12.50", confidence, new BoundingBox(10, 10 + i * 40, lineWidth, lineHeight), []))
            .ToList();
        Assert.Equal(skips, OsdSkip.Applies(new RecognizedText(lines, confidence, "eng"), new OcrOptions()));
    }

    private static OcrPage Process(byte[] png, OcrOptions options)
    {
        using var pool = new EnginePool(options);
        return Assert.Single(new VisionPipeline(pool).Process(png, "page.png").Pages);
    }
}
