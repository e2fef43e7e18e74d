namespace ClaimVision.Intelligence.Evaluation;

/// <summary>Precision, recall and F1 of one class.</summary>
public sealed record ClassScore(string Label, int Support, double Precision, double Recall, double F1);

/// <summary>
/// Scores of a classifier on labelled documents. <see cref="Confusion"/>[actual][predicted] counts
/// documents, in the order of <see cref="Labels"/>.
/// </summary>
public sealed record ClassificationMetrics(
    IReadOnlyList<string> Labels,
    IReadOnlyList<ClassScore> PerClass,
    double MacroF1,
    double Accuracy,
    int[][] Confusion)
{
    /// <summary>
    /// Scores predicted against actual labels. Classes are those that occur in either list (plus
    /// <paramref name="knownLabels"/>, in their order first); macro-F1 averages over classes with support,
    /// so a class absent from the test set does not count as a zero.
    /// </summary>
    public static ClassificationMetrics Compute(IReadOnlyList<string> actual, IReadOnlyList<string> predicted, IEnumerable<string>? knownLabels = null)
    {
        if (actual.Count != predicted.Count)
            throw new ArgumentException($"{actual.Count} actual labels but {predicted.Count} predictions.", nameof(predicted));
        var labels = (knownLabels ?? []).Concat(actual).Concat(predicted).Distinct(StringComparer.Ordinal).ToList();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var confusion = labels.Select(_ => new int[labels.Count]).ToArray();
        for (var i = 0; i < actual.Count; i++) confusion[index[actual[i]]][index[predicted[i]]]++;

        var scores = new List<ClassScore>();
        for (var c = 0; c < labels.Count; c++)
        {
            var tp = confusion[c][c];
            var support = confusion[c].Sum();
            var predictedAs = confusion.Sum(row => row[c]);
            var precision = predictedAs == 0 ? 0 : (double)tp / predictedAs;
            var recall = support == 0 ? 0 : (double)tp / support;
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            scores.Add(new ClassScore(labels[c], support, precision, recall, f1));
        }
        var withSupport = scores.Where(s => s.Support > 0).ToList();
        var macro = withSupport.Count == 0 ? 0 : withSupport.Average(s => s.F1);
        var accuracy = actual.Count == 0 ? 0 : (double)Enumerable.Range(0, labels.Count).Sum(c => confusion[c][c]) / actual.Count;
        return new ClassificationMetrics(labels, scores, macro, accuracy, confusion);
    }
}
