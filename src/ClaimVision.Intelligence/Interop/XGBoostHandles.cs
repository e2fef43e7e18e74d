using System.Runtime.InteropServices;

namespace ClaimVision.Intelligence.Interop;

/// <summary>Owns one XGBoost DMatrix; released with XGDMatrixFree.</summary>
internal sealed class DMatrixHandle : SafeHandle
{
    public DMatrixHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle() => XGBoost.XGDMatrixFree(handle) == 0;
}

/// <summary>Owns one XGBoost Booster; released with XGBoosterFree.</summary>
internal sealed class BoosterHandle : SafeHandle
{
    public BoosterHandle() : base(0, ownsHandle: true) { }

    public override bool IsInvalid => handle == 0;

    protected override bool ReleaseHandle() => XGBoost.XGBoosterFree(handle) == 0;
}
