using System.Runtime.InteropServices;
using ClaimVision.Vision.Interop;
using static ClaimVision.Vision.Interop.Leptonica.Photo;

namespace ClaimVision.Vision.Degradation;

/// <summary>A degraded (or merely encoded) page: the file bytes, their format and where page points went.</summary>
public sealed record DegradedPhoto(byte[] Encoded, string Format, int Width, int Height, PhotoGeometry Geometry);

/// <summary>
/// Turns a clean rendered page into what a phone photo of it looks like, with Leptonica: a table around
/// the page, skew and perspective in one projective warp, quarter turns, box blur, uneven light and
/// sensor noise, then JPEG compression.
/// </summary>
public static class PhotoDegrader
{
    /// <param name="rgb">The page, row-major 0x00RRGGBB words (Cairo RGB24 order), <paramref name="width"/> × <paramref name="height"/>.</param>
    public static DegradedPhoto Apply(ReadOnlySpan<uint> rgb, int width, int height, PhotoEffects effects)
    {
        ArgumentNullException.ThrowIfNull(effects);
        if (width <= 0 || height <= 0 || rgb.Length != width * height)
            throw new ArgumentException($"Pixel buffer of {rgb.Length} words does not match {width}×{height}.", nameof(rgb));
        if (effects.JpegQuality is < 1 or > 100)
            throw new ArgumentOutOfRangeException(nameof(effects), $"JPEG quality must be 1–100, not {effects.JpegQuality}.");

        var pix = FromRgb(rgb, width, height);
        var geometry = new PhotoGeometry(null, 0, 0, width, height, 0);
        if (effects.HasWarp)
            (pix, geometry) = Warp(pix, width, height, effects);
        var (warpedWidth, warpedHeight) = (Leptonica.pixGetWidth(pix), Leptonica.pixGetHeight(pix));
        var turns = effects.QuarterTurns & 3;
        if (turns != 0)
            pix = Replace(pix, pixRotateOrth(pix, turns), "pixRotateOrth");
        geometry = new PhotoGeometry(geometry.Projective, geometry.OffsetX, geometry.OffsetY, warpedWidth, warpedHeight, turns);
        if (effects.Blur > 0)
            pix = Replace(pix, pixBlockconv(pix, effects.Blur, effects.Blur), "pixBlockconv");
        if (effects.Noise > 0 || effects.Lighting > 0)
            LightAndNoise(pix, effects);

        using (pix)
        {
            var (bytes, format) = Encode(pix, effects.JpegQuality);
            return new DegradedPhoto(bytes, format, geometry.Width, geometry.Height, geometry);
        }
    }

    private static unsafe PixHandle FromRgb(ReadOnlySpan<uint> rgb, int width, int height)
    {
        var pix = Leptonica.pixCreate(width, height, 32);
        if (pix.IsInvalid) throw new InvalidOperationException($"Leptonica could not allocate a {width}×{height} image.");
        var data = pixGetData(pix);
        var wpl = pixGetWpl(pix);
        for (var y = 0; y < height; y++)
        {
            var src = rgb.Slice(y * width, width);
            var dst = new Span<uint>(data + (long)y * wpl, width);
            // Leptonica keeps a 32-bpp pixel as R<<24 | G<<16 | B<<8 in a native word.
            for (var x = 0; x < width; x++) dst[x] = src[x] << 8;
        }
        return pix;
    }

    private static (PixHandle, PhotoGeometry) Warp(PixHandle page, int w, int h, PhotoEffects e)
    {
        var shorter = Math.Min(w, h);
        var theta = e.RotationDegrees * Math.PI / 180;
        var (cos, sin) = (Math.Cos(theta), Math.Sin(theta));
        ReadOnlySpan<(double X, double Y)> corners = [(0, 0), (w, 0), (w, h), (0, h)];
        Span<(double X, double Y)> target = stackalloc (double, double)[4];
        for (var i = 0; i < 4; i++)
        {
            var (dx, dy) = (corners[i].X - w / 2.0, corners[i].Y - h / 2.0);
            var jx = e.CornerOffsets.Count == 8 ? e.CornerOffsets[2 * i] * shorter : 0;
            var jy = e.CornerOffsets.Count == 8 ? e.CornerOffsets[2 * i + 1] * shorter : 0;
            target[i] = (w / 2.0 + dx * cos - dy * sin + jx, h / 2.0 + dx * sin + dy * cos + jy);
        }
        double minX = 0, minY = 0, maxX = w, maxY = h;
        foreach (var (x, y) in target)
        {
            minX = Math.Min(minX, x); minY = Math.Min(minY, y);
            maxX = Math.Max(maxX, x); maxY = Math.Max(maxY, y);
        }
        var margin = e.Margin * shorter;
        var left = (int)Math.Ceiling(margin - minX);
        var top = (int)Math.Ceiling(margin - minY);
        var right = (int)Math.Ceiling(margin + maxX - w);
        var bottom = (int)Math.Ceiling(margin + maxY - h);
        var colour = e.Background << 8;

        using var padded = pixAddBorderGeneral(page, left, right, top, bottom, colour);
        page.Dispose();
        if (padded.IsInvalid) throw new InvalidOperationException("Leptonica pixAddBorderGeneral failed.");
        using var source = ptaCreate(4);
        using var destination = ptaCreate(4);
        for (var i = 0; i < 4; i++)
        {
            _ = ptaAddPt(source, (float)(corners[i].X + left), (float)(corners[i].Y + top));
            _ = ptaAddPt(destination, (float)(target[i].X + left), (float)(target[i].Y + top));
        }
        // Interpolated rather than sampled: twice the cost here, but phone optics blur edges, they do not alias them.
        var warped = pixProjectivePtaColor(padded, destination, source, colour);
        if (warped.IsInvalid) throw new InvalidOperationException("Leptonica pixProjectivePtaColor failed.");
        if (getProjectiveXformCoeffs(source, destination, out var vc) != 0 || vc == 0)
            throw new InvalidOperationException("Leptonica could not compute the forward projective map.");
        var coefficients = new float[8];
        Marshal.Copy(vc, coefficients, 0, 8);
        Leptonica.lept_free(vc);
        return (warped, new PhotoGeometry(coefficients, left, top, Leptonica.pixGetWidth(warped), Leptonica.pixGetHeight(warped), 0));
    }

    private static unsafe void LightAndNoise(PixHandle pix, PhotoEffects e)
    {
        var (w, h) = (Leptonica.pixGetWidth(pix), Leptonica.pixGetHeight(pix));
        var data = pixGetData(pix);
        var wpl = pixGetWpl(pix);
        var (ux, uy) = (Math.Cos(e.LightingAngle), Math.Sin(e.LightingAngle));
        var reach = Math.Abs(ux) * w / 2.0 + Math.Abs(uy) * h / 2.0;
        var state = e.NoiseSeed | 1;
        // Sum of four 16-bit uniforms from one 64-bit draw: variance 4/12, close enough to Gaussian for sensor grain.
        var noiseScale = e.Noise * Math.Sqrt(3);
        for (var y = 0; y < h; y++)
        {
            var row = new Span<uint>(data + (long)y * wpl, w);
            for (var x = 0; x < w; x++)
            {
                var t = ((x - w / 2.0) * ux + (y - h / 2.0) * uy) / reach;
                var gain = 1 - e.Lighting * (t + 1) / 2;
                var noise = 0.0;
                if (noiseScale > 0)
                {
                    state ^= state << 13; state ^= state >> 7; state ^= state << 17;
                    var s = (state & 0xFFFF) + ((state >> 16) & 0xFFFF) + ((state >> 32) & 0xFFFF) + (state >> 48);
                    noise = (s / 65536.0 - 2) * noiseScale;
                }
                var p = row[x];
                var r = Channel((p >> 24) & 0xFF, gain, noise);
                var g = Channel((p >> 16) & 0xFF, gain, noise);
                var b = Channel((p >> 8) & 0xFF, gain, noise);
                row[x] = (r << 24) | (g << 16) | (b << 8);
            }
        }
    }

    private static uint Channel(uint value, double gain, double noise) => (uint)Math.Clamp((int)(value * gain + noise + 0.5), 0, 255);

    private static (byte[], string) Encode(PixHandle pix, int? jpegQuality)
    {
        LeptonicaBuffer buffer;
        nuint size;
        var status = jpegQuality is { } q
            ? Leptonica.pixWriteMemJpeg(out buffer, out size, pix, q, 0)
            : Leptonica.pixWriteMem(out buffer, out size, pix, Leptonica.IffPng);
        using (buffer)
        {
            if (status != 0 || buffer.IsInvalid)
                throw new InvalidOperationException($"Leptonica could not encode the image as {(jpegQuality is null ? "PNG" : "JPEG")}.");
            var bytes = new byte[(int)size];
            Marshal.Copy(buffer.DangerousGetHandle(), bytes, 0, bytes.Length);
            return (bytes, jpegQuality is null ? "png" : "jpg");
        }
    }

    private static PixHandle Replace(PixHandle old, PixHandle result, string operation)
    {
        old.Dispose();
        return result.IsInvalid ? throw new InvalidOperationException($"Leptonica {operation} failed.") : result;
    }
}
