using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

/// <summary>The pass counter tells operators where the OCR time goes; the pipeline must count what it really ran.</summary>
public sealed class OcrPassCounterTests
{
    [Fact]
    public void A_confident_upright_latin_page_counts_one_kept_first_reading_and_no_osd()
    {
        using var page = TestPages.Text(1400, 900, fontSize: 10);
        using var pool = new EnginePool(new OcrOptions { PoolSize = 1 });
        var processBefore = OcrPassCounter.Process.Snapshot();

        _ = new VisionPipeline(pool).Process(page.EncodePng(), "page.png");

        var passes = pool.Passes.Snapshot().ToDictionary(p => p.Pass);
        Assert.Equal((1, 1), (passes[OcrPass.FirstReading].Calls, passes[OcrPass.FirstReading].Kept));
        // The first reading's CPU holds the page's preparation (deskew, scale) as well as Tesseract's reading; the part inside
        // Tesseract is told apart, and both parts are real work.
        var first = passes[OcrPass.FirstReading];
        Assert.InRange(first.TesseractCpuSeconds, 1e-4, first.CpuSeconds - 1e-4);
        Assert.InRange(passes[OcrPass.MissedText].TesseractCpuSeconds, 0, passes[OcrPass.MissedText].CpuSeconds);
        Assert.Equal(0, passes[OcrPass.Osd].Calls);
        Assert.Equal(0, passes[OcrPass.UprightAlternative].Calls);
        Assert.Equal(1, passes[OcrPass.MissedText].Calls);
        // The process-wide counter took the same passes (other tests may add theirs at the same time).
        var process = OcrPassCounter.Difference(processBefore, OcrPassCounter.Process.Snapshot()).ToDictionary(p => p.Pass);
        Assert.True(process[OcrPass.FirstReading].Calls >= 1);
    }

    [Fact]
    public void A_page_turned_on_its_side_counts_osd_as_deciding_and_its_reading_as_kept()
    {
        using var upright = TestPages.Text(1400, 900, fontSize: 10);
        using var turned = ImageTransforms.RotateOrthogonal(upright, 90);
        using var pool = new EnginePool(new OcrOptions { PoolSize = 1 });

        _ = new VisionPipeline(pool).Process(turned.EncodePng(), "page.png");

        var passes = pool.Passes.Snapshot().ToDictionary(p => p.Pass);
        Assert.Equal((1, 0), (passes[OcrPass.FirstReading].Calls, passes[OcrPass.FirstReading].Kept));
        Assert.Equal((1, 1), (passes[OcrPass.Osd].Calls, passes[OcrPass.Osd].Kept));
        Assert.Equal((1, 1), (passes[OcrPass.OsdReading].Calls, passes[OcrPass.OsdReading].Kept));
        // OSD is Tesseract's alone (its binary image was made before the pass).
        Assert.InRange(passes[OcrPass.Osd].TesseractCpuSeconds, 0.9 * passes[OcrPass.Osd].CpuSeconds, passes[OcrPass.Osd].CpuSeconds);
    }

    [Fact]
    public void Difference_subtracts_every_total_kind_by_kind()
    {
        var counter = new OcrPassCounter();
        counter.Add(OcrPass.Osd, 2_000_000_000, kept: true);
        var before = counter.Snapshot();
        counter.Add(OcrPass.Osd, 500_000_000, kept: false);
        counter.Add(OcrPass.MissedText, 250_000_000, kept: true, regions: 7, tesseractNanoseconds: 200_000_000);

        var since = OcrPassCounter.Difference(before, counter.Snapshot()).ToDictionary(p => p.Pass);

        Assert.Equal(new OcrPassTotals(OcrPass.Osd, 1, 0, 0.5, 0), since[OcrPass.Osd]);
        Assert.Equal(new OcrPassTotals(OcrPass.MissedText, 1, 7, 0.25, 1, 0.2), since[OcrPass.MissedText]);
        Assert.Equal(0, since[OcrPass.FirstReading].Calls);
    }
}
