using ClaimVision.Vision.Interop;

namespace ClaimVision.Vision;

/// <summary>
/// Process-wide set-up that must happen before the first call into an OpenMP-linked library
/// (Tesseract, XGBoost). libgomp reads OMP_* variables once, when it is loaded; without
/// OMP_THREAD_LIMIT=1 every engine in the pool spawns a team of spinning threads and OCR ran
/// 5–7× slower here (sys time above user time). The engine pool gives parallelism instead.
/// </summary>
public static class NativeRuntime
{
    private static readonly Lock Gate = new();
    private static bool _initialized;

    /// <summary>Sets the C environment for the native stack. Idempotent; a value the operator already
    /// exported (e.g. OMP_THREAD_LIMIT=2 for an experiment) is left alone.</summary>
    public static void EnsureInitialized()
    {
        lock (Gate)
        {
            if (_initialized) return;
            _ = Libc.SetEnv("OMP_THREAD_LIMIT", "1", overwrite: 0);
            // Threads that finish a parallel region sleep instead of spinning for the default 300k cycles.
            _ = Libc.SetEnv("OMP_WAIT_POLICY", "PASSIVE", overwrite: 0);
            _initialized = true;
        }
    }

    /// <summary>The thread limit libgomp actually runs with, read from libgomp itself: proof that the
    /// setting reached native code (a managed environment variable would not).</summary>
    public static int OpenMpThreadLimit()
    {
        EnsureInitialized();
        return GnuOpenMp.GetThreadLimit();
    }

    /// <summary>
    /// Gives the native heap's free memory back to the kernel (glibc <c>malloc_trim(0)</c>): the free pages inside every
    /// malloc arena, not only at the top of the main heap as glibc does by itself. Between documents the arenas otherwise
    /// keep what Tesseract and Leptonica freed of the last page (rasters, page structures) — about as much as the models
    /// themselves. True when memory was released; false when none was, or where the C library has no malloc_trim (not
    /// Linux/glibc).
    /// </summary>
    public static bool TrimNativeHeap()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return Libc.MallocTrim(0) != 0;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // musl and other C libraries without malloc_trim
        }
    }

    /// <summary>The value of a variable in the C environment (what native libraries see).</summary>
    public static string? NativeEnvironmentVariable(string name) => Libc.GetEnvironmentVariable(name);
}
