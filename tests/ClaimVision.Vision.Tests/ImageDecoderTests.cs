using System.Buffers.Binary;
using ClaimVision.Vision.Imaging;

namespace ClaimVision.Vision.Tests;

public class ImageDecoderTests
{
    private static readonly Rgb Red = new(255, 0, 0);

    [Theory]
    [InlineData("base.png", "png")]
    [InlineData("base.jpg", "jpeg")]
    [InlineData("base.tif", "tiff")]
    public void DecodesSingleImageFormatsAsColourPages(string file, string format)
    {
        using var image = ImageDecoder.Decode(Fixture.Bytes(file), file);

        Assert.Equal(format, image.Format);
        var page = Assert.Single(image.Pages);
        Assert.Equal((48, 32, 32), (page.Width, page.Height, page.Depth));
        AssertNear(Red, page.GetPixel(5, 16));
        AssertNear(new Rgb(0, 0, 255), page.GetPixel(40, 5));
        AssertNear(new Rgb(255, 255, 255), page.GetPixel(40, 28));
    }

    [Fact]
    public void PaletteImagesBecomeTrueColour()
    {
        using var image = ImageDecoder.Decode(Fixture.Bytes("palette.png"), "palette.png");
        var page = image.Pages[0];
        Assert.Equal(32, page.Depth);
        AssertNear(Red, page.GetPixel(5, 16));
        AssertNear(new Rgb(0, 0, 255), page.GetPixel(40, 5));
    }

    [Fact]
    public void TransparencyIsCompositedOnWhite()
    {
        using var image = ImageDecoder.Decode(Fixture.Bytes("alpha.png"), "alpha.png");
        var page = image.Pages[0];
        Assert.Equal(new Rgb(255, 255, 255), page.GetPixel(1, 1));
        Assert.Equal(new Rgb(0, 0, 0), page.GetPixel(10, 10));
    }

    [Fact]
    public void BilevelImagesBecomeEightBitGray()
    {
        using var image = ImageDecoder.Decode(Fixture.Bytes("bilevel.png"), "bilevel.png");
        var page = image.Pages[0];
        Assert.Equal(8, page.Depth);
        Assert.Equal(0, page.GetPixel(3, 8).R);
        Assert.Equal(255, page.GetPixel(20, 8).R);
    }

    [Fact]
    public void DecodesEveryPageOfAMultiPageTiff()
    {
        using var image = ImageDecoder.Decode(Fixture.Bytes("multi.tif"), "multi.tif");

        Assert.Equal([(40, 30), (20, 10), (30, 50)], image.Pages.Select(p => (p.Width, p.Height)));
        Assert.All(image.Pages, p => Assert.True(p.Depth is 8 or 32));
        Assert.Equal(255, image.Pages[0].GetPixel(3, 3).R);
        Assert.Equal(0, image.Pages[1].GetPixel(3, 3).R);
    }

    [Fact]
    public void AnOpenedFileDecodesEachPageOnRequestAsDecodingItWholeDoes()
    {
        var bytes = Fixture.Bytes("multi.tif");
        using var whole = ImageDecoder.Decode(bytes, "multi.tif");
        var opened = ImageDecoder.Open(bytes, "multi.tif");
        bytes.AsSpan().Clear(); // the opened file keeps its own copy of the bytes

        Assert.Equal(("tiff", 3), (opened.Format, opened.PageCount));
        for (var i = 0; i < 3; i++)
        {
            using var page = opened.DecodePage(i);
            using var again = opened.DecodePage(i);
            Assert.True(page.PixelsEqual(whole.Pages[i]));
            Assert.NotSame(page, again);
            Assert.True(again.PixelsEqual(page));
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => opened.DecodePage(3));
    }

    [Fact]
    public void OpeningRefusesWhatDecodingRefusesWithoutDecodingAndACorruptPageFailsWhenDecoded()
    {
        var tooMany = Assert.Throws<ImageRejectedException>(() =>
            ImageDecoder.Open(Fixture.Bytes("multi.tif"), "multi.tif", new ImageLimits { MaxPages = 2 }));
        Assert.Equal(ImageRejectionCodes.TooManyPages, tooMany.Code);
        Assert.Equal(ImageRejectionCodes.EmptyFile, Assert.Throws<ImageRejectedException>(() => ImageDecoder.Open([], "empty.jpg")).Code);

        var bytes = Fixture.Bytes("cap-invoice.jpg");
        var truncated = ImageDecoder.Open(bytes.AsSpan(0, bytes.Length / 2), "cut.jpg"); // its header is whole
        var ex = Assert.Throws<ImageRejectedException>(() => truncated.DecodePage(0));
        Assert.Equal(ImageRejectionCodes.CorruptImage, ex.Code);
        Assert.Contains("cut.jpg", ex.Message);
    }

    [Fact]
    public void RefusesATiffWithMorePagesThanAllowed()
    {
        var ex = Assert.Throws<ImageRejectedException>(() =>
            ImageDecoder.Decode(Fixture.Bytes("multi.tif"), "multi.tif", new ImageLimits { MaxPages = 2 }));
        Assert.Equal(ImageRejectionCodes.TooManyPages, ex.Code);
        Assert.Contains("multi.tif", ex.Message);

        using var exactly = ImageDecoder.Decode(Fixture.Bytes("multi.tif"), "multi.tif", new ImageLimits { MaxPages = 3 });
        Assert.Equal(3, exactly.Pages.Count);
    }

    [Theory]
    [InlineData("exif6.jpg")]
    [InlineData("orient6.tif")]
    public void HonoursOrientationSixByTurningClockwise(string file)
    {
        using var image = ImageDecoder.Decode(Fixture.Bytes(file), file);
        var page = image.Pages[0];

        // Stored 48×32 with red on the left; displayed 90° clockwise: 32×48, red on top, blue bottom right.
        Assert.Equal((32, 48), (page.Width, page.Height));
        AssertNear(Red, page.GetPixel(16, 5));
        AssertNear(new Rgb(0, 0, 255), page.GetPixel(28, 40));
        AssertNear(new Rgb(255, 255, 255), page.GetPixel(4, 40));
    }

    [Fact]
    public void RefusesAnEmptyFile()
    {
        var ex = Assert.Throws<ImageRejectedException>(() => ImageDecoder.Decode([], "empty.jpg"));
        Assert.Equal(ImageRejectionCodes.EmptyFile, ex.Code);
        Assert.Contains("empty.jpg", ex.Message);
    }

    [Fact]
    public void RefusesAFileAboveTheByteLimit()
    {
        var ex = Assert.Throws<ImageRejectedException>(() =>
            ImageDecoder.Decode(Fixture.Bytes("base.png"), "base.png", new ImageLimits { MaxBytes = 100 }));
        Assert.Equal(ImageRejectionCodes.TooLarge, ex.Code);
    }

    [Theory]
    [InlineData("%PDF-1.7 some document", "PDF")]
    [InlineData("GIF89a......", "GIF")]
    [InlineData("hello, this is not an image", "no known image signature")]
    public void RefusesUnsupportedFormatsByTheirMagicBytes(string content, string described)
    {
        var ex = Assert.Throws<ImageRejectedException>(() => ImageDecoder.Decode(System.Text.Encoding.ASCII.GetBytes(content), "x.bin"));
        Assert.Equal(ImageRejectionCodes.UnsupportedFormat, ex.Code);
        Assert.Contains(described, ex.Message);
    }

    [Theory]
    [InlineData("base.png")]
    [InlineData("base.jpg")]
    [InlineData("base.tif")]
    public void RefusesATruncatedFileAsCorrupt(string file)
    {
        var bytes = Fixture.Bytes(file);
        var ex = Assert.Throws<ImageRejectedException>(() => ImageDecoder.Decode(bytes.AsSpan(0, bytes.Length / 2), file));
        Assert.Equal(ImageRejectionCodes.CorruptImage, ex.Code);
    }

    [Fact]
    public void RefusesAJpegWhoseHeaderIsGarbage()
    {
        byte[] bogus = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        var ex = Assert.Throws<ImageRejectedException>(() => ImageDecoder.Decode(bogus, "bogus.jpg"));
        Assert.Equal(ImageRejectionCodes.CorruptImage, ex.Code);
    }

    [Fact]
    public void RefusesAPngBombFromItsHeaderAlone()
    {
        var png = Fixture.Bytes("base.png");
        // IHDR data starts at byte 16 (8 signature + 4 length + 4 type); its CRC covers type and data.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 100_000);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));

        var ex = Assert.Throws<ImageRejectedException>(() => ImageDecoder.Decode(png, "bomb.png"));
        Assert.Equal(ImageRejectionCodes.TooManyPixels, ex.Code);
        Assert.Contains("100000×100000", ex.Message);
    }

    [Fact]
    public void RefusesAJpegBombFromItsHeaderAlone()
    {
        var jpeg = Fixture.Bytes("base.jpg");
        var sof = FindSof(jpeg);
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 5), 60_000); // height
        BinaryPrimitives.WriteUInt16BigEndian(jpeg.AsSpan(sof + 7), 60_000); // width

        var ex = Assert.Throws<ImageRejectedException>(() => ImageDecoder.Decode(jpeg, "bomb.jpg"));
        Assert.Equal(ImageRejectionCodes.TooManyPixels, ex.Code);
    }

    [Fact]
    public void PixelLimitIsConfigurable()
    {
        var ex = Assert.Throws<ImageRejectedException>(() =>
            ImageDecoder.Decode(Fixture.Bytes("base.png"), "base.png", new ImageLimits { MaxPixels = 48 * 32 - 1 }));
        Assert.Equal(ImageRejectionCodes.TooManyPixels, ex.Code);
        using var ok = ImageDecoder.Decode(Fixture.Bytes("base.png"), "base.png", new ImageLimits { MaxPixels = 48 * 32 });
        Assert.Single(ok.Pages);
    }

    [Fact]
    public void EncodedPngDecodesToTheSamePixels()
    {
        using var image = ImageDecoder.Decode(Fixture.Bytes("base.png"), "base.png");
        using var again = PageImage.FromEncoded(image.Pages[0].EncodePng());
        Assert.True(again.PixelsEqual(image.Pages[0]));
    }

    private static void AssertNear(Rgb expected, Rgb actual, int tolerance = 40)
    {
        Assert.True(Math.Abs(expected.R - actual.R) <= tolerance && Math.Abs(expected.G - actual.G) <= tolerance && Math.Abs(expected.B - actual.B) <= tolerance,
            $"expected about {expected}, got {actual}");
    }

    private static int FindSof(byte[] jpeg)
    {
        for (var i = 2; i + 1 < jpeg.Length; i++)
            if (jpeg[i] == 0xFF && jpeg[i + 1] is 0xC0 or 0xC1 or 0xC2) return i;
        throw new InvalidOperationException("no SOF marker");
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
