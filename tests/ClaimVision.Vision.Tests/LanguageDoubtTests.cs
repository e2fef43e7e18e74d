using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

/// <summary>
/// A Chinese page eng reads at a sound-looking mean confidence (0.61) but in garbage words is doubted by its words and
/// re-checked in chi_sim; without the dictionary check it stays in eng, as it did before.
/// </summary>
public sealed class LanguageDoubtTests
{
    [Fact]
    public void A_chinese_page_eng_reads_confidently_in_garbage_is_read_in_chi_sim()
    {
        var page = Process(new OcrOptions { PoolSize = 1 });

        Assert.Equal("chi_sim", page.Language);
        Assert.Contains(page.Lines, l => l.Text.Contains("零售药品销售凭证", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_dictionary_check_the_page_stays_in_eng()
    {
        var page = Process(new OcrOptions { PoolSize = 1, DictionaryCheckLanguages = [] });

        Assert.Equal("eng", page.Language);
        Assert.True(page.MeanConfidence >= 0.6, $"mean confidence {page.MeanConfidence}");
    }

    private static OcrPage Process(OcrOptions options)
    {
        using var pool = new EnginePool(options);
        return Assert.Single(new VisionPipeline(pool).Process(Fixture.Bytes("zh-pharmacy-receipt.jpg"), "zh-pharmacy-receipt.jpg").Pages);
    }
}
