using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

public class LanguageChooserTests
{
    private static readonly OcrOptions Options = new() { MinScriptConfidence = 1.0, DefaultLanguage = "eng" };

    [Theory]
    [InlineData("Han", 5.0, "chi_sim")]
    [InlineData("Latin", 5.0, "eng")]
    [InlineData("Cyrillic", 5.0, "eng")]   // no model configured → default
    [InlineData("Han", 0.4, "eng")]        // OSD unsure → default
    public void AutoChoosesByScriptWhenOsdIsSure(string script, double confidence, string expected) =>
        Assert.Equal(expected, LanguageChooser.Choose("auto", new OrientationGuess(0, 5, script, confidence), Options));

    [Fact]
    public void NoOsdResultMeansTheDefault() => Assert.Equal("eng", LanguageChooser.Choose("auto", null, Options));

    [Fact]
    public void AnExplicitLanguageWinsOverOsd() =>
        Assert.Equal("chi_sim", LanguageChooser.Choose("chi_sim", new OrientationGuess(0, 9, "Latin", 9), Options));

    [Fact]
    public void TheScriptMapIsConfigurable()
    {
        var options = Options with { ScriptLanguages = new Dictionary<string, string> { ["Han"] = "chi_sim+eng" } };
        Assert.Equal("chi_sim+eng", LanguageChooser.Choose("auto", new OrientationGuess(0, 5, "Han", 5), options));
    }

    [Fact]
    public void ADoubtfulAutomaticChoiceIsReCheckedWithTheOtherLanguageAFixedOneNever()
    {
        Assert.Equal("chi_sim", LanguageChooser.Alternative("auto", "eng", Options));
        Assert.Equal("eng", LanguageChooser.Alternative("auto", "chi_sim", Options));
        Assert.Null(LanguageChooser.Alternative("eng", "eng", Options));
    }
}
