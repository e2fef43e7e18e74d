using System.Diagnostics;
using System.Globalization;

namespace ClaimVision.Benchmarks.EndToEnd;

/// <summary>Memory and CPU of a process by id, from /proc (Linux). Values are 0 where /proc is not readable.</summary>
public static class ProcessProbe
{
    /// <summary>Peak resident set (VmHWM) in MB.</summary>
    public static double PeakResidentMb(int pid) => StatusKb(pid, "VmHWM:") / 1024.0;

    /// <summary>Current resident set (VmRSS) in MB.</summary>
    public static double ResidentMb(int pid) => StatusKb(pid, "VmRSS:") / 1024.0;

    /// <summary>Resets the kernel's peak resident set so VmHWM measures from now (writes 5 to clear_refs); false when not allowed.</summary>
    public static bool ResetPeak(int pid)
    {
        try
        {
            File.WriteAllText($"/proc/{pid}/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>User + system CPU time so far.</summary>
    public static TimeSpan CpuTime(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.TotalProcessorTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    private static long StatusKb(int pid, string key)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                if (line.StartsWith(key, StringComparison.Ordinal))
                    return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return 0;
    }
}
