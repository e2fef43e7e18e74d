using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

/// <summary>The pipeline decodes a document's pages one at a time (<see cref="ImageDecoder.Open"/>): every page is still
/// read, in order, and a corrupt file still fails alone, leaving the engine free.</summary>
public sealed class PageByPageDecodingTests
{
    [Fact]
    public void Every_page_of_a_multi_page_tiff_is_read_in_order_at_its_own_size()
    {
        using var pool = new EnginePool(new OcrOptions { PoolSize = 1 });
        var output = new VisionPipeline(pool).Process(Fixture.Bytes("multi.tif"), "multi.tif");

        Assert.Equal("tiff", output.Format);
        Assert.Equal([(0, 40, 30), (1, 20, 10), (2, 30, 50)], output.Pages.Select(p => (p.PageIndex, p.Width, p.Height)));
        Assert.Equal(3, output.Statistics.Count);
    }

    [Fact]
    public void A_file_whose_data_is_corrupt_fails_naming_it_and_the_engine_reads_the_next_file()
    {
        using var pool = new EnginePool(new OcrOptions { PoolSize = 1 });
        var pipeline = new VisionPipeline(pool);
        var bytes = Fixture.Bytes("cap-invoice.jpg");

        var ex = Assert.Throws<ImageRejectedException>(() => pipeline.Process(bytes.AsSpan(0, bytes.Length / 2), "cut.jpg"));
        Assert.Equal(ImageRejectionCodes.CorruptImage, ex.Code);
        Assert.Contains("cut.jpg", ex.Message);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2)); // a held engine would leave Rent waiting
        Assert.NotEmpty(Assert.Single(pipeline.Process(bytes, "cap-invoice.jpg", cancellationToken: timeout.Token).Pages).Lines);
    }
}
