using System.Runtime.InteropServices;
using ClaimVision.Vision;

namespace ClaimVision.Intelligence.Interop;

/// <summary>
/// XGBoost 1.7 C API bindings (libxgboost.so.0). Every function returns 0 on success and -1 on failure,
/// with the reason in the thread-local XGBGetLastError; <see cref="Check"/> turns that into an exception.
/// Pointers returned through out-parameters (predictions, saved buffers, eval strings) belong to the booster
/// and stay valid only until the next call on it: callers copy them before releasing the booster's lock.
/// </summary>
internal static unsafe partial class XGBoost
{
    static XGBoost()
    {
        // libgomp reads OMP_THREAD_LIMIT once, when XGBoost (or Tesseract) first loads it.
        NativeRuntime.EnsureInitialized();
    }

    internal static void Check(int result, string function)
    {
        if (result == 0) return;
        var message = Marshal.PtrToStringUTF8(XGBGetLastError()) ?? "(no message)";
        throw new XGBoostException(function, message);
    }

    [LibraryImport(Libraries.XGBoost)]
    internal static partial nint XGBGetLastError();

    [LibraryImport(Libraries.XGBoost)]
    internal static partial void XGBoostVersion(out int major, out int minor, out int patch);

    [LibraryImport(Libraries.XGBoost)]
    internal static partial int XGDMatrixCreateFromCSREx(
        nuint* indptr, uint* indices, float* data, nuint nindptr, nuint nelem, nuint numCol, out DMatrixHandle handle);

    [LibraryImport(Libraries.XGBoost, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGDMatrixSetFloatInfo(DMatrixHandle handle, string field, float* array, ulong length);

    [LibraryImport(Libraries.XGBoost)]
    internal static partial int XGDMatrixFree(nint handle);

    [LibraryImport(Libraries.XGBoost)]
    internal static partial int XGBoosterCreate(nint* dmats, ulong length, out BoosterHandle handle);

    [LibraryImport(Libraries.XGBoost)]
    internal static partial int XGBoosterFree(nint handle);

    [LibraryImport(Libraries.XGBoost, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSetParam(BoosterHandle handle, string name, string value);

    [LibraryImport(Libraries.XGBoost)]
    internal static partial int XGBoosterUpdateOneIter(BoosterHandle handle, int iteration, DMatrixHandle train);

    [LibraryImport(Libraries.XGBoost)]
    internal static partial int XGBoosterEvalOneIter(
        BoosterHandle handle, int iteration, nint* dmats, nint* names, ulong length, out nint result);

    [LibraryImport(Libraries.XGBoost)]
    internal static partial int XGBoosterPredict(
        BoosterHandle handle, DMatrixHandle dmat, int optionMask, uint treeLimit, int training, out ulong length, out float* result);

    [LibraryImport(Libraries.XGBoost)]
    internal static partial int XGBoosterBoostedRounds(BoosterHandle handle, out int rounds);

    [LibraryImport(Libraries.XGBoost)]
    internal static partial int XGBoosterSlice(
        BoosterHandle handle, int beginLayer, int endLayer, int step, out BoosterHandle sliced);

    [LibraryImport(Libraries.XGBoost, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSaveModelToBuffer(BoosterHandle handle, string config, out ulong length, out byte* buffer);

    [LibraryImport(Libraries.XGBoost)]
    internal static partial int XGBoosterLoadModelFromBuffer(BoosterHandle handle, byte* buffer, ulong length);

    [LibraryImport(Libraries.XGBoost, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterSetAttr(BoosterHandle handle, string key, string value);

    [LibraryImport(Libraries.XGBoost, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int XGBoosterGetAttr(BoosterHandle handle, string key, out nint value, out int success);
}
