namespace ClaimVision.Intelligence.Interop;

/// <summary>Native library names: the versioned soname, because Debian ships the unversioned symlink only with libxgboost-dev.</summary>
internal static class Libraries
{
    public const string XGBoost = "libxgboost.so.0";
}
