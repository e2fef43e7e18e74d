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
}
