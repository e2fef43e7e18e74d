using System.Runtime.InteropServices;

namespace ClaimVision.Vision.Interop;

/// <summary>Owns a Leptonica BOXA (array of boxes), released with boxaDestroy.</summary>
internal sealed class BoxaHandle : SafeHandle
{
    public BoxaHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        var p = handle;
        Leptonica.boxaDestroy(ref p);
        return true;
    }
}

/// <summary>Owns a Leptonica bitmap font (L_BMF), released with bmfDestroy.</summary>
internal sealed class BmfHandle : SafeHandle
{
    public BmfHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle()
    {
        var p = handle;
        Leptonica.bmfDestroy(ref p);
        return true;
    }
}
