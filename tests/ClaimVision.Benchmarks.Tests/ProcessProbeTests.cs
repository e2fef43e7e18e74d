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

public class MemorySamplerTests
{
    [Fact]
    public void Samples_of_this_process_carry_the_peak_since_the_last_sample_and_the_gc_heap()
    {
        if (!OperatingSystem.IsLinux()) return; // /proc only
        var sampler = new MemorySampler([Environment.ProcessId], analysesInThisProcess: true);

        sampler.Take(0);
        var held = new byte[64 << 20];
        Array.Fill(held, (byte)1); // 64 MB resident between the two samples
        sampler.Take(1, "a.jpg");
        GC.KeepAlive(held);

        var curve = sampler.Curve();
        var last = curve.Samples[^1];
        Assert.Equal((1, "a.jpg"), (last.Documents, last.Document));
        Assert.True(last.PeakMb >= last.RssMb && last.RssMb > 64, $"peak {last.PeakMb}, rss {last.RssMb}");
        Assert.NotNull(last.ManagedHeapMb);
        Assert.True(sampler.Peaks()[0] >= last.RssMb);
    }
}
