using ClaimVision.Intelligence.Learning;
using ClaimVision.Intelligence.Script;
using ClaimVision.Vision.Imaging;

namespace ClaimVision.Intelligence.Tests;

/// <summary>Train → save → load → guess for the script model, on feature rows made up so that the first feature tells the
/// scripts apart (no images, no OCR), and the committed model's files.</summary>
[Collection(XGBoostSerial.Name)]
public sealed class ScriptGuessTests
{
    private static ScriptFeatures Row(Random random, double first) =>
        new(Enumerable.Range(0, ScriptFeatures.Names.Count).Select(i => (float)(i == 0 ? first : random.NextDouble())).ToArray());

    /// <summary>Han rows have feature 0 in 0.6–1.0, Latin rows in 0.0–0.4.</summary>
    private static List<ScriptSample> Samples(int perScript, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, 2 * perScript).Select(i =>
        {
            var han = i % 2 == 0;
            var label = han ? ScriptGuessModel.Han : ScriptGuessModel.Latin;
            return new ScriptSample($"{i:000}-{label}", $"{i:x64}", label, Row(random, (han ? 0.6 : 0.0) + 0.4 * random.NextDouble()));
        }).ToList();
    }

    [Fact]
    public void A_trained_model_round_trips_and_guesses_han_only_inside_the_han_envelope()
    {
        var dir = Directory.CreateTempSubdirectory("script-guess-").FullName;
        try
        {
            var outcome = ScriptGuessTrainer.TrainAndSave(Samples(60, 1), dir, new TrainingOptions { Seed = 1, MaxRounds = 60 });
            using var model = ScriptGuessModel.Load(dir);

            Assert.Equal(outcome.Card.Version, model.Version);
            Assert.Equal(120, outcome.OutOfFoldHan.Count);
            Assert.Contains(model.SuggestedThreshold, ScriptGuessTrainer.Thresholds);
            var random = new Random(7);
            Assert.True(model.HanProbability(Row(random, 0.8)) >= 0.9);
            Assert.Null(model.HanProbability(Row(random, 0.1))); // far below every Han page's first feature: outside the envelope
            Assert.True(model.RawHanProbability(Row(random, 0.1)) < 0.5);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Training_refuses_too_few_pages_of_a_script()
    {
        var samples = Samples(60, 2).Where(s => s.Label == ScriptGuessModel.Latin).Concat(Samples(3, 3).Where(s => s.Label == ScriptGuessModel.Han)).ToList();
        var e = Assert.Throws<ArgumentException>(() => ScriptGuessTrainer.TrainAndSave(samples, Path.GetTempPath(), new TrainingOptions()));
        Assert.Contains("3 Han", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000001-outpatient-invoice-zh.jpg", ScriptGuessModel.Han)]
    [InlineData("000002-id-card-en.png", ScriptGuessModel.Latin)]
    [InlineData("001.jpg", null)]
    public void Generated_file_names_give_the_label(string name, string? expected) => Assert.Equal(expected, ScriptSamples.LabelOf(name));

    [Fact]
    public void The_committed_model_loads_with_its_card_and_envelope()
    {
        var dir = Path.Combine(RepositoryRoot(), "models", ScriptGuessModel.FolderName);
        using var model = ScriptGuessModel.Load(dir);

        Assert.Equal(ScriptGuessModel.Classes, model.Card.Classes);
        Assert.Equal(ScriptFeatures.SpecVersion, model.Card.FeatureSpecVersion);
        Assert.Equal(new Vision.Ocr.OcrOptions().ScriptGuessMinProbability, model.SuggestedThreshold);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "models"))) return dir.FullName;
        throw new DirectoryNotFoundException("No models/ folder above the test binaries.");
    }
}
