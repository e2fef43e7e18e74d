using ClaimVision.Vision.Imaging;

namespace ClaimVision.Vision.Tests;

public class ResolutionNormalizerTests
{
    [Fact]
    public void TextHeightEstimateFollowsTheScaleOfThePage()
    {
        using var page = TestPages.Text(900, 600, fontSize: 12);
        using var tripled = ImageTransforms.Scale(page, 3);

        var h1 = ResolutionNormalizer.EstimateTextHeight(page);
        var h3 = ResolutionNormalizer.EstimateTextHeight(tripled);

        Assert.NotNull(h1);
        Assert.NotNull(h3);
        Assert.InRange(h3!.Value / h1!.Value, 2.6, 3.4);
    }

    [Theory]
    [InlineData(4, 1.0)]   // small text (about 12 px): enlarge
    [InlineData(8, 1.0)]   // in the band already
    [InlineData(20, 1.0)]  // large text (about 58 px): reduce
    [InlineData(8, 3.0)]   // oversized text, like a close-up phone photo: reduce
    public void ChosenScaleBringsTextIntoTheBand(int fontSize, double preScale)
    {
        using var drawn = TestPages.Text(700, 500, fontSize);
        using var page = ImageTransforms.Scale(drawn, preScale);

        var factor = ResolutionNormalizer.ChooseScale(page);
        using var scaled = ImageTransforms.Scale(page, factor);

        var h = ResolutionNormalizer.EstimateTextHeight(scaled);
        Assert.NotNull(h);
        Assert.InRange(h!.Value, ResolutionNormalizer.MinTextHeight - 3, ResolutionNormalizer.MaxTextHeight + 3);
    }

    [Fact]
    public void SmallTextIsEnlargedAndLargeTextReduced()
    {
        using var small = TestPages.Text(700, 500, fontSize: 4);
        using var drawn = TestPages.Text(700, 500, fontSize: 20);
        using var large = ImageTransforms.Scale(drawn, 3);

        Assert.True(ResolutionNormalizer.ChooseScale(small) > 1.5);
        Assert.True(ResolutionNormalizer.ChooseScale(large) < 0.7);
    }

    [Fact]
    public void TextAlreadyInTheBandIsNotResampled()
    {
        using var page = TestPages.Text(900, 600, fontSize: 8);
        Assert.InRange(ResolutionNormalizer.EstimateTextHeight(page)!.Value, ResolutionNormalizer.MinTextHeight, ResolutionNormalizer.MaxTextHeight);
        Assert.Equal(1.0, ResolutionNormalizer.ChooseScale(page));
    }

    [Fact]
    public void LongSideIsCappedEvenWithoutText()
    {
        using var huge = PageImage.CreateBlank(5000, 3000, color: false);

        Assert.Null(ResolutionNormalizer.EstimateTextHeight(huge));
        var factor = ResolutionNormalizer.ChooseScale(huge);
        Assert.InRange(factor * 5000, ResolutionNormalizer.MaxLongSide - 5, ResolutionNormalizer.MaxLongSide);
    }

    [Fact]
    public void APageWithoutTextAndOfModestSizeIsLeftAlone()
    {
        using var blank = PageImage.CreateBlank(1200, 800, color: true);
        Assert.Equal(1.0, ResolutionNormalizer.ChooseScale(blank));
    }

    [Theory]
    [InlineData(17.0, 20, 28, 28 / 17.0)] // the default rule enlarges 17 px text to 28 px
    [InlineData(17.0, 16, 24, 1.0)]       // a deployment that enlarges only text under 16 px reads it as it is
    [InlineData(12.0, 16, 24, 2.0)]       // and enlarges smaller text to its own target
    [InlineData(60.0, 16, 24, 28 / 60.0)] // oversized text is reduced to the default target whatever the small-text rule
    public void A_deployment_chooses_which_small_text_is_enlarged_and_to_what_height(double textHeight, int below, int to, double expected)
    {
        using var page = PageImage.CreateBlank(1200, 900, color: true);
        Assert.Equal(Math.Round(expected, 3), ResolutionNormalizer.ChooseScale(page, textHeight, below, to), 3);
    }

    [Theory]
    [InlineData(7, 28, "ScaleUpBelowTextHeight")]  // glyphs under 4 px are not text; a bound this low enlarges nothing real
    [InlineData(40, 40, "ScaleUpBelowTextHeight")] // above the band's top
    [InlineData(20, 18, "ScaleUpToTextHeight")]    // enlarging to less than the trigger
    [InlineData(20, 37, "ScaleUpToTextHeight")]
    public void An_unusable_resolution_rule_is_refused_naming_the_setting(int below, int to, string setting)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ResolutionNormalizer.ValidateScaleUp(below, to));
        Assert.Contains(setting, e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ClaimVision.Vision.Ocr.EnginePool(new ClaimVision.Vision.Ocr.OcrOptions { ScaleUpBelowTextHeight = below, ScaleUpToTextHeight = to }));
    }

    [Fact]
    public void Pages_prepared_under_a_rule_that_skips_their_text_height_are_read_at_their_own_size()
    {
        using var drawn = TestPages.Text(700, 500, fontSize: 6);
        var h = ResolutionNormalizer.EstimateTextHeight(drawn)!.Value;
        Assert.InRange(h, 11, 19); // small print the default rule enlarges

        using var byDefault = new PreparedPage(drawn);
        using var economy = new PreparedPage(drawn, scaleUpBelow: (int)Math.Floor(h) - 2, scaleUpTo: 24); // 2 px below: the prepared page measures after deskew
        Assert.True(byDefault.Get(0).Ready.Width > drawn.Width * 1.3);
        Assert.InRange(economy.Get(0).Ready.Width, drawn.Width - 2, drawn.Width + 2);
    }

    [Fact]
    public void A_non_default_rule_is_part_of_the_pipeline_version_so_caches_and_recommendations_record_it()
    {
        using var byDefault = new ClaimVision.Vision.Ocr.EnginePool(new ClaimVision.Vision.Ocr.OcrOptions { PoolSize = 1 });
        using var economy = new ClaimVision.Vision.Ocr.EnginePool(new ClaimVision.Vision.Ocr.OcrOptions { PoolSize = 1, ScaleUpBelowTextHeight = 16, ScaleUpToTextHeight = 24 });
        Assert.DoesNotContain("scale-up", new VisionPipeline(byDefault).Version, StringComparison.Ordinal);
        Assert.Contains("/scale-up-16-24", new VisionPipeline(economy).Version, StringComparison.Ordinal);
    }
}
