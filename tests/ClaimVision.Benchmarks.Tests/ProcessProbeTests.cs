using ClaimVision.Benchmarks.EndToEnd;

namespace ClaimVision.Benchmarks.Tests;

public class ProcessProbeTests
{
    [Fact]
    public void The_resident_split_of_this_process_adds_up_to_its_resident_set()
    {
        if (!OperatingSystem.IsLinux()) return; // /proc only

        var (rss, anon, file) = ProcessProbe.ResidentSplitMb(Environment.ProcessId);

        Assert.True(anon > 1 && file > 1, $"anon {anon} MB, file {file} MB");
        // VmRSS = RssAnon + RssFile + RssShmem, read from one snapshot of /proc/PID/status.
        Assert.InRange(anon + file, rss * 0.5, rss + 0.01);
    }

    [Fact]
    public void A_process_that_does_not_exist_reads_as_zero()
    {
        Assert.Equal((0.0, 0.0, 0.0), ProcessProbe.ResidentSplitMb(int.MaxValue));
    }
}
