using System.Buffers.Binary;

namespace ClaimVision.Vision.Imaging;

/// <summary>
/// Reads the EXIF orientation tag (0x0112) from a JPEG's APP1 "Exif" segment, metadata bytes only.
/// (TIFF files need nothing from us: Leptonica 1.82's TIFF reader applies their Orientation tag itself;
/// the orient6.tif test fixture pins that down.) Values follow the EXIF specification: 1 = upright, 3 = 180°, 6 = stored rotated
/// so that displaying needs 90° clockwise, 8 = 270° clockwise, 2/4/5/7 = mirrored variants.
/// Anything missing, malformed or out of range reads as 1, never as an error: orientation is a hint.
/// </summary>
internal static class ExifOrientation
{
    private const ushort OrientationTag = 0x0112;

    public static int FromJpeg(ReadOnlySpan<byte> jpeg)
    {
        var pos = 2; // after SOI
        while (pos + 4 <= jpeg.Length)
        {
            if (jpeg[pos] != 0xFF) return 1;
            var marker = jpeg[pos + 1];
            if (marker == 0xFF) { pos++; continue; } // fill byte
            if (marker is 0xDA or 0xD9) return 1;    // start of scan / end of image: no more metadata
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) { pos += 2; continue; } // markers without length
            int length = BinaryPrimitives.ReadUInt16BigEndian(jpeg.Slice(pos + 2, 2));
            if (length < 2 || pos + 2 + length > jpeg.Length) return 1;
            var payload = jpeg.Slice(pos + 4, length - 2);
            if (marker == 0xE1 && payload.Length > 14 && payload[..6].SequenceEqual("Exif\0\0"u8))
                return FromTiffHeader(payload[6..]);
            pos += 2 + length;
        }
        return 1;
    }

    /// <summary>The orientation tag in IFD0 of a TIFF-structured block (the body of an Exif segment).</summary>
    private static int FromTiffHeader(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8) return 1;
        bool little;
        if (tiff[0] == (byte)'I' && tiff[1] == (byte)'I') little = true;
        else if (tiff[0] == (byte)'M' && tiff[1] == (byte)'M') little = false;
        else return 1;

        long ifd = ReadUInt32(tiff, 4, little);
        if (ifd < 8 || ifd + 2 > tiff.Length) return 1;
        int count = ReadUInt16(tiff, (int)ifd, little);
        var entries = (int)ifd + 2;
        if (entries + (count * 12L) > tiff.Length) return 1;
        for (var i = 0; i < count; i++)
        {
            var e = entries + (i * 12);
            if (ReadUInt16(tiff, e, little) != OrientationTag) continue;
            var type = ReadUInt16(tiff, e + 2, little);
            var value = type == 3 ? ReadUInt16(tiff, e + 8, little) : type == 4 ? ReadUInt32(tiff, e + 8, little) : 0u;
            return value is >= 1 and <= 8 ? (int)value : 1;
        }
        return 1;
    }

    private static ushort ReadUInt16(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(at, 2)) : BinaryPrimitives.ReadUInt16BigEndian(b.Slice(at, 2));

    private static uint ReadUInt32(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(at, 4)) : BinaryPrimitives.ReadUInt32BigEndian(b.Slice(at, 4));
}
