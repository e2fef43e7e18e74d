using ClaimVision.Benchmarks.EndToEnd;

namespace ClaimVision.Benchmarks.Tests;

public class StageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Queue_wait_and_assessment_come_from_message_times()
    {
        var timings = new Dictionary<string, double> { ["decode"] = 10, ["ocr"] = 800, ["total"] = 1000 };
        // Submitted at T0, analysis ended (DocumentAnalyzed sent) at T0+1.5 s after 1 s of analysis, recommended at T0+1.7 s.
        var outcome = new ClaimOutcome(T0.AddMilliseconds(1700), T0.AddMilliseconds(1500), timings, false);
        var stages = EndToEndRunner.Stages([(1700.0, outcome, T0)]);
        Assert.Equal(500, stages["queueWait"].P50, 6);
        Assert.Equal(200, stages["assess"].P50, 6);
        Assert.Equal(800, stages["ocr"].P50);
        Assert.Equal(0, stages["classify"].Count);
    }

    [Fact]
    public void Rejected_and_unfinished_documents_add_no_stage_times()
    {
        var rejected = new ClaimOutcome(T0.AddSeconds(1), T0.AddMilliseconds(900), null, true);
        var stages = EndToEndRunner.Stages([(1000.0, rejected, T0), (5000.0, null, T0)]);
        Assert.All(stages.Values, d => Assert.Equal(0, d.Count));
    }
}
