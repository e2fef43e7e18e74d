using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Features;
using ClaimVision.Intelligence.Learning;

namespace ClaimVision.Intelligence.Classification;

/// <summary>
/// Says what kind of document a page set is, with an honest confidence:
/// <list type="bullet">
/// <item>probabilities are temperature-calibrated on the training run's validation split;</item>
/// <item>the top probability is scaled down when little of the document's text was ever seen in training
/// (n-gram coverage below <see cref="CoverageFloor"/>), because trees extrapolate confidently on input
/// unlike anything they were trained on;</item>
/// <item>a page with almost no text is <c>other</c> at <see cref="NearlyEmptyConfidence"/>.</item>
/// </list>
/// A confidence below the card's <see cref="ModelCard.ConfidenceThreshold"/> means "unsure". Thread-safe.
/// </summary>
public sealed class DocumentClassifier : IDocumentClassifier, IDisposable
{
    public const string ModelFileName = "model.json";
    public const string CardFileName = "card.json";
    /// <summary>Fewer letters and digits than this is not enough text to classify.</summary>
    public const int MinimumCharacters = 12;
    public const double NearlyEmptyConfidence = 0.05;
    /// <summary>Share of the text's n-gram weight (L2 mass) on buckets seen in training below which confidence shrinks proportionally.</summary>
    public const double CoverageFloor = 0.5;

    private readonly GradientBoostedModel _model;
    private readonly DocumentType[] _classes;

    public DocumentClassifier(GradientBoostedModel model, ModelCard card)
    {
        if (card.FeatureSpecVersion != DocumentFeatures.SpecVersion)
            throw new InvalidDataException($"The model was trained on feature spec {card.FeatureSpecVersion}, this build computes spec {DocumentFeatures.SpecVersion}: retrain it.");
        if (model.ClassCount != card.Classes.Count)
            throw new InvalidDataException($"The model has {model.ClassCount} classes but its card lists {card.Classes.Count}.");
        if (model.FeatureCount != DocumentFeatures.FeatureCount)
            throw new InvalidDataException($"The model expects {model.FeatureCount} features, this build computes {DocumentFeatures.FeatureCount}.");
        _model = model;
        Card = card;
        _classes = card.Classes.Select(c => new DocumentType(c)).ToArray();
    }

    public ModelCard Card { get; }
    public string ModelVersion => Card.Version;

    /// <summary>Loads model.json and card.json from a model directory (e.g. models/doc-classifier).</summary>
    public static DocumentClassifier Load(string directory) =>
        ModelFolder.Load(directory, "Classifier model", (model, card) => new DocumentClassifier(model, card));

    public DocumentClassification Classify(VisionResult vision) =>
        DocumentFeatures.MeaningfulCharacters(vision) < MinimumCharacters ? NearlyEmpty : Score(vision).Classification;

    private static DocumentClassification NearlyEmpty { get; } =
        new(DocumentType.Other, NearlyEmptyConfidence, [new ClassLikelihood(DocumentType.Other, NearlyEmptyConfidence)]);

    /// <summary>The model's reading of a page with enough text: its features, calibrated probabilities and classification.</summary>
    private (SparseVector Features, double[] Probabilities, double Coverage, DocumentClassification Classification) Score(VisionResult vision)
    {
        var features = DocumentFeatures.Extract(vision);
        var probabilities = TemperatureScaling.Apply(_model.Predict(features), Card.Temperature);
        var ranked = Enumerable.Range(0, probabilities.Length).OrderByDescending(i => probabilities[i]).ThenBy(i => i).ToArray();
        var top = ranked[0];
        var coverage = Coverage(features);
        var confidence = probabilities[top] * Math.Min(1, coverage / CoverageFloor);
        var alternatives = ranked.Take(3).Select(i => new ClassLikelihood(_classes[i], Math.Round(probabilities[i], 4))).ToArray();
        return (features, probabilities, coverage, new DocumentClassification(_classes[top], Math.Round(confidence, 4), alternatives));
    }

    /// <summary>
    /// Why the model gave a document the score it did for one class (by default the one it chose): the features that
    /// moved that class's margin most, up and down, from XGBoost's per-feature contributions. A hashed column is named
    /// by the n-grams of this document that fall into it; a column the document lacks but whose absence counted is
    /// named from <paramref name="vocabulary"/> (bucket → n-grams, e.g. <see cref="DocumentFeatures.GramsByBucket"/> of
    /// other documents) or else by its bucket number. A page with too little text is <c>other</c> by rule, without the
    /// model: then <see cref="ClassificationExplanation.Rule"/> says so and there are no cues.
    /// </summary>
    public ClassificationExplanation Explain(VisionResult vision, DocumentType? about = null, int top = 10, IReadOnlyDictionary<int, string>? vocabulary = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        if (about is { } asked && Array.IndexOf(_classes, asked) < 0)
            throw new ArgumentException($"'{asked}' is not one of the model's classes ({string.Join(", ", _classes.Select(c => c.Label))}).", nameof(about));
        var characters = DocumentFeatures.MeaningfulCharacters(vision);
        if (characters < MinimumCharacters)
            return new ClassificationExplanation(NearlyEmpty, about ?? DocumentType.Other, NearlyEmptyConfidence, 0, 0, [], [], 0,
                $"too little text ({characters} letters and digits, fewer than {MinimumCharacters}): other by rule, the model was not asked");

        var (features, probabilities, coverage, classification) = Score(vision);
        var explained = about ?? classification.Label;
        var index = Array.IndexOf(_classes, explained);
        var contributions = _model.Contributions(features)[index];
        var present = new Dictionary<int, float>();
        for (var i = 0; i < features.Count; i++) present[features.Indices[i]] = features.Values[i];
        var own = DocumentFeatures.GramsByBucket(vision);

        Cue ToCue(KeyValuePair<int, double> c)
        {
            var column = c.Key;
            float? value = present.TryGetValue(column, out var v) ? v : null;
            var name = column >= DocumentFeatures.HashBuckets
                ? DocumentFeatures.DenseNames[column - DocumentFeatures.HashBuckets]
                : own.GetValueOrDefault(column) ?? vocabulary?.GetValueOrDefault(column) ?? $"bucket {column}";
            return new Cue(name, column, value, c.Value);
        }

        var ranked = contributions.ByColumn.OrderByDescending(c => c.Value).ThenBy(c => c.Key).ToList();
        return new ClassificationExplanation(
            classification, explained, probabilities[index], contributions.Bias, contributions.Margin,
            ranked.Where(c => c.Value > 0).Take(top).Select(ToCue).ToList(),
            ranked.AsEnumerable().Reverse().Where(c => c.Value < 0).Take(top).Select(ToCue).ToList(),
            coverage);
    }

    /// <summary>Share of the hashed n-gram weight that falls on buckets the training data used.</summary>
    public double Coverage(SparseVector features)
    {
        double known = 0, total = 0;
        for (var i = 0; i < features.Count && features.Indices[i] < DocumentFeatures.HashBuckets; i++)
        {
            var w = (double)features.Values[i] * features.Values[i];
            total += w;
            if (_model.HasColumn(features.Indices[i])) known += w;
        }
        return total == 0 ? 0 : known / total;
    }

    public void Dispose() => _model.Dispose();
}

/// <summary>
/// One feature's part in a score: <see cref="Feature"/> names it (an n-gram such as <c>c:票据</c> or <c>w:invoice</c>,
/// several joined by <c>|</c> when they share a bucket, or a dense feature such as <c>image:redShare</c>);
/// <see cref="Value"/> is null when the document lacks it; <see cref="Contribution"/> is what it added to the margin.
/// </summary>
public sealed record Cue(string Feature, int Column, float? Value, double Contribution);

/// <summary>What <see cref="DocumentClassifier.Explain"/> returns: the classification, and for the class <see cref="Explained"/>
/// its calibrated probability (before the coverage discount), bias, margin (the probabilities are the softmax of the
/// margins divided by the card's temperature), the cues that raised it most (<see cref="For"/>, strongest first) and
/// those that lowered it most (<see cref="Against"/>, strongest first). <see cref="Rule"/> is set, and there are no cues,
/// when a rule and not the model decided.</summary>
public sealed record ClassificationExplanation(
    DocumentClassification Classification,
    DocumentType Explained,
    double Probability,
    double Bias,
    double Margin,
    IReadOnlyList<Cue> For,
    IReadOnlyList<Cue> Against,
    double Coverage,
    string? Rule = null);
