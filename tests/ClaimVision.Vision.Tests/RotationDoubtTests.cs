using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

/// <summary>
/// A page OSD leaves on its side (here: OSD's orientation is never trusted) is read in vertical lines, its words taller
/// than wide; the pipeline then tries the two quarter turns and keeps the one that reads across the page. A page left
/// upside down reads poorly in both languages and is tried turned over.
/// </summary>
public sealed class RotationDoubtTests
{
    [Fact]
    public void A_page_left_on_its_side_is_turned_by_its_tall_words()
    {
        var (page, passes) = Process(new OcrOptions { PoolSize = 1, MinOrientationConfidence = 1000 });

        Assert.Equal(270, page.Orientation);
        Assert.Equal((1, 1), (passes[OcrPass.RotationRecheck].Calls, passes[OcrPass.RotationRecheck].Kept));
        Assert.Equal(1, passes[OcrPass.RotationProbe].Calls);
        Assert.True(page.MeanConfidence >= 0.75, $"mean confidence {page.MeanConfidence}");
        // Boxes are in the frame of the page as given (on its side): the lines read across the text run down the page.
        Assert.True(page.Lines.Count(l => l.Box.Height > l.Box.Width) >= page.Lines.Count * 9 / 10, "lines not read across the text");
    }

    [Fact]
    public void Without_the_tall_word_check_the_page_stays_on_its_side()
    {
        var (page, passes) = Process(new OcrOptions { PoolSize = 1, MinOrientationConfidence = 1000, MaxTallWordShare = 2 });

        Assert.Equal(0, page.Orientation);
        Assert.Equal(0, passes[OcrPass.RotationProbe].Calls);
    }

    [Fact]
    public void A_page_left_upside_down_reads_poorly_in_both_languages_and_is_turned_over()
    {
        var (page, passes) = Process(new OcrOptions { PoolSize = 1, MinOrientationConfidence = 1000 }, 180);

        Assert.Equal(180, page.Orientation);
        Assert.Equal("eng", page.Language);
        Assert.True(page.MeanConfidence >= 0.75, $"mean confidence {page.MeanConfidence}");
        Assert.Equal((1, 1), (passes[OcrPass.RotationProbe].Calls, passes[OcrPass.RotationProbe].Kept));
    }

    [Fact]
    public void Without_the_half_turn_probe_the_page_stays_upside_down()
    {
        var (page, passes) = Process(new OcrOptions { PoolSize = 1, MinOrientationConfidence = 1000, TurnOverBelowConfidence = 0 }, 180);

        Assert.Equal(0, page.Orientation);
        Assert.Equal(0, passes[OcrPass.RotationProbe].Calls);
    }

    [Fact]
    public void An_upright_page_pays_no_rotation_probe()
    {
        using var upright = TestPages.Text(1400, 900, fontSize: 10);
        using var pool = new EnginePool(new OcrOptions { PoolSize = 1 });
        _ = new VisionPipeline(pool).Process(upright.EncodePng(), "upright.png");

        Assert.Equal(0, pool.Passes.Snapshot().Single(p => p.Pass == OcrPass.RotationProbe).Calls);
    }

    private static (OcrPage Page, Dictionary<OcrPass, OcrPassTotals> Passes) Process(OcrOptions options, int turn = 90)
    {
        using var upright = TestPages.Text(1400, 900, fontSize: 10);
        using var turned = ImageTransforms.RotateOrthogonal(upright, turn);
        using var pool = new EnginePool(options);
        var page = Assert.Single(new VisionPipeline(pool).Process(turned.EncodePng(), "turned.png").Pages);
        return (page, pool.Passes.Snapshot().ToDictionary(p => p.Pass));
    }
}
