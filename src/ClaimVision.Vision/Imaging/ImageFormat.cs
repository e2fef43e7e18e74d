namespace ClaimVision.Vision.Imaging;

/// <summary>Recognises the accepted formats by their magic bytes, and names common others in error messages.</summary>
internal static class ImageFormat
{
    public const string Jpeg = "jpeg";
    public const string Png = "png";
    public const string Tiff = "tiff";

    public static string? Sniff(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith([(byte)0xFF, (byte)0xD8, (byte)0xFF])) return Jpeg;
        if (b.StartsWith([(byte)0x89, (byte)'P', (byte)'N', (byte)'G', (byte)0x0D, (byte)0x0A, (byte)0x1A, (byte)0x0A])) return Png;
        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8)) return Tiff;
        return null;
    }

    /// <summary>What an unsupported input appears to be, for the rejection message.</summary>
    public static string Describe(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("%PDF"u8)) return "a PDF document";
        if (b.StartsWith("GIF8"u8)) return "a GIF image";
        if (b.StartsWith("BM"u8)) return "a BMP image";
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "a WebP image";
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8)) return "an HEIC/HEIF or MP4 container";
        if (b.StartsWith("PK\u0003\u0004"u8)) return "a ZIP archive (or Office document)";
        return "data with no known image signature";
    }
}
