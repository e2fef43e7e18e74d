using System.Globalization;
using System.Runtime.InteropServices;

namespace ClaimVision.Intelligence.Interop;

/// <summary>
/// One XGBoost booster. Not thread-safe by itself: results come back in buffers the booster owns
/// until its next call, so callers serialise access (see GradientBoostedModel).
/// </summary>
internal sealed unsafe class NativeBooster : IDisposable
{
    private readonly BoosterHandle _handle;

    private NativeBooster(BoosterHandle handle) => _handle = handle;

    /// <summary>A booster that will train on (and cache) the given matrices.</summary>
    public static NativeBooster Create(params NativeDMatrix[] cache)
    {
        var handles = new nint[cache.Length];
        var added = new bool[cache.Length];
        try
        {
            for (var i = 0; i < cache.Length; i++)
            {
                cache[i].Handle.DangerousAddRef(ref added[i]);
                handles[i] = cache[i].Handle.DangerousGetHandle();
            }
            BoosterHandle handle;
            fixed (nint* p = handles)
                XGBoost.Check(XGBoost.XGBoosterCreate(p, (ulong)handles.Length, out handle), nameof(XGBoost.XGBoosterCreate));
            return new NativeBooster(handle);
        }
        finally
        {
            for (var i = 0; i < cache.Length; i++)
                if (added[i]) cache[i].Handle.DangerousRelease();
        }
    }

    /// <summary>A booster read from an XGBoost model (JSON or UBJSON bytes).</summary>
    public static NativeBooster Load(ReadOnlySpan<byte> model)
    {
        var booster = Create();
        try
        {
            fixed (byte* p = model)
                XGBoost.Check(XGBoost.XGBoosterLoadModelFromBuffer(booster._handle, p, (ulong)model.Length), nameof(XGBoost.XGBoosterLoadModelFromBuffer));
            return booster;
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    public void SetParameter(string name, string value) =>
        XGBoost.Check(XGBoost.XGBoosterSetParam(_handle, name, value), nameof(XGBoost.XGBoosterSetParam));

    public void UpdateOneIteration(int iteration, NativeDMatrix train) =>
        XGBoost.Check(XGBoost.XGBoosterUpdateOneIter(_handle, iteration, train.Handle), nameof(XGBoost.XGBoosterUpdateOneIter));

    /// <summary>The first metric XGBoost reports for <paramref name="matrix"/> after an iteration, e.g. mlogloss.</summary>
    public double Evaluate(int iteration, NativeDMatrix matrix, string name)
    {
        var added = false;
        var namePtr = Marshal.StringToCoTaskMemUTF8(name);
        try
        {
            matrix.Handle.DangerousAddRef(ref added);
            var dmat = matrix.Handle.DangerousGetHandle();
            nint result;
            XGBoost.Check(XGBoost.XGBoosterEvalOneIter(_handle, iteration, &dmat, &namePtr, 1, out result), nameof(XGBoost.XGBoosterEvalOneIter));
            // Format: "[12]\tvalid-mlogloss:0.123456"
            var text = Marshal.PtrToStringUTF8(result) ?? "";
            var colon = text.LastIndexOf(':');
            return colon >= 0 && double.TryParse(text.AsSpan(colon + 1).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
                ? v
                : throw new XGBoostException(nameof(XGBoost.XGBoosterEvalOneIter), $"unexpected evaluation text '{text}'");
        }
        finally
        {
            Marshal.FreeCoTaskMem(namePtr);
            if (added) matrix.Handle.DangerousRelease();
        }
    }

    /// <summary>Row-major predictions (for multi:softprob, rows × classes probabilities), copied out of the booster.</summary>
    public float[] Predict(NativeDMatrix matrix)
    {
        XGBoost.Check(XGBoost.XGBoosterPredict(_handle, matrix.Handle, 0, 0, 0, out var length, out var result), nameof(XGBoost.XGBoosterPredict));
        return new ReadOnlySpan<float>(result, checked((int)length)).ToArray();
    }

    /// <summary>
    /// Per-feature contributions (XGBoost's SHAP values, <c>pred_contribs</c>: option mask 4). Laid out row by row, class
    /// by class, one value per column and the bias last; a class's values add up to its margin (softmax input).
    /// </summary>
    public float[] PredictContributions(NativeDMatrix matrix)
    {
        XGBoost.Check(XGBoost.XGBoosterPredict(_handle, matrix.Handle, 4, 0, 0, out var length, out var result), nameof(XGBoost.XGBoosterPredict));
        return new ReadOnlySpan<float>(result, checked((int)length)).ToArray();
    }

    public int BoostedRounds
    {
        get
        {
            XGBoost.Check(XGBoost.XGBoosterBoostedRounds(_handle, out var rounds), nameof(XGBoost.XGBoosterBoostedRounds));
            return rounds;
        }
    }

    /// <summary>A new booster holding the first <paramref name="rounds"/> boosting rounds (early stopping keeps the best).</summary>
    public NativeBooster Slice(int rounds)
    {
        XGBoost.Check(XGBoost.XGBoosterSlice(_handle, 0, rounds, 1, out var sliced), nameof(XGBoost.XGBoosterSlice));
        return new NativeBooster(sliced);
    }

    /// <summary>The model as XGBoost JSON.</summary>
    public byte[] SaveJson()
    {
        XGBoost.Check(XGBoost.XGBoosterSaveModelToBuffer(_handle, """{"format": "json"}""", out var length, out var buffer),
            nameof(XGBoost.XGBoosterSaveModelToBuffer));
        return new ReadOnlySpan<byte>(buffer, checked((int)length)).ToArray();
    }

    public void SetAttribute(string key, string value) =>
        XGBoost.Check(XGBoost.XGBoosterSetAttr(_handle, key, value), nameof(XGBoost.XGBoosterSetAttr));

    public string? GetAttribute(string key)
    {
        XGBoost.Check(XGBoost.XGBoosterGetAttr(_handle, key, out var value, out var success), nameof(XGBoost.XGBoosterGetAttr));
        return success == 1 ? Marshal.PtrToStringUTF8(value) : null;
    }

    public static Version LibraryVersion
    {
        get
        {
            XGBoost.XGBoostVersion(out var major, out var minor, out var patch);
            return new Version(major, minor, patch);
        }
    }

    public void Dispose() => _handle.Dispose();
}
