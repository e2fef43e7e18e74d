using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Imaging;

/// <summary>
/// One page raster, 8 bpp gray or 32 bpp RGB. Owns one reference to a Leptonica PIX: <see cref="Clone"/>
/// takes another reference to the same pixels (cheap), <see cref="Dispose"/> drops this one. Pixels are
/// treated as immutable: every transform returns a new image, so clones can be shared freely.
/// </summary>
public sealed class PageImage : IDisposable
{
    private readonly PixHandle _pix;

    /// <summary>Takes ownership of <paramref name="pix"/>, which must be a valid 8 or 32 bpp PIX.</summary>
    internal PageImage(PixHandle pix)
    {
        if (pix.IsInvalid) throw new ArgumentException("Invalid PIX handle.", nameof(pix));
        _pix = pix;
        _ = Leptonica.pixGetDimensions(pix, out var w, out var h, out var d);
        Width = w;
        Height = h;
        Depth = d;
    }

    /// <summary>The owned PIX reference. Throws <see cref="ObjectDisposedException"/> after <see cref="Dispose"/>.</summary>
    internal PixHandle Pix
    {
        get
        {
            ObjectDisposedException.ThrowIf(_pix.IsClosed, this);
            return _pix;
        }
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>Bits per pixel: 8 (gray) or 32 (RGB).</summary>
    public int Depth { get; }

    public bool IsColor => Depth == 32;

    /// <summary>A second reference to the same pixels; dispose each independently.</summary>
    public PageImage Clone() => new(Native.Check(Leptonica.pixClone(Pix), "pixClone"));

    /// <summary>Encodes the page as PNG.</summary>
    public byte[] EncodePng() => Native.Encode(Pix, Leptonica.IffPng);

    /// <summary>The colour at (x, y); a gray pixel reads as R = G = B.</summary>
    public Rgb GetPixel(int x, int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(x);
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        if (Depth == 32)
        {
            _ = Leptonica.pixGetRGBPixel(Pix, x, y, out var r, out var g, out var b);
            return new Rgb((byte)r, (byte)g, (byte)b);
        }
        _ = Leptonica.pixGetPixel(Pix, x, y, out var v);
        return new Rgb((byte)v, (byte)v, (byte)v);
    }

    /// <summary>A white page of the given size, 8 bpp gray or 32 bpp RGB.</summary>
    public static PageImage CreateBlank(int width, int height, bool color)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var pix = Native.Check(Leptonica.pixCreate(width, height, color ? 32 : 8), "pixCreate");
        _ = Leptonica.pixSetAll(pix);
        if (color)
        {
            _ = Leptonica.pixSetSpp(pix, 3);
            _ = Leptonica.pixSetComponentArbitrary(pix, Leptonica.AlphaChannel, 0); // white is 0xffffff00: no alpha bits (see DashedRules.Paint)
        }
        return new PageImage(pix);
    }

    /// <summary>Decodes the first page of an encoded image (PNG, JPEG or TIFF) with default limits.</summary>
    public static PageImage FromEncoded(ReadOnlySpan<byte> bytes, string fileName = "(memory)")
    {
        using var decoded = ImageDecoder.Decode(bytes, fileName);
        return decoded.Pages[0].Clone();
    }

    /// <summary>True when both pages have the same size, depth and pixels.</summary>
    public bool PixelsEqual(PageImage other)
    {
        _ = Leptonica.pixEqual(Pix, other.Pix, out var same);
        return same == 1;
    }

    public void Dispose() => _pix.Dispose();
}

/// <summary>An 8-bit-per-channel colour.</summary>
public readonly record struct Rgb(byte R, byte G, byte B);
