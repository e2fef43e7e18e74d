namespace ClaimVision.Intelligence.Interop;

/// <summary>A call into XGBoost failed; the message is XGBoost's own last error for the calling thread.</summary>
public sealed class XGBoostException(string function, string nativeMessage)
    : Exception($"XGBoost {function} failed: {nativeMessage}")
{
    public string Function { get; } = function;
}
