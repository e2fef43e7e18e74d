using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

/// <summary>
/// A line the page reading was unsure of is read again alone (psm 7) and replaced when the re-reading is clearly surer,
/// keeps most of its text and does not break a resident ID number whose check digit held.
/// </summary>
public sealed class DoubtfulLineRereadTests
{
    /// <summary>The third item row of the generated pharmacy receipt (truth: 复方丹参滴丸, quantity 3, amount 106.83).</summary>
    private const string ItemRow = "复方丹参滴丸 3 106.83";

    [Fact]
    public void A_row_read_unsurely_is_read_again_alone_and_gets_its_quantity_back()
    {
        var page = Process(new OcrOptions { PoolSize = 1 });
        var row = Assert.Single(page.Lines, l => l.Text.StartsWith("复方丹参滴丸", StringComparison.Ordinal));

        Assert.Equal(ItemRow, row.Text);
        Assert.True(row.Confidence >= 0.8, $"re-read row at {row.Confidence:0.00}");
    }

    [Fact]
    public void Without_the_reread_the_row_loses_its_quantity()
    {
        var page = Process(new OcrOptions { PoolSize = 1, LineRereadBelowConfidence = 0 });
        var row = Assert.Single(page.Lines, l => l.Text.StartsWith("复方丹参滴丸", StringComparison.Ordinal));

        Assert.NotEqual(ItemRow, row.Text);
        Assert.True(row.Confidence < 0.6, $"first reading at {row.Confidence:0.00}");
    }

    [Theory]
    [InlineData(0.59, "Sig: 2 times dsily", true)]
    [InlineData(0.61, "Sig: 2 times dsily", false)]
    [InlineData(0.20, "一 —", false)]   // rules and dashes: nothing to read again
    [InlineData(0.20, "¥ 12", false)]   // fewer than three letters and digits
    public void Only_unsure_lines_with_some_text_are_read_again(double confidence, string text, bool doubtful)
    {
        var line = new OcrLine(text, confidence, new BoundingBox(10, 10, 200, 30), [new OcrWord(text, confidence, new BoundingBox(10, 10, 200, 30))]);
        Assert.Equal(doubtful, DoubtfulLineReread.Doubtful(line, new OcrOptions()));
    }

    [Fact]
    public void The_region_has_a_margin_of_the_median_word_height()
    {
        // Words 20, 30 and 80 px tall (a handwritten value): the median 30 gives 6 px above and below, 15 at the ends.
        OcrWord[] words = [new("a", 0.5, new BoundingBox(100, 60, 40, 20)), new("b", 0.5, new BoundingBox(150, 50, 40, 30)), new("c", 0.5, new BoundingBox(200, 20, 60, 80))];
        var line = new OcrLine("a b c", 0.5, new BoundingBox(100, 20, 160, 80), words);

        Assert.Equal(new BoundingBox(85, 14, 190, 92), DoubtfulLineReread.Region(line));
    }

    [Fact]
    public void A_rereading_that_changes_a_resident_id_whose_check_digit_held_is_refused()
    {
        var id = "11010519491231002" + ResidentId.CheckCharacter("11010519491231002");
        var wrongCheck = "11010519491231002" + (id[^1] == '0' ? '1' : '0');

        Assert.True(DoubtfulLineReread.BreaksResidentId($"公民身份号码 ”{id}", $"公民身份引码 ”3{id[1..8]}6{id[8..]}"));
        Assert.False(DoubtfulLineReread.BreaksResidentId($"公民身份号码 {id}", $"公民身份号码 {id[..9]} {id[9..]}"));   // the same digits, spaced
        Assert.False(DoubtfulLineReread.BreaksResidentId($"公民身份号码 {wrongCheck}", "公民身份号码 110105194912310021"));
        Assert.False(DoubtfulLineReread.BreaksResidentId("Sig: 2 times dsily", "Sig: 2 times daily"));
    }

    private static OcrPage Process(OcrOptions options)
    {
        using var pool = new EnginePool(options);
        return Assert.Single(new VisionPipeline(pool).Process(Fixture.Bytes("zh-pharmacy-receipt.jpg"), "zh-pharmacy-receipt.jpg").Pages);
    }
}
