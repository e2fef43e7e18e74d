using ClaimVision.Domain.Documents;
using ClaimVision.Vision.Degradation;
using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Tests.Degradation;

public class PhotoDegraderTests
{
    private const int W = 400;
    private const int H = 300;
    private static readonly BoundingBox Ink = new(250, 60, 100, 50);

    /// <summary>A white page with one black block where <see cref="Ink"/> says.</summary>
    private static uint[] Page()
    {
        var px = new uint[W * H];
        Array.Fill(px, 0xFFFFFFu);
        for (var y = Ink.Y; y < Ink.Bottom; y++)
            for (var x = Ink.X; x < Ink.Right; x++) px[y * W + x] = 0;
        return px;
    }

    private static readonly PhotoEffects Phone = new()
    {
        RotationDegrees = 6, CornerOffsets = [0.03, -0.02, -0.04, 0.01, 0.02, 0.03, -0.01, -0.03],
        Margin = 0.05, Background = 0x303030, Blur = 1, Noise = 6, Lighting = 0.3, LightingAngle = 1, JpegQuality = 70, NoiseSeed = 42,
    };

    private static unsafe (int W, int H, Func<int, int, int> Grey) Decode(byte[] encoded)
    {
        PixHandle pix;
        fixed (byte* p = encoded) pix = Leptonica.pixReadMem(p, (nuint)encoded.Length);
        Assert.False(pix.IsInvalid);
        var (w, h) = (Leptonica.pixGetWidth(pix), Leptonica.pixGetHeight(pix));
        var data = Leptonica.Photo.pixGetData(pix);
        var wpl = Leptonica.Photo.pixGetWpl(pix);
        var words = new uint[h * wpl];
        new ReadOnlySpan<uint>(data, words.Length).CopyTo(words);
        pix.Dispose();
        return (w, h, (x, y) =>
        {
            var v = words[y * wpl + x];
            return (int)(((v >> 24) & 0xFF) + ((v >> 16) & 0xFF) + ((v >> 8) & 0xFF)) / 3;
        });
    }

    private static double MeanGrey(Func<int, int, int> grey, BoundingBox b)
    {
        long sum = 0;
        for (var y = b.Y; y < b.Bottom; y++)
            for (var x = b.X; x < b.Right; x++) sum += grey(x, y);
        return (double)sum / (b.Width * b.Height);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Mapped_box_still_covers_the_ink_after_warp_and_turns(int quarterTurns)
    {
        var photo = PhotoDegrader.Apply(Page(), W, H, Phone with { QuarterTurns = quarterTurns });
        var (w, h, grey) = Decode(photo.Encoded);

        Assert.Equal((photo.Width, photo.Height), (w, h));
        var box = photo.Geometry.MapBox(Ink);
        Assert.InRange(box.Right, 1, w);
        Assert.InRange(box.Bottom, 1, h);
        // The block's centre must be dark where the geometry says it went, and the page away from it light.
        var (cx, cy) = photo.Geometry.Map(Ink.X + Ink.Width / 2.0, Ink.Y + Ink.Height / 2.0);
        Assert.True(MeanGrey(grey, new BoundingBox((int)cx - 10, (int)cy - 10, 20, 20)) < 70, "ink centre not dark");
        var (px, py) = photo.Geometry.Map(80, 220);
        Assert.True(MeanGrey(grey, new BoundingBox((int)px - 10, (int)py - 10, 20, 20)) > 120, "blank page not light");
        if (quarterTurns % 2 == 1) Assert.True(h > w, "a quarter turn makes the landscape page portrait");
    }

    [Fact]
    public void Effects_change_pixels_and_the_same_effects_give_the_same_bytes()
    {
        var clean = PhotoDegrader.Apply(Page(), W, H, PhotoEffects.None);
        var noisy = PhotoDegrader.Apply(Page(), W, H, new PhotoEffects { Noise = 8, NoiseSeed = 1 });
        var again = PhotoDegrader.Apply(Page(), W, H, new PhotoEffects { Noise = 8, NoiseSeed = 1 });
        var other = PhotoDegrader.Apply(Page(), W, H, new PhotoEffects { Noise = 8, NoiseSeed = 2 });

        Assert.Equal("png", clean.Format);
        Assert.Equal((W, H), (clean.Width, clean.Height));
        Assert.Equal(Ink, clean.Geometry.MapBox(Ink));
        var (_, _, a) = Decode(clean.Encoded);
        var (_, _, b) = Decode(noisy.Encoded);
        var changed = 0;
        for (var y = 0; y < H; y += 3)
            for (var x = 0; x < W; x += 3) changed += a(x, y) != b(x, y) ? 1 : 0;
        Assert.True(changed > W * H / 9 / 4, $"noise changed only {changed} sampled pixels");
        Assert.Equal(noisy.Encoded, again.Encoded);
        Assert.NotEqual(noisy.Encoded, other.Encoded);
    }

    [Fact]
    public void Uneven_light_darkens_the_far_side()
    {
        var blank = new uint[W * H];
        Array.Fill(blank, 0xFFFFFFu);
        var photo = PhotoDegrader.Apply(blank, W, H, new PhotoEffects { Lighting = 0.4, LightingAngle = 0 });
        var (_, _, grey) = Decode(photo.Encoded);
        Assert.True(MeanGrey(grey, new BoundingBox(W - 20, 0, 20, H)) < MeanGrey(grey, new BoundingBox(0, 0, 20, H)) - 60);
    }

    [Fact]
    public void A_buffer_that_does_not_match_the_size_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => PhotoDegrader.Apply(new uint[10], W, H, PhotoEffects.None));
        Assert.Contains("400×300", e.Message);
    }
}
