using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

/// <summary>
/// A Chinese page read first in eng reads poorly; it is re-read upright in chi_sim before OSD, and when that reading is
/// confident and horizontal OSD is skipped. The page must come out exactly as OSD would have had it read.
/// </summary>
public sealed class UprightAlternativeTests
{
    [Fact]
    public void A_chinese_page_read_poorly_in_eng_keeps_its_upright_chi_sim_reading_without_osd()
    {
        var (page, passes) = Process(new OcrOptions { PoolSize = 1 });

        Assert.Equal("chi_sim", page.Language);
        Assert.Equal(0, page.Orientation);
        Assert.Null(page.Script); // OSD did not run
        Assert.Equal((1, 1), (passes[OcrPass.UprightAlternative].Calls, passes[OcrPass.UprightAlternative].Kept));
        Assert.Equal(0, passes[OcrPass.Osd].Calls);
        Assert.Equal(0, passes[OcrPass.LanguageProbe].Calls);
    }

    [Fact]
    public void The_page_reads_as_it_does_through_osd()
    {
        var (skipped, _) = Process(new OcrOptions { PoolSize = 1 });
        var (withOsd, passes) = Process(new OcrOptions { PoolSize = 1, UprightAlternativeBelowConfidence = 0 });

        Assert.Equal(1, passes[OcrPass.Osd].Calls); // turned off, the page goes through OSD
        Assert.Equal(0, passes[OcrPass.UprightAlternative].Calls);
        Assert.Equal(withOsd.Language, skipped.Language);
        Assert.Equal(withOsd.Orientation, skipped.Orientation);
        Assert.Equal(withOsd.Lines.Select(l => l.Text), skipped.Lines.Select(l => l.Text));
    }

    [Fact]
    public void A_fixed_language_never_reads_the_alternative()
    {
        using var pool = new EnginePool(new OcrOptions { PoolSize = 1 });
        var page = Assert.Single(new VisionPipeline(pool).Process(Fixture.Bytes("zh-discharge-top.jpg"), "zh-discharge-top.jpg", new VisionOptions { Language = "eng" }).Pages);

        Assert.Equal("eng", page.Language);
        Assert.Equal(0, pool.Passes.Snapshot().Single(p => p.Pass == OcrPass.UprightAlternative).Calls);
    }

    private static (OcrPage Page, Dictionary<OcrPass, OcrPassTotals> Passes) Process(OcrOptions options)
    {
        using var pool = new EnginePool(options);
        var page = Assert.Single(new VisionPipeline(pool).Process(Fixture.Bytes("zh-discharge-top.jpg"), "zh-discharge-top.jpg").Pages);
        return (page, pool.Passes.Snapshot().ToDictionary(p => p.Pass));
    }
}
