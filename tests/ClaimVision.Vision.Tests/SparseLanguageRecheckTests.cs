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
