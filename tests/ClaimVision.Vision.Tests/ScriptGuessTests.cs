using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

/// <summary>
/// The script guess before the first reading: the text-shape features of a Chinese and an English page, the choice of the
/// first language, and the pipeline seam (no guesser → eng first; a guesser that says Han → chi_sim first, nothing else changed).
/// </summary>
public sealed class ScriptGuessTests
{
    private static ScriptFeatures Measure(string fixture)
    {
        using var decoded = ImageDecoder.Decode(Fixture.Bytes(fixture), fixture);
        var features = ScriptFeatures.Measure(decoded.Pages[0]);
        Assert.NotNull(features);
        Assert.Equal(ScriptFeatures.Names.Count, features.Values.Count);
        return features;
    }

    private static float Value(ScriptFeatures features, string name) => features.Values[ScriptFeatures.Names.ToList().IndexOf(name)];

    [Fact]
    public void Chinese_text_has_more_stacked_pieces_and_square_glyphs_and_fewer_x_high_and_narrow_ones_than_latin_text()
    {
        var han = Measure("zh-discharge-top.jpg");
        var latin = Measure("missed-rows.jpg");

        Assert.True(Value(han, "share-stacked") > Value(latin, "share-stacked"), $"stacked: Han {Value(han, "share-stacked")}, Latin {Value(latin, "share-stacked")}");
        Assert.True(Value(han, "wide-share-narrow") < Value(latin, "wide-share-narrow"), $"narrow: Han {Value(han, "wide-share-narrow")}, Latin {Value(latin, "wide-share-narrow")}");
        Assert.True(Value(han, "wide-share-square") > Value(latin, "wide-share-square"), $"square: Han {Value(han, "wide-share-square")}, Latin {Value(latin, "wide-share-square")}");
        Assert.True(Value(han, "share-x-height") < Value(latin, "share-x-height"), $"x-height: Han {Value(han, "share-x-height")}, Latin {Value(latin, "share-x-height")}");
    }

    [Fact]
    public void A_page_without_text_has_no_features()
    {
        using var blank = PageImage.CreateBlank(400, 300, color: false);
        Assert.Null(ScriptFeatures.Measure(blank));
    }

    [Theory]
    [InlineData("auto", 0.99, "chi_sim")]
    [InlineData("auto", 0.97, "eng")]    // below ScriptGuessMinProbability (0.98)
    [InlineData("auto", null, "eng")]    // no guess
    [InlineData("eng", 1.0, "eng")]      // a fixed language wins
    public void The_first_language_follows_a_sure_han_guess_only(string requested, double? han, string expected) =>
        Assert.Equal(expected, LanguageChooser.First(requested, han, new OcrOptions()));

    [Fact]
    public void Without_a_guesser_a_chinese_page_is_read_first_in_eng()
    {
        var (page, passes) = Process(null, new OcrOptions { PoolSize = 1 });

        Assert.Equal("chi_sim", page.Language);
        Assert.Equal(1, passes[OcrPass.UprightAlternative].Calls); // eng first, then chi_sim upright
    }

    [Fact]
    public void A_han_guess_reads_the_page_first_in_chi_sim_and_it_comes_out_the_same()
    {
        var guesser = new FixedGuesser(0.99);
        var (guessed, passes) = Process(guesser, new OcrOptions { PoolSize = 1 });
        var (unguided, _) = Process(null, new OcrOptions { PoolSize = 1 });

        Assert.Equal(1, guesser.Calls);
        Assert.Equal((1, 1), (passes[OcrPass.FirstReading].Calls, passes[OcrPass.FirstReading].Kept));
        Assert.Equal(0, passes[OcrPass.UprightAlternative].Calls);
        Assert.Equal("chi_sim", guessed.Language);
        Assert.Equal(unguided.Lines.Select(l => l.Text), guessed.Lines.Select(l => l.Text));
    }

    [Theory]
    [InlineData(0.99, 1.1, "auto")] // turned off
    [InlineData(0.5, 0.98, "auto")]  // unsure
    [InlineData(0.99, 0.98, "eng")]  // fixed language: not even asked
    public void An_unsure_or_unused_guess_changes_nothing(double han, double minProbability, string language)
    {
        var guesser = new FixedGuesser(han);
        var (page, passes) = Process(guesser, new OcrOptions { PoolSize = 1, ScriptGuessMinProbability = minProbability }, language);

        Assert.Equal(language == "auto" ? 1 : 0, guesser.Calls);
        Assert.Equal(language == "auto" ? 1 : 0, passes[OcrPass.UprightAlternative].Calls);
        Assert.Equal(language == "auto" ? "chi_sim" : "eng", page.Language);
    }

    private static (OcrPage Page, Dictionary<OcrPass, OcrPassTotals> Passes) Process(IScriptGuesser? guesser, OcrOptions options, string language = OcrOptions.Auto)
    {
        using var pool = new EnginePool(options);
        var page = Assert.Single(new VisionPipeline(pool, guesser)
            .Process(Fixture.Bytes("zh-discharge-top.jpg"), "zh-discharge-top.jpg", new VisionOptions { Language = language }).Pages);
        return (page, pool.Passes.Snapshot().ToDictionary(p => p.Pass));
    }

    private sealed class FixedGuesser(double han) : IScriptGuesser
    {
        public int Calls;
        public string Version => "fixed";

        public double? HanProbability(ScriptFeatures features)
        {
            Interlocked.Increment(ref Calls);
            return han;
        }
    }
}
