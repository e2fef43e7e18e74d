using System.Runtime.InteropServices;
using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision.Imaging;

/// <summary>Turns Leptonica's null returns into exceptions and copies encoded buffers out of native memory.</summary>
internal static class Native
{
    internal static PixHandle Check(PixHandle pix, string function)
    {
        if (!pix.IsInvalid) return pix;
        pix.Dispose();
        throw new InvalidOperationException($"Leptonica {function} failed.");
    }

    internal static byte[] Encode(PixHandle pix, int format)
    {
        if (Leptonica.pixWriteMem(out var buffer, out var size, pix, format) != 0 || buffer.IsInvalid)
        {
            buffer.Dispose();
            throw new InvalidOperationException($"Leptonica could not encode the image (format {format}).");
        }
        using (buffer)
        {
            var bytes = new byte[checked((int)size)];
            Marshal.Copy(buffer.DangerousGetHandle(), bytes, 0, bytes.Length);
            return bytes;
        }
    }
}
