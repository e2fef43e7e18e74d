using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Classification;

namespace ClaimVision.Intelligence.Tests;

/// <summary>The committed default model must load with this build's feature spec (a spec bump without retraining fails here).</summary>
public sealed class DefaultModelTests
{
    private static string ModelDirectory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "models", "doc-classifier");
            if (File.Exists(Path.Combine(candidate, DocumentClassifier.CardFileName))) return candidate;
        }
        throw new DirectoryNotFoundException("models/doc-classifier not found above the test binaries.");
    }

    [Fact]
    public void The_committed_model_loads_knows_every_built_in_type_and_refuses_empty_pages()
    {
        using var classifier = DocumentClassifier.Load(ModelDirectory());
        Assert.Equal(DocumentType.BuiltIn.Select(t => t.Label), classifier.Card.Classes);
        Assert.True(classifier.Card.TrainingData.Documents > 0);
        Assert.Equal(64, classifier.Card.TrainingData.Sha256.Length);
        var empty = classifier.Classify(Pages.Vision(""));
        Assert.Equal(DocumentType.Other, empty.Label);
        Assert.True(empty.Confidence < classifier.Card.ConfidenceThreshold);
        var foreign = classifier.Classify(Pages.Vision("Zebra xylophone umbrella quartz sprocket flange torque"));
        Assert.True(foreign.Confidence < classifier.Card.ConfidenceThreshold, $"{foreign.Label} {foreign.Confidence}");
    }
}
