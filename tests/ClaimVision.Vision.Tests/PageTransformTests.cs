using ClaimVision.Domain.Documents;
using ClaimVision.Vision.Imaging;

namespace ClaimVision.Vision.Tests;

public class PageTransformTests
{
    private static readonly BoundingBox Mark = new(100, 50, 80, 30);

    private static PageImage MarkedPage()
    {
        var page = PageImage.CreateBlank(600, 400, color: false);
        TestPages.Rect(page, Mark.X, Mark.Y, Mark.Width, Mark.Height);
        return page;
    }

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    [InlineData(-90)]
    public void QuarterTurnsMapBoxesExactlyBothWays(int degrees)
    {
        using var page = MarkedPage();
        using var turned = ImageTransforms.RotateOrthogonal(page, degrees);
        var transform = PageTransform.Identity(600, 400).ThenRotateOrthogonal(degrees);

        var found = Box(TestPages.DarkBounds(turned));
        Assert.Equal((turned.Width, turned.Height), (transform.Width, transform.Height));
        Assert.Equal(found, transform.MapForward(Mark));
        Assert.Equal(Mark, transform.MapBack(found));
    }

    [Fact]
    public void MapBackUndoesOrientationDeskewAndScaleOnRealPixels()
    {
        using var page = MarkedPage();
        using var turned = ImageTransforms.RotateOrthogonal(page, 90);
        using var rotated = ImageTransforms.Rotate(turned, 4);
        using var scaled = ImageTransforms.Scale(rotated, 1.7);
        var transform = PageTransform.Identity(600, 400).ThenRotateOrthogonal(90).ThenRotate(4).ThenScale(1.7);

        Assert.Equal((scaled.Width, scaled.Height), (transform.Width, transform.Height));
        Assert.Equal((90, 4.0, 1.7), (transform.OrientationDegrees, transform.RotationDegrees, transform.Scale));

        var found = Box(TestPages.DarkBounds(scaled));
        AssertNear(transform.MapForward(Mark), found, tolerance: 4);
        // Mapping the (rotation-enlarged) box back lands on the mark, a few pixels wider for the 4° turn.
        var back = transform.MapBack(found);
        AssertNear(Mark, back, tolerance: 8);
        Assert.True(back.X <= Mark.X + 1 && back.Right >= Mark.Right - 1 && back.Y <= Mark.Y + 1 && back.Bottom >= Mark.Bottom - 1);
    }

    [Fact]
    public void MapBackClipsToThePage()
    {
        var transform = PageTransform.Identity(600, 400).ThenScale(0.5);
        Assert.Equal(new BoundingBox(580, 380, 20, 20), transform.MapBack(new BoundingBox(290, 190, 100, 100)));
    }

    [Fact]
    public void IdentityMapsBoxesUnchanged()
    {
        var transform = PageTransform.Identity(600, 400);
        Assert.Equal(Mark, transform.MapBack(Mark));
        Assert.Equal((0, 0.0, 1.0), (transform.OrientationDegrees, transform.RotationDegrees, transform.Scale));
    }

    private static BoundingBox Box((int X, int Y, int W, int H) b) => new(b.X, b.Y, b.W, b.H);

    private static void AssertNear(BoundingBox expected, BoundingBox actual, int tolerance) =>
        Assert.True(Math.Abs(expected.X - actual.X) <= tolerance && Math.Abs(expected.Y - actual.Y) <= tolerance
            && Math.Abs(expected.Right - actual.Right) <= tolerance && Math.Abs(expected.Bottom - actual.Bottom) <= tolerance,
            $"expected about {expected}, got {actual}");
}
