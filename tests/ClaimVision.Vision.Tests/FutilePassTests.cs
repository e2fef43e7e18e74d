using ClaimVision.Domain.Documents;
using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

/// <summary>The triggers that keep the sparse re-read and the missed-text re-read off pages and runs where they find
/// nothing; the figures are those measured on the generated tuning sets (docs/scaling.md, "Futile passes skipped").</summary>
public sealed class FutilePassTests
{
    private static readonly OcrOptions Defaults = new();

    [Theory]
    // A Chinese ID card: 6 lines, 25 words, read whole; 23 text heights of uncovered runs. Sparse found 27 words: futile.
    [InlineData(6, 25, 23.3, false)]
    // A prescription: 7 lines, 36 words, 57 text heights uncovered; sparse found 53 words, short of doubling.
    [InlineData(7, 36, 57.3, false)]
    // A diagnosis certificate whose label column the layout dropped: 4 lines, 15 words, 79 text heights uncovered.
    // Sparse found 41 words at 0.70 and was kept.
    [InlineData(4, 15, 78.9, true)]
    // Another: 6 lines, 24 words, 61 text heights uncovered; sparse found 61 words, kept.
    [InlineData(6, 24, 60.8, true)]
    // A page read as nothing: still tried (a settlement sheet read as 0 words gave 119 sparse words).
    [InlineData(0, 0, 0.0, true)]
    // A page of many lines is never read sparse, however much ink is left.
    [InlineData(8, 15, 200.0, false)]
    public void Sparse_reading_runs_only_where_the_uncovered_ink_could_double_the_words(int lines, int words, double uncovered, bool expected) =>
        Assert.Equal(expected, SparseRecheck.Worth(lines, words, uncovered, Defaults));

    [Fact]
    public void Sparse_reading_of_every_page_of_few_lines_is_restored_by_a_zero_ratio()
    {
        var old = Defaults with { SparseRecheckMinUncoveredPerWord = 0 };
        Assert.True(SparseRecheck.Worth(6, 25, 23.3, old));
        Assert.True(SparseRecheck.Worth(5, 39, 0, old));
        Assert.False(SparseRecheck.Worth(8, 25, 0, old));
    }

    [Fact]
    public void The_uncovered_width_is_counted_in_text_heights()
    {
        var found = new UncoveredText([new InkRun(new BoundingBox(0, 0, 200, 30), 0.9), new InkRun(new BoundingBox(0, 40, 100, 30), 0.8)], 20);
        Assert.Equal(15, found.WidthInTextHeights, 6);
        Assert.Equal(0, UncoveredText.None.WidthInTextHeights);
    }

    /// <summary>A line of text (ink 0.9 text heights), a run of dashed leaders (0.3, read as "一 一 一") and a figure (0.7).</summary>
    private static readonly UncoveredText Runs = new(
    [
        new InkRun(new BoundingBox(10, 10, 400, 34), 0.9),
        new InkRun(new BoundingBox(10, 60, 300, 20), 0.3),
        new InkRun(new BoundingBox(10, 90, 120, 28), 0.7),
    ], 24);

    [Fact]
    public void Missed_text_skips_runs_of_dashed_leaders_and_reads_text_and_figures()
    {
        var boxes = MissedTextReread.RunsToRead(Runs, Defaults);
        Assert.Equal([Runs.Runs[0].Box, Runs.Runs[2].Box], boxes);
    }

    [Fact]
    public void Missed_text_reads_every_run_again_with_a_zero_height_and_keeps_the_widest_under_the_cap()
    {
        Assert.Equal(3, MissedTextReread.RunsToRead(Runs, Defaults with { MissedTextMinRunHeight = 0 }).Count);
        Assert.Equal([Runs.Runs[0].Box], MissedTextReread.RunsToRead(Runs, Defaults with { MissedTextMinRunHeight = 0, MissedTextMaxRuns = 1 }));
    }
}
