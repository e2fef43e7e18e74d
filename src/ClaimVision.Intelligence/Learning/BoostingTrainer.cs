using ClaimVision.Intelligence.Interop;

namespace ClaimVision.Intelligence.Learning;

/// <summary>One labelled training row.</summary>
public sealed record LabelledRow(SparseVector Features, int Label);

/// <summary>What training produced: the model (cut at the best validation round) and its validation predictions.</summary>
public sealed record TrainingOutcome(
    GradientBoostedModel Model,
    int BestRound,
    double ValidationLogLoss,
    IReadOnlyList<LabelledRow> Validation,
    IReadOnlyList<float[]> ValidationProbabilities,
    int TrainingRows);

/// <summary>
/// Trains an XGBoost multi:softprob model with early stopping on a stratified, seeded validation split.
/// The native library is not re-entrant during training: callers train one model at a time.
/// </summary>
public static class BoostingTrainer
{
    public static TrainingOutcome Train(IReadOnlyList<LabelledRow> rows, int classCount, int featureCount, TrainingOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        foreach (var r in rows)
            if (r.Label < 0 || r.Label >= classCount)
                throw new ArgumentException($"Label {r.Label} is outside 0..{classCount - 1}.", nameof(rows));
        var (train, valid) = StratifiedSplit(rows, options.ValidationShare, options.Seed);
        if (train.Count == 0 || valid.Count == 0)
            throw new ArgumentException($"Need rows for both training and validation; got {train.Count} and {valid.Count} from {rows.Count} rows.", nameof(rows));

        foreach (var r in rows)
            if (r.Features.Count > 0 && r.Features.Indices[^1] >= featureCount)
                throw new ArgumentException($"Column {r.Features.Indices[^1]} is outside the {featureCount} columns of the feature space.", nameof(rows));
        var columns = rows.SelectMany(r => r.Features.Indices).Distinct().Order().ToArray();
        using var dtrain = NativeDMatrix.Create(train.Select(r => GradientBoostedModel.Compact(r.Features, columns)).ToList(), columns.Length, train.Select(r => r.Label).ToList());
        using var dvalid = NativeDMatrix.Create(valid.Select(r => GradientBoostedModel.Compact(r.Features, columns)).ToList(), columns.Length, valid.Select(r => r.Label).ToList());
        using var booster = NativeBooster.Create(dtrain, dvalid);
        booster.SetParameter("num_class", classCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (k, v) in options.ToXGBoostParameters()) booster.SetParameter(k, v);

        var best = double.PositiveInfinity;
        var bestRound = 0;
        for (var i = 0; i < options.MaxRounds; i++)
        {
            booster.UpdateOneIteration(i, dtrain);
            var loss = booster.Evaluate(i, dvalid, "valid");
            if (loss < best - 1e-9)
            {
                best = loss;
                bestRound = i + 1;
            }
            else if (i + 1 - bestRound >= options.EarlyStoppingRounds)
            {
                break;
            }
        }

        var kept = booster.Slice(bestRound);
        try
        {
            var model = GradientBoostedModel.FromTrained(kept, classCount, featureCount, columns);
            var probabilities = model.Predict(valid.Select(r => r.Features).ToList());
            return new TrainingOutcome(model, bestRound, best, valid, probabilities, train.Count);
        }
        catch
        {
            kept.Dispose();
            throw;
        }
    }

    /// <summary>Holds out <paramref name="share"/> of every class (at least one row of any class with two or more).</summary>
    public static (List<LabelledRow> Train, List<LabelledRow> Validation) StratifiedSplit(IReadOnlyList<LabelledRow> rows, double share, int seed)
    {
        var random = new Random(seed);
        var train = new List<LabelledRow>();
        var valid = new List<LabelledRow>();
        foreach (var group in rows.GroupBy(r => r.Label).OrderBy(g => g.Key))
        {
            var shuffled = group.ToArray();
            random.Shuffle(shuffled);
            var n = shuffled.Length < 2 ? 0 : Math.Max(1, (int)Math.Round(shuffled.Length * share));
            valid.AddRange(shuffled.Take(n));
            train.AddRange(shuffled.Skip(n));
        }
        return (train, valid);
    }
}
