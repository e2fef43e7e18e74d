using ClaimVision.Domain.Documents;
using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

/// <summary>
/// Chinese pages whose every row is underlined with dashes: Tesseract's page layout reads few or none of their lines, so
/// the language they are read in cannot come from the reading. <see cref="OcrOptions.SparseLanguageRecheck"/> reads such a
/// page in the other language too; without it they stay in eng with almost none of their text (fixtures: two documents of
/// a generated tuning set, Fixtures/README.md).
/// </summary>
public sealed class SparseLanguageRecheckTests
{
    /// <summary>A Chinese pharmacy receipt that eng reads as four lines of numbers at a sound-looking confidence: the probes
    /// find chi_sim the more confident, and its full reading replaces eng's.</summary>
    [Fact]
    public void A_chinese_receipt_read_as_a_few_numbers_in_eng_is_read_in_chi_sim()
    {
        var page = Process("zh-receipt-dashed.jpg", new OcrOptions { PoolSize = 1 });

        Assert.Equal("chi_sim", page.Language);
        Assert.Contains(page.Lines, l => l.Text.Contains("日期", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_recheck_the_receipt_stays_a_few_numbers_in_eng()
    {
        var page = Process("zh-receipt-dashed.jpg", new OcrOptions { PoolSize = 1, SparseLanguageRecheck = false });

        Assert.Equal("eng", page.Language);
        Assert.DoesNotContain(page.Lines, l => l.Text.Contains("日期", StringComparison.Ordinal));
    }

    /// <summary>An inpatient invoice on which the page reading finds no line in chi_sim (the script guess's choice) nor in eng
    /// (OSD's): eng's sparse reading is poor (~0.34), chi_sim's clearly better, and it is kept with the invoice's rows.</summary>
    [Fact]
    public void A_page_read_as_nothing_is_read_sparse_in_the_other_language_too()
    {
        var page = Process("zh-invoice-underlined.jpg", new OcrOptions { PoolSize = 1 }, new HanGuess(0.99));

        Assert.Equal("chi_sim", page.Language);
        Assert.Contains(page.Lines, l => l.Text.Contains("2729430736", StringComparison.Ordinal));
        Assert.Contains(page.Lines, l => l.Text.Contains("住院号", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_recheck_the_invoice_read_as_nothing_stays_in_eng()
    {
        var page = Process("zh-invoice-underlined.jpg", new OcrOptions { PoolSize = 1, SparseLanguageRecheck = false }, new HanGuess(0.99));

        Assert.Equal("eng", page.Language);
        Assert.DoesNotContain(page.Lines, l => l.Text.Contains("住院号", StringComparison.Ordinal));
    }

    /// <summary>The other language's sparse reading of a page read as nothing: kept when it reads words, beats the first
    /// sparse reading by the margin and reaches 0.5 (the invoice above: eng 0.34, chi_sim 0.55); a photo's debris (eng 0.27
    /// over chi_sim 0.13 on the blind seed 97) is not kept, nor a reading only a little better, nor one of a single word (a
    /// speck read as a glyph).</summary>
    [Theory]
    [InlineData(0.34, 0.55, true, true)]
    [InlineData(0.13, 0.27, true, false)]
    [InlineData(0.50, 0.58, true, false)]
    [InlineData(0.34, 0.55, false, false)]
    public void The_other_languages_sparse_reading_is_kept_only_when_clearly_better_and_sound(double first, double other, bool words, bool kept)
    {
        var options = new OcrOptions();
        RecognizedText Reading(double confidence, bool withWords) => new(
            withWords
                ? [new OcrLine("住院号 64210473", confidence, new BoundingBox(0, 0, 200, 30),
                    [new OcrWord("住院号", confidence, new BoundingBox(0, 0, 90, 30)), new OcrWord("64210473", confidence, new BoundingBox(100, 0, 100, 30))])]
                : [new OcrLine("住", confidence, new BoundingBox(0, 0, 30, 30), [new OcrWord("住", confidence, new BoundingBox(0, 0, 30, 30))])],
            confidence, "x");

        Assert.Equal(kept, SparseRecheck.OtherLanguageKept(Reading(first, true), Reading(other, words), options));
    }

    private static OcrPage Process(string fixture, OcrOptions options, IScriptGuesser? guesser = null)
    {
        using var pool = new EnginePool(options);
        return Assert.Single(new VisionPipeline(pool, guesser).Process(Fixture.Bytes(fixture), fixture).Pages);
    }

    /// <summary>A script guesser that calls every page Han with the given probability, as the committed one calls the invoice.</summary>
    private sealed class HanGuess(double probability) : IScriptGuesser
    {
        public string Version => "test-han";

        public double? HanProbability(ScriptFeatures features) => probability;
    }
}
