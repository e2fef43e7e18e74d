using ClaimVision.Vision.Imaging;

namespace ClaimVision.Vision.Tests;

public class DeskewerTests
{
    [Theory]
    [InlineData(3.0)]
    [InlineData(-2.2)]
    [InlineData(5.5)]
    public void RecoversAKnownSkewWithinAThirdOfADegree(double appliedClockwise)
    {
        using var straight = TestPages.Text(1200, 900);
        using var skewed = ImageTransforms.Rotate(straight, appliedClockwise);

        var result = Deskewer.Deskew(skewed);
        using var deskewed = result.Image;

        // The page was turned clockwise, so its text runs clockwise: a negative skew, removed by turning back.
        Assert.InRange(result.AngleDegrees, -appliedClockwise - 0.3, -appliedClockwise + 0.3);
        Assert.True(result.Confidence >= Deskewer.MinConfidence);
        var (residual, _) = Deskewer.FindSkew(deskewed);
        Assert.InRange(residual, -0.3, 0.3);
    }

    [Fact]
    public void FallsBackToAWiderSweepBeyondLeptonicasDefaultRange()
    {
        using var straight = TestPages.Text(1200, 900);
        using var skewed = ImageTransforms.Rotate(straight, -12);

        var result = Deskewer.Deskew(skewed);
        result.Image.Dispose();

        Assert.InRange(result.AngleDegrees, 11.7, 12.3);
    }

    [Fact]
    public void NeverRotatesOnAWeakEstimate()
    {
        using var blank = PageImage.CreateBlank(600, 400, color: false);
        var result = Deskewer.Deskew(blank);
        using var image = result.Image;

        Assert.Equal(0, result.AngleDegrees);
        Assert.True(result.Confidence < Deskewer.MinConfidence);
        Assert.True(image.PixelsEqual(blank));
    }

    [Fact]
    public void LeavesAStraightPageAlone()
    {
        using var straight = TestPages.Text(1200, 900, color: true);
        var result = Deskewer.Deskew(straight);
        using var image = result.Image;

        Assert.Equal(0, result.AngleDegrees);
        Assert.True(image.PixelsEqual(straight));
    }
}
