using ClaimVision.Intelligence.Interop;
using ClaimVision.Intelligence.Learning;

namespace ClaimVision.Intelligence.Tests;

[Collection(XGBoostSerial.Name)]
public sealed class LearningTests
{
    private const int Features = 50;

    /// <summary>Three classes told apart by which of three columns is large, plus noise columns.</summary>
    private static List<LabelledRow> Toy(int perClass, int seed)
    {
        var random = new Random(seed);
        var rows = new List<LabelledRow>();
        for (var i = 0; i < perClass * 3; i++)
        {
            var label = i % 3;
            var values = new SortedDictionary<int, float>();
            for (var c = 0; c < 3; c++) values[c] = (float)(random.NextDouble() + (c == label ? 2 : 0));
            values[10 + random.Next(30)] = (float)random.NextDouble();
            rows.Add(new LabelledRow(new SparseVector(values.Keys.ToArray(), values.Values.ToArray()), label));
        }
        return rows;
    }

    [Fact]
    public void Learns_a_separable_problem_and_stops_early()
    {
        var options = new TrainingOptions { Seed = 3, MaxRounds = 200, EarlyStoppingRounds = 10 };
        var outcome = BoostingTrainer.Train(Toy(40, 1), 3, Features, options);
        using var model = outcome.Model;
        var test = Toy(20, 2);
        var probabilities = model.Predict(test.Select(r => r.Features).ToList());
        var correct = test.Where((r, i) => Array.IndexOf(probabilities[i], probabilities[i].Max()) == r.Label).Count();
        Assert.True(correct >= test.Count * 0.95, $"{correct}/{test.Count} correct");
        Assert.All(probabilities, p => Assert.Equal(1.0, p.Sum(), 3));
        Assert.InRange(outcome.BestRound, 1, 199);
        Assert.Equal(outcome.BestRound, model.Rounds);
    }

    [Fact]
    public void Saved_and_loaded_models_predict_identically()
    {
        var outcome = BoostingTrainer.Train(Toy(30, 4), 3, Features, new TrainingOptions { Seed = 5 });
        using var model = outcome.Model;
        var rows = Toy(10, 6).Select(r => r.Features).ToList();
        var path = Path.Combine(Path.GetTempPath(), $"cv-model-{Guid.NewGuid():n}.json");
        try
        {
            model.Save(path);
            Assert.StartsWith("{", File.ReadAllText(path).TrimStart(), StringComparison.Ordinal);
            using var loaded = GradientBoostedModel.Load(path);
            Assert.Equal(3, loaded.ClassCount);
            Assert.Equal(Features, loaded.FeatureCount);
            Assert.Equal(model.Predict(rows), loaded.Predict(rows));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_model()
    {
        var data = Toy(30, 7);
        var options = new TrainingOptions { Seed = 11, Subsample = 0.7, ColumnSample = 0.7 };
        using var a = BoostingTrainer.Train(data, 3, Features, options).Model;
        using var b = BoostingTrainer.Train(data, 3, Features, options).Model;
        Assert.Equal(a.ToJson(), b.ToJson());
    }

    [Fact]
    public void Contributions_add_up_to_the_margins_behind_the_probabilities_and_the_deciding_column_leads()
    {
        using var model = BoostingTrainer.Train(Toy(40, 12), 3, Features, new TrainingOptions { Seed = 2 }).Model;
        foreach (var row in Toy(5, 13))
        {
            var contributions = model.Contributions(row.Features);
            Assert.Equal(3, contributions.Count);
            var margins = contributions.Select(c => c.Margin).ToArray();
            var softmax = margins.Select(m => Math.Exp(m - margins.Max())).ToArray();
            var probabilities = model.Predict(row.Features);
            for (var c = 0; c < 3; c++)
                Assert.Equal(probabilities[c], softmax[c] / softmax.Sum(), 4);

            // Column k is large exactly for class k: it is what raises the row's own class most.
            var own = contributions[row.Label].ByColumn;
            Assert.Equal(row.Label, own.MaxBy(kv => kv.Value).Key);
        }
    }

    [Fact]
    public void Prediction_is_safe_from_many_threads()
    {
        using var model = BoostingTrainer.Train(Toy(30, 8), 3, Features, new TrainingOptions()).Model;
        var rows = Toy(20, 9).Select(r => r.Features).ToList();
        var expected = rows.Select(model.Predict).ToList();
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            Assert.Equal(expected[i % rows.Count], model.Predict(rows[i % rows.Count])));
    }

    [Fact]
    public void Native_errors_become_exceptions_with_the_library_message()
    {
        var e = Assert.Throws<InvalidDataException>(() => GradientBoostedModel.Load(WriteTemp("{ not a model")));
        Assert.IsType<XGBoostException>(e.InnerException);
        Assert.False(string.IsNullOrWhiteSpace(e.InnerException!.Message));
    }

    [Fact]
    public void Labels_outside_the_class_range_are_rejected() =>
        Assert.Throws<ArgumentException>(() => BoostingTrainer.Train([.. Toy(5, 1), new LabelledRow(new SparseVector([0], [1f]), 3)], 3, Features, new TrainingOptions()));

    [Fact]
    public void Stratified_split_holds_out_every_class()
    {
        var (train, valid) = BoostingTrainer.StratifiedSplit(Toy(10, 1), 0.2, 1);
        Assert.Equal(30, train.Count + valid.Count);
        Assert.Equal([0, 1, 2], valid.Select(r => r.Label).Distinct().Order());
        Assert.Equal(6, valid.Count);
    }

    private static string WriteTemp(string text)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cv-bad-{Guid.NewGuid():n}.json");
        File.WriteAllText(path, text);
        return path;
    }
}
