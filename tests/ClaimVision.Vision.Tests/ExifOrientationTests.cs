using ClaimVision.Vision.Imaging;

namespace ClaimVision.Vision.Tests;

public class ExifOrientationTests
{
    // exif6.jpg: SOI, APP1 (length, "Exif\0\0", "MM", 42, IFD at 8, one entry: 0x0112 SHORT 1 value) — the value's low byte is at 31.
    private const int OrientationValueOffset = 31;

    private static byte[] WithOrientation(int value)
    {
        var bytes = Fixture.Bytes("exif6.jpg");
        Assert.Equal(6, bytes[OrientationValueOffset]);
        bytes[OrientationValueOffset] = (byte)value;
        return bytes;
    }

    [Fact]
    public void ReadsTheTagFromTheExifSegment()
    {
        Assert.Equal(6, ExifOrientation.FromJpeg(Fixture.Bytes("exif6.jpg")));
        Assert.Equal(1, ExifOrientation.FromJpeg(Fixture.Bytes("base.jpg")));
    }

    [Theory]
    // value, size, (x, y) expected red, (x, y) expected blue, (x, y) expected white
    [InlineData(1, 48, 32, 5, 16, 40, 5, 40, 28)]
    [InlineData(2, 48, 32, 42, 16, 7, 5, 7, 28)]   // mirrored
    [InlineData(3, 48, 32, 42, 16, 7, 28, 7, 5)]   // 180°
    [InlineData(8, 32, 48, 16, 40, 5, 5, 28, 5)]   // 270° clockwise
    public void AppliesEachOrientation(int value, int w, int h, int rx, int ry, int bx, int by, int wx, int wy)
    {
        using var image = ImageDecoder.Decode(WithOrientation(value), "photo.jpg");
        var page = image.Pages[0];

        Assert.Equal((w, h), (page.Width, page.Height));
        Assert.True(page.GetPixel(rx, ry).R > 200 && page.GetPixel(rx, ry).B < 60, $"red expected at {rx},{ry}: {page.GetPixel(rx, ry)}");
        Assert.True(page.GetPixel(bx, by).B > 200 && page.GetPixel(bx, by).R < 60, $"blue expected at {bx},{by}: {page.GetPixel(bx, by)}");
        Assert.True(page.GetPixel(wx, wy).G > 200, $"white expected at {wx},{wy}: {page.GetPixel(wx, wy)}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(200)]
    public void OutOfRangeValuesMeanUpright(int value) =>
        Assert.Equal(1, ExifOrientation.FromJpeg(WithOrientation(value)));

    [Fact]
    public void AnExifSegmentLongerThanTheFileIsIgnored()
    {
        var bytes = Fixture.Bytes("exif6.jpg");
        bytes[4] = 0xFF; // APP1 length high byte: now runs past the end
        Assert.Equal(1, ExifOrientation.FromJpeg(bytes));
    }

    [Fact]
    public void EveryTruncationOfTheMetadataIsHandled()
    {
        var bytes = Fixture.Bytes("exif6.jpg");
        for (var n = 0; n <= 60; n++)
            Assert.InRange(ExifOrientation.FromJpeg(bytes.AsSpan(0, n)), 1, 8);
    }
}
