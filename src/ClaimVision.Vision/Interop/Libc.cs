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
