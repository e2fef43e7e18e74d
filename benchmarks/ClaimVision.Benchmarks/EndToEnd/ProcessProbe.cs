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

    /// <summary>Resident set split (MB): total (VmRSS), anonymous (RssAnon: heaps, managed and native) and file-backed (RssFile: code, mapped models).</summary>
    public static (double Rss, double Anon, double File) ResidentSplitMb(int pid)
    {
        var status = StatusKb(pid, "VmRSS:", "RssAnon:", "RssFile:");
        return (status[0] / 1024.0, status[1] / 1024.0, status[2] / 1024.0);
    }

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

    private static long StatusKb(int pid, string key) => StatusKb(pid, [key])[0];

    /// <summary>The kB values of <paramref name="keys"/> in /proc/PID/status, read once; 0 for a key not found.</summary>
    private static long[] StatusKb(int pid, params string[] keys)
    {
        var values = new long[keys.Length];
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
                for (var i = 0; i < keys.Length; i++)
                    if (line.StartsWith(keys[i], StringComparison.Ordinal))
                        values[i] = long.Parse(line[keys[i].Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return values;
    }
}
