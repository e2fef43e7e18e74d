using System.Globalization;
using ClaimVision.Intelligence.Classification;
using ClaimVision.Intelligence.Evaluation;
using ClaimVision.Intelligence.Interop;
using ClaimVision.Intelligence.Learning;
using ClaimVision.Vision.Imaging;

namespace ClaimVision.Intelligence.Script;

/// <summary>One page for the script guess: its image's SHA-256 (for the data hash), its script label and its features.</summary>
public sealed record ScriptSample(string Name, string Sha256, string Label, ScriptFeatures Features);

/// <summary>What training wrote, and the out-of-fold probabilities the threshold was chosen on (0 outside the envelope).</summary>
public sealed record ScriptTrainingOutcome(ModelCard Card, IReadOnlyList<double> OutOfFoldHan, int Folds);

/// <summary>
/// Trains the <see cref="ScriptGuessModel"/> with <see cref="BoostingTrainer"/> and writes model.json and card.json. The
/// routing threshold in the card is chosen on out-of-fold probabilities (k-fold over the training pages), so that no Latin
/// page of the training data would be read first in chi_sim: the lowest of <see cref="Thresholds"/> that no Latin page inside
/// the <see cref="ScriptEnvelope"/> of the Han pages reaches (1, i.e. never, when every one is reached). envelope.json is
/// written beside model.json and card.json.
/// </summary>
public static class ScriptGuessTrainer
{
    public const int Folds = 5;
    /// <summary>The thresholds tried, lowest first.</summary>
    public static readonly IReadOnlyList<double> Thresholds = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98, 0.99];

    public static ScriptTrainingOutcome TrainAndSave(IReadOnlyList<ScriptSample> samples, string outputDirectory, TrainingOptions options, string? source = null)
    {
        foreach (var s in samples)
            if (!ScriptGuessModel.Classes.Contains(s.Label))
                throw new ArgumentException($"'{s.Name}' is labelled '{s.Label}'; the script guess knows {string.Join(" and ", ScriptGuessModel.Classes)}.", nameof(samples));
        var counts = ScriptGuessModel.Classes.ToDictionary(c => c, c => samples.Count(s => s.Label == c), StringComparer.Ordinal);
        if (counts.Values.Any(n => n < 2 * Folds))
            throw new ArgumentException($"Training needs at least {2 * Folds} pages of each script; got {string.Join(", ", counts.Select(kv => $"{kv.Value} {kv.Key}"))}.", nameof(samples));

        var rows = samples.Select(s => new LabelledRow(ScriptGuessModel.Row(s.Features), Index(s.Label))).ToList();
        var outOfFold = OutOfFold(rows, options);
        var envelope = ScriptEnvelope.Of(samples.Where(s => s.Label == ScriptGuessModel.Han).Select(s => s.Features).ToList());
        for (var i = 0; i < outOfFold.Length; i++)
            if (!envelope.Contains(samples[i].Features)) outOfFold[i] = 0;
        var latin = rows.Select((r, i) => (r, i)).Where(x => x.r.Label == 0).Select(x => outOfFold[x.i]).ToList();
        var threshold = Thresholds.FirstOrDefault(t => latin.All(p => p < t), 1.0);

        var outcome = BoostingTrainer.Train(rows, ScriptGuessModel.Classes.Count, ScriptFeatures.Names.Count, options);
        using var model = outcome.Model;
        var labels = outcome.Validation.Select(r => ScriptGuessModel.Classes[r.Label]).ToList();
        var predicted = outcome.ValidationProbabilities.Select(p => ScriptGuessModel.Classes[p[1] >= 0.5 ? 1 : 0]).ToList();
        var metrics = ClassificationMetrics.Compute(labels, predicted, ScriptGuessModel.Classes);
        var parameters = options.CardParameters();
        parameters["threshold_folds"] = Invariant(Folds);
        parameters["threshold_latin_max_out_of_fold"] = Invariant(Math.Round(latin.Max(), 4));
        parameters["envelope_tail"] = Invariant(ScriptEnvelope.Tail);
        var created = DateTimeOffset.UtcNow;
        var card = new ModelCard
        {
            Version = $"script-guess-{created:yyyyMMdd-HHmmss}-s{options.Seed}",
            CreatedUtc = created,
            FeatureSpecVersion = ScriptFeatures.SpecVersion,
            FeatureCount = ScriptFeatures.Names.Count,
            Classes = ScriptGuessModel.Classes,
            Temperature = 1,
            ConfidenceThreshold = threshold,
            Library = $"xgboost {NativeBooster.LibraryVersion}",
            Parameters = parameters,
            TrainingData = new TrainingDataSummary
            {
                Sha256 = ClassifierTrainer.DataHash(samples.Select(s => (s.Sha256, s.Label))),
                Documents = samples.Count,
                ClassCounts = new SortedDictionary<string, int>(counts, StringComparer.Ordinal),
                Source = source,
            },
            Validation = ValidationSummary.Of(outcome, metrics, outcome.ValidationLogLoss), // temperature 1: calibration changes nothing
        };
        Directory.CreateDirectory(outputDirectory);
        model.Save(Path.Combine(outputDirectory, DocumentClassifier.ModelFileName));
        card.Save(Path.Combine(outputDirectory, DocumentClassifier.CardFileName));
        envelope.Save(Path.Combine(outputDirectory, ScriptEnvelope.FileName));
        return new ScriptTrainingOutcome(card, outOfFold, Folds);
    }

    /// <summary>Each row's Han probability from a model trained without its fold (stratified, seeded folds).</summary>
    private static double[] OutOfFold(List<LabelledRow> rows, TrainingOptions options)
    {
        var fold = new int[rows.Count];
        var random = new Random(options.Seed);
        foreach (var group in Enumerable.Range(0, rows.Count).GroupBy(i => rows[i].Label))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (var k = 0; k < members.Length; k++) fold[members[k]] = k % Folds;
        }
        var result = new double[rows.Count];
        for (var f = 0; f < Folds; f++)
        {
            var held = Enumerable.Range(0, rows.Count).Where(i => fold[i] == f).ToList();
            var outcome = BoostingTrainer.Train(Enumerable.Range(0, rows.Count).Where(i => fold[i] != f).Select(i => rows[i]).ToList(),
                ScriptGuessModel.Classes.Count, ScriptFeatures.Names.Count, options);
            using var model = outcome.Model;
            var probabilities = model.Predict(held.Select(i => rows[i].Features).ToList());
            for (var k = 0; k < held.Count; k++) result[held[k]] = probabilities[k][1];
        }
        return result;
    }

    private static int Index(string label) => label == ScriptGuessModel.Han ? 1 : 0;

    private static string Invariant(IFormattable v) => v.ToString(null, CultureInfo.InvariantCulture);
}
