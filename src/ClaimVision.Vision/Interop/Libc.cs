using System.Runtime.InteropServices;

namespace ClaimVision.Vision.Interop;

internal static partial class Libc
{
    // Environment.SetEnvironmentVariable only changes the managed copy of the environment;
    // native libraries read the C environment, so we go through libc.
    [LibraryImport(Libraries.LibC, EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport(Libraries.LibC, EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint GetEnv(string name);

    /// <summary>glibc: gives the free memory at the top of the main heap and every free page inside each arena back to the
    /// kernel; 1 if any memory was released. Not in musl.</summary>
    [LibraryImport(Libraries.LibC, EntryPoint = "malloc_trim")]
    internal static partial int MallocTrim(nuint pad);

    internal static string? GetEnvironmentVariable(string name)
    {
        var p = GetEnv(name);
        return p == 0 ? null : Marshal.PtrToStringUTF8(p);
    }
}

internal static partial class GnuOpenMp
{
    [LibraryImport(Libraries.GnuOpenMp, EntryPoint = "omp_get_thread_limit")]
    internal static partial int GetThreadLimit();
}

internal static partial class ThreadClock
{
    private const int ClockThreadCpuTime = 3; // CLOCK_THREAD_CPUTIME_ID (Linux)

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport(Libraries.LibC, EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>CPU time the calling thread has used, in nanoseconds (user + system); 0 where the clock is unavailable.</summary>
    internal static long CpuNanoseconds() =>
        ClockGetTime(ClockThreadCpuTime, out var t) == 0 ? t.Seconds * 1_000_000_000 + t.Nanoseconds : 0;
}
