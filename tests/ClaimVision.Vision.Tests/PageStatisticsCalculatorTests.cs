using ClaimVision.Vision.Imaging;

namespace ClaimVision.Vision.Tests;

public class PageStatisticsCalculatorTests
{
    private static readonly Rgb SealRed = new(220, 30, 40);
    private static readonly Rgb Black = new(0, 0, 0);

    [Fact]
    public void ARedSealRaisesRedShareAndSaturation()
    {
        using var plain = TestPages.Text(1000, 700, fontSize: 8, color: true);
        using var sealed_ = TestPages.Text(1000, 700, fontSize: 8, color: true);
        TestPages.Ring(sealed_, 750, 450, 110, 10, SealRed);
        TestPages.Ring(sealed_, 750, 450, 80, 4, SealRed);

        var a = PageStatisticsCalculator.Compute(plain);
        var b = PageStatisticsCalculator.Compute(sealed_);

        Assert.True(a.RedShare < 0.001, $"plain page red share {a.RedShare}");
        Assert.True(b.RedShare > 0.01, $"sealed page red share {b.RedShare}");
        Assert.True(b.MeanSaturation > a.MeanSaturation + 0.005, $"saturation {a.MeanSaturation} vs {b.MeanSaturation}");
    }

    [Fact]
    public void DarkTextIsNotMistakenForRed()
    {
        using var page = TestPages.Text(800, 600, fontSize: 8, color: true);
        // Dark brownish-red text, the colour cast of a cheap phone camera: dark, so not seal ink.
        TestPages.Line(page, 50, 500, 750, 500, 3, new Rgb(60, 20, 20));
        Assert.True(PageStatisticsCalculator.Compute(page).RedShare < 0.001);
    }

    [Fact]
    public void CountsTableRulesButNotTextOrSeals()
    {
        using var page = TestPages.Text(1200, 900, fontSize: 8, color: true);
        TestPages.Ring(page, 900, 700, 120, 10, SealRed);
        var before = PageStatisticsCalculator.Compute(page);
        for (var i = 0; i < 4; i++) TestPages.Line(page, 60, 100 + (i * 150), 1140, 100 + (i * 150), 2, Black);
        for (var i = 0; i < 3; i++) TestPages.Line(page, 60 + (i * 500), 100, 60 + (i * 500), 550, 2, Black);
        var after = PageStatisticsCalculator.Compute(page);

        Assert.Equal((0, 0), (before.HorizontalRules, before.VerticalRules));
        Assert.Equal((4, 3), (after.HorizontalRules, after.VerticalRules));
    }

    [Fact]
    public void RedPrintedFormRulesStillCount()
    {
        // Chinese VAT invoices print their grid in red-brown; only seal-sized red marks are ignored.
        using var page = TestPages.RedPrintedForm(1200, 900);

        var stats = PageStatisticsCalculator.Compute(page);
        Assert.Equal((3, 2), (stats.HorizontalRules, stats.VerticalRules));
        Assert.True(stats.RedShare > 0.002);
    }

    [Fact]
    public void SlightlySkewedRulesStillCountOnce()
    {
        using var page = PageImage.CreateBlank(1200, 900, color: false);
        TestPages.Line(page, 60, 100, 1140, 125, 1, Black); // about 1.3°
        TestPages.Line(page, 60, 400, 1140, 380, 1, Black);
        Assert.Equal(2, PageStatisticsCalculator.Compute(page).HorizontalRules);
    }

    [Fact]
    public void InkDensityAndAspectFollowThePage()
    {
        using var blank = PageImage.CreateBlank(400, 800, color: false);
        using var text = TestPages.Text(400, 800, fontSize: 8);

        var empty = PageStatisticsCalculator.Compute(blank);
        var full = PageStatisticsCalculator.Compute(text);

        Assert.Equal(0.5, empty.AspectRatio, 3);
        Assert.Equal(0, empty.InkDensity);
        Assert.InRange(full.InkDensity, 0.03, 0.4);
        Assert.Equal(0, full.MeanSaturation);
    }

    [Fact]
    public void LargePagesAreMeasuredOnAReducedCopyWithTheSameResult()
    {
        using var page = TestPages.Text(1000, 700, fontSize: 8, color: true);
        TestPages.Ring(page, 700, 400, 100, 10, SealRed);
        using var big = ImageTransforms.Scale(page, 3);

        var small = PageStatisticsCalculator.Compute(page);
        var large = PageStatisticsCalculator.Compute(big);

        Assert.Equal(small.AspectRatio, large.AspectRatio, 2);
        Assert.InRange(large.RedShare, small.RedShare * 0.7, small.RedShare * 1.3);
    }
}
