using System.Text.Json;
using System.Text.Json.Serialization;
using ClaimVision.Intelligence.Evaluation;
using ClaimVision.Intelligence.Learning;

namespace ClaimVision.Intelligence.Classification;

/// <summary>What a model was trained on: a hash over (image sha256, label) pairs, sizes and class counts.</summary>
public sealed record TrainingDataSummary
{
    /// <summary>SHA-256 over the sorted "imageSha256 label" lines of every training document.</summary>
    public required string Sha256 { get; init; }
    public required int Documents { get; init; }
    public required IReadOnlyDictionary<string, int> ClassCounts { get; init; }
    /// <summary>The OCR engine version the text was read with (features depend on it).</summary>
    public string? OcrVersion { get; init; }
    public string? Source { get; init; }
}

/// <summary>How the model did on its own held-out validation split (used for early stopping and calibration).</summary>
public sealed record ValidationSummary
{
    public required int Rows { get; init; }
    public required int TrainingRows { get; init; }
    public required int BestRound { get; init; }
    public required double LogLoss { get; init; }
    public required double CalibratedLogLoss { get; init; }
    public required double Accuracy { get; init; }
    public required double MacroF1 { get; init; }

    /// <summary>The summary of a training run scored on its validation split, rounded as cards record it.</summary>
    public static ValidationSummary Of(TrainingOutcome outcome, ClassificationMetrics metrics, double calibratedLogLoss) => new()
    {
        Rows = outcome.Validation.Count,
        TrainingRows = outcome.TrainingRows,
        BestRound = outcome.BestRound,
        LogLoss = Math.Round(outcome.ValidationLogLoss, 5),
        CalibratedLogLoss = Math.Round(calibratedLogLoss, 5),
        Accuracy = Math.Round(metrics.Accuracy, 4),
        MacroF1 = Math.Round(metrics.MacroF1, 4),
    };
}

/// <summary>
/// card.json beside model.json: everything needed to use the model correctly (class order, feature spec,
/// calibration) and to judge it (data, parameters, metrics, date, version).
/// </summary>
public sealed record ModelCard
{
    public required string Version { get; init; }
    public required DateTimeOffset CreatedUtc { get; init; }
    public required string FeatureSpecVersion { get; init; }
    public required int FeatureCount { get; init; }
    /// <summary>Document type labels in model class-index order.</summary>
    public required IReadOnlyList<string> Classes { get; init; }
    /// <summary>Temperature fitted on the validation split; probabilities are p^(1/T), renormalised.</summary>
    public required double Temperature { get; init; }
    /// <summary>Confidences below this mean "unsure": route the document to a person.</summary>
    public required double ConfidenceThreshold { get; init; }
    public required string Library { get; init; }
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }
    public required TrainingDataSummary TrainingData { get; init; }
    public required ValidationSummary Validation { get; init; }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static ModelCard Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Model card '{path}' does not exist.", path);
        try
        {
            return JsonSerializer.Deserialize<ModelCard>(File.ReadAllText(path), Json)
                   ?? throw new InvalidDataException($"Model card '{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Model card '{path}' is not valid: {e.Message}", e);
        }
    }
}
