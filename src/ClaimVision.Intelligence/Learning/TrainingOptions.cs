namespace ClaimVision.Intelligence.Learning;

/// <summary>Hyper-parameters of <see cref="BoostingTrainer"/>; recorded in the model card.</summary>
public sealed record TrainingOptions
{
    public int Seed { get; init; } = 1;
    /// <summary>Share of each class held out (stratified) for early stopping and calibration.</summary>
    public double ValidationShare { get; init; } = 0.2;
    public int MaxRounds { get; init; } = 300;
    /// <summary>Stop when validation log-loss has not improved for this many rounds; the best round is kept.</summary>
    public int EarlyStoppingRounds { get; init; } = 20;
    public int MaxDepth { get; init; } = 4;
    public double LearningRate { get; init; } = 0.2;
    public double Subsample { get; init; } = 0.9;
    public double ColumnSample { get; init; } = 0.8;
    public double MinChildWeight { get; init; } = 1;
    public double L2Regularisation { get; init; } = 1;

    public IReadOnlyDictionary<string, string> ToXGBoostParameters() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["objective"] = "multi:softprob",
        ["eval_metric"] = "mlogloss",
        ["tree_method"] = "hist",
        ["max_depth"] = Invariant(MaxDepth),
        ["eta"] = Invariant(LearningRate),
        ["subsample"] = Invariant(Subsample),
        ["colsample_bytree"] = Invariant(ColumnSample),
        ["min_child_weight"] = Invariant(MinChildWeight),
        ["lambda"] = Invariant(L2Regularisation),
        ["seed"] = Invariant(Seed),
        // One thread: results are reproducible, and the process already runs one OCR engine per core.
        ["nthread"] = "1",
        ["verbosity"] = "0",
    };

    /// <summary>What a model card records of these options: the XGBoost parameters and the training loop's bounds. A
    /// trainer adds its own entries to the returned dictionary.</summary>
    public SortedDictionary<string, string> CardParameters() => new(ToXGBoostParameters().ToDictionary(), StringComparer.Ordinal)
    {
        ["max_rounds"] = Invariant(MaxRounds),
        ["early_stopping_rounds"] = Invariant(EarlyStoppingRounds),
        ["validation_share"] = Invariant(ValidationShare),
    };

    private static string Invariant(IFormattable v) => v.ToString(null, System.Globalization.CultureInfo.InvariantCulture);
}
