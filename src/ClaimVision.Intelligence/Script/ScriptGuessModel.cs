using ClaimVision.Intelligence.Classification;
using ClaimVision.Intelligence.Learning;
using ClaimVision.Vision.Imaging;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Intelligence.Script;

/// <summary>
/// The trained script guess (models/script-guess: model.json + card.json, written by <see cref="ScriptGuessTrainer"/>): an
/// XGBoost model over <see cref="ScriptFeatures"/> that gives the probability that a page's text is Han before any OCR.
/// The vision pipeline uses it through <see cref="IScriptGuesser"/> to read Chinese pages first in chi_sim. A page outside
/// the <see cref="ScriptEnvelope"/> of the Han training pages gets no guess. Thread-safe.
/// </summary>
public sealed class ScriptGuessModel : IScriptGuesser, IDisposable
{
    /// <summary>The model folder's name under models/.</summary>
    public const string FolderName = "script-guess";
    public const string Latin = "Latin";
    public const string Han = "Han";

    /// <summary>Class order of the model: index 0 Latin, 1 Han.</summary>
    public static readonly IReadOnlyList<string> Classes = [Latin, Han];

    private readonly GradientBoostedModel _model;

    private readonly ScriptEnvelope _envelope;

    public ScriptGuessModel(GradientBoostedModel model, ModelCard card, ScriptEnvelope envelope)
    {
        if (card.FeatureSpecVersion != ScriptFeatures.SpecVersion)
            throw new InvalidDataException($"The script model was trained on feature spec {card.FeatureSpecVersion}, this build computes spec {ScriptFeatures.SpecVersion}: retrain it.");
        if (!card.Classes.SequenceEqual(Classes) || model.ClassCount != Classes.Count)
            throw new InvalidDataException($"The script model's classes are [{string.Join(", ", card.Classes)}] ({model.ClassCount} in the model), not [{string.Join(", ", Classes)}].");
        if (model.FeatureCount != ScriptFeatures.Names.Count)
            throw new InvalidDataException($"The script model expects {model.FeatureCount} features, this build computes {ScriptFeatures.Names.Count}.");
        _model = model;
        _envelope = envelope;
        Card = card;
    }

    public ModelCard Card { get; }

    public string Version => Card.Version;

    /// <summary>The probability at or above which no English training page inside the envelope was called Han (out of fold); see the card.</summary>
    public double SuggestedThreshold => Card.ConfidenceThreshold;

    /// <summary>The model's Han probability; null for a page outside the Han training pages' envelope.</summary>
    public double? HanProbability(ScriptFeatures features) => _envelope.Contains(features) ? RawHanProbability(features) : null;

    /// <summary>The model's Han probability, wherever the page lies.</summary>
    public double RawHanProbability(ScriptFeatures features) => _model.Predict(Row(features))[1];

    /// <summary>The features as a model row (every column present).</summary>
    internal static SparseVector Row(ScriptFeatures features) =>
        new(Enumerable.Range(0, features.Values.Count).ToArray(), features.Values.ToArray());

    /// <summary>Loads model.json, card.json and envelope.json from <paramref name="directory"/> (e.g. models/script-guess).</summary>
    public static ScriptGuessModel Load(string directory) =>
        ModelFolder.Load(directory, "Script model",
            (model, card) => new ScriptGuessModel(model, card, ScriptEnvelope.Load(Path.Combine(directory, ScriptEnvelope.FileName))));

    public void Dispose() => _model.Dispose();
}
