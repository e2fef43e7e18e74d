using System.Runtime.InteropServices;

namespace ClaimVision.Vision.Interop;

/// <summary>
/// Owns exactly one reference to a Leptonica PIX. Leptonica reference-counts PIX: pixClone bumps the
/// count and returns the same pointer, pixDestroy drops one reference and frees at zero. One handle per
/// reference means a reference is released exactly once, by SafeHandle, so a double free cannot be
/// written. Functions that may return their input with a bumped count (pixDeskew, for one) are safe
/// for the same reason: the result is its own handle owning its own reference.
/// </summary>
internal sealed class PixHandle : SafeHandle
{
    public PixHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        var p = handle;
        Leptonica.pixDestroy(ref p);
        return true;
    }
}

/// <summary>A buffer allocated by Leptonica (pixWriteMem and friends), released with lept_free.</summary>
internal sealed class LeptonicaBuffer : SafeHandle
{
    public LeptonicaBuffer() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        Leptonica.lept_free(handle);
        return true;
    }
}
