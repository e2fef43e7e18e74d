using System.Security.Cryptography;
using System.Text;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Evaluation;
using ClaimVision.Intelligence.Features;
using ClaimVision.Intelligence.Interop;
using ClaimVision.Intelligence.Learning;

namespace ClaimVision.Intelligence.Classification;

/// <summary>One labelled document for training: its image hash (for the data hash), its type, and what OCR read.</summary>
public sealed record TrainingDocument(string Sha256, DocumentType Label, VisionResult Vision);

/// <summary>Trains a <see cref="DocumentClassifier"/> and writes model.json and card.json.</summary>
public static class ClassifierTrainer
{
    public const double DefaultConfidenceThreshold = 0.6;

    /// <summary>Trains on the documents and writes the model directory; returns the card it wrote.</summary>
    public static ModelCard TrainAndSave(
        IReadOnlyList<TrainingDocument> documents, string outputDirectory, TrainingOptions options, string? ocrVersion = null, string? source = null)
    {
        var counts = documents.GroupBy(d => d.Label.Label).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        if (counts.Count < 2)
            throw new ArgumentException($"Training needs at least two document types; got {counts.Count}.", nameof(documents));
        var small = counts.Where(kv => kv.Value < 2).Select(kv => kv.Key).ToList();
        if (small.Count > 0)
            throw new ArgumentException($"Every type needs at least two documents (one for validation); too few: {string.Join(", ", small)}.", nameof(documents));

        // Class order: the built-in order first, then any new types alphabetically, so indices are stable.
        var classes = DocumentType.BuiltIn.Select(t => t.Label).Where(counts.ContainsKey)
            .Concat(counts.Keys.Where(k => DocumentType.BuiltIn.All(t => t.Label != k)).Order(StringComparer.Ordinal))
            .ToArray();
        var index = classes.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
        var rows = documents.Select(d => new LabelledRow(DocumentFeatures.Extract(d.Vision), index[d.Label.Label])).ToList();

        var outcome = BoostingTrainer.Train(rows, classes.Length, DocumentFeatures.FeatureCount, options);
        using var model = outcome.Model;
        var labels = outcome.Validation.Select(r => r.Label).ToList();
        var temperature = TemperatureScaling.Fit(outcome.ValidationProbabilities, labels);
        var predicted = outcome.ValidationProbabilities.Select(p => classes[Array.IndexOf(p, p.Max())]).ToList();
        var metrics = ClassificationMetrics.Compute(labels.Select(l => classes[l]).ToList(), predicted, classes);

        var created = DateTimeOffset.UtcNow;
        var card = new ModelCard
        {
            Version = $"doc-classifier-{created:yyyyMMdd-HHmmss}-s{options.Seed}",
            CreatedUtc = created,
            FeatureSpecVersion = DocumentFeatures.SpecVersion,
            FeatureCount = DocumentFeatures.FeatureCount,
            Classes = classes,
            Temperature = Math.Round(temperature, 4),
            ConfidenceThreshold = DefaultConfidenceThreshold,
            Library = $"xgboost {NativeBooster.LibraryVersion}",
            Parameters = options.CardParameters(),
            TrainingData = new TrainingDataSummary
            {
                Sha256 = DataHash(documents),
                Documents = documents.Count,
                ClassCounts = new SortedDictionary<string, int>(counts, StringComparer.Ordinal),
                OcrVersion = ocrVersion,
                Source = source,
            },
            Validation = ValidationSummary.Of(outcome, metrics, TemperatureScaling.LogLoss(outcome.ValidationProbabilities, labels, temperature)),
        };

        Directory.CreateDirectory(outputDirectory);
        model.Save(Path.Combine(outputDirectory, DocumentClassifier.ModelFileName));
        card.Save(Path.Combine(outputDirectory, DocumentClassifier.CardFileName));
        return card;
    }

    /// <summary>SHA-256 over the sorted "sha256 label" lines: the same documents give the same hash in any order.</summary>
    public static string DataHash(IEnumerable<TrainingDocument> documents) =>
        DataHash(documents.Select(d => (d.Sha256, d.Label.Label)));

    /// <summary>SHA-256 over the sorted "imageSha256 label" lines: the same for the same labelled images in any order
    /// (the model cards' <c>trainingData.sha256</c>, shared by every model trained here).</summary>
    public static string DataHash(IEnumerable<(string Sha256, string Label)> samples)
    {
        var lines = samples.Select(s => $"{s.Sha256} {s.Label}").Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))));
    }
}
