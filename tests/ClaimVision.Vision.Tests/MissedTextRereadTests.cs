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

    [Fact]
    public void Figures_chi_sim_reads_unsurely_are_taken_from_the_figure_model()
    {
        // On the invoice page chi_sim reads the lone "58,440.00" at 0.56 and "4,000.00" as "站 000.00"; eng reads both surely.
        var text = Read(new OcrOptions { PoolSize = 1 }, "cap-invoice.jpg", "chi_sim");
        Assert.Contains("合计 (小写 ): 58,440.00", text);
        Assert.Contains("西药费 4,000.00", text);
    }

    [Theory]
    [InlineData("5844000", "5844000", true)]
    [InlineData("00000", "400000", true)]    // the first digit chi_sim made a glyph of
    [InlineData("00000", "1400000", false)]  // two more digits: another figure
    [InlineData("00", "400", false)]         // too little seen to vouch for the rest
    [InlineData("5844000", "5844001", false)]
    public void A_missed_figure_keeps_the_digits_the_page_model_saw(string before, string after, bool kept) =>
        Assert.Equal(kept, MissedTextReread.KeepsDigits(before, after));

    [Fact]
    public void Without_the_figure_model_the_unsure_figures_stay_out()
    {
        var text = Read(new OcrOptions { PoolSize = 1, FigureLanguage = null }, "cap-invoice.jpg", "chi_sim");
        Assert.DoesNotContain("58,440.00", text);
        Assert.DoesNotContain("4,000.00", text);
    }

    [Fact]
    public void Ink_under_a_word_read_at_no_confidence_is_read_again_and_replaces_it()
    {
        // The page reading lays a 0-confidence "二" over the 个人自付 label; reading its ink again puts the label back.
        // With the invoice's seal kept, as the fixture was made for (faded, the row reads differently: 2.300.00).
        var again = Read(new OcrOptions { PoolSize = 1, RemoveSeals = false }, "cap-invoice.jpg", "chi_sim");
        var covered = Read(new OcrOptions { PoolSize = 1, RemoveSeals = false, MissedTextCoverMinConfidence = 0 }, "cap-invoice.jpg", "chi_sim");
        Assert.Contains("个人自付 : 2,300.00", again);
        Assert.DoesNotContain("个人自付", covered);
    }

    private static string Read(OcrOptions options, string file = "missed-rows.jpg", string language = "eng")
    {
        using var pool = new EnginePool(options);
        var output = new VisionPipeline(pool).Process(Fixture.Bytes(file), file, new VisionOptions { Language = language });
        return Assert.Single(output.Pages).Text;
    }
}
