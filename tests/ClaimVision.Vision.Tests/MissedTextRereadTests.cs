using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

public sealed class MissedTextRereadTests
{
    /// <summary>Rows of the fixture that the page layout drops: a form row and the three service rows of its table.</summary>
    private static readonly string[] Rows = ["Facility: Riverside Family Clinic", "Professional fees 185.00", "Laboratory 42.40", "Radiology 158.00"];

    [Fact]
    public void Rows_the_page_layout_left_out_are_read_from_their_uncovered_ink()
    {
        var text = Read(new OcrOptions { PoolSize = 1 });
        Assert.All(Rows, row => Assert.Contains(row, text));
    }

    [Fact]
    public void Without_the_reread_the_page_layout_loses_rows()
    {
        // What the re-read is for: Tesseract's own reading of the same page misses some of them.
        var text = Read(new OcrOptions { PoolSize = 1, MissedTextMaxRuns = 0 });
        Assert.Contains(Rows, row => !text.Contains(row, StringComparison.Ordinal));
    }

    [Fact]
    public void Recovered_words_keep_boxes_on_the_page()
    {
        using var pool = new EnginePool(new OcrOptions { PoolSize = 1 });
        var page = Assert.Single(new VisionPipeline(pool).Process(Fixture.Bytes("missed-rows.jpg"), "missed-rows.jpg", new VisionOptions { Language = "eng" }).Pages);
        var line = Assert.Single(page.Lines, l => l.Text.StartsWith("Radiology", StringComparison.Ordinal));
        Assert.All(line.Words, w => Assert.True(w.Box.X >= 0 && w.Box.Y >= 0 && w.Box.X + w.Box.Width <= page.Width && w.Box.Y + w.Box.Height <= page.Height));
        // The row sits below the table's first row, in the lower half of the crop.
        Assert.True(line.Box.Y > page.Height / 2, $"Radiology row at y {line.Box.Y}");
    }

    private static string Read(OcrOptions options)
    {
        using var pool = new EnginePool(options);
        var output = new VisionPipeline(pool).Process(Fixture.Bytes("missed-rows.jpg"), "missed-rows.jpg", new VisionOptions { Language = "eng" });
        return Assert.Single(output.Pages).Text;
    }
}
