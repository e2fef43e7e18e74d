using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Evaluation;

/// <summary>Scores field extraction on SROIE receipts (read as the <c>other</c> type, or the type a classifier chose:
/// <see cref="SroieSample.Type"/>) the way the challenge does: a field counts only when the whole value matches.</summary>
public static class SroieEvaluation
{
    /// <param name="onMiss">Called for every field that was expected and not matched: sample id, field, truth, prediction.</param>
    public static FieldScores Score(IEnumerable<SroieSample> samples, IFieldExtractor extractor, TextMatch mode, Action<string, string, string, string?>? onMiss = null)
    {
        var scores = new FieldScores();
        foreach (var s in samples)
        {
            var result = extractor.Extract(s.Type, new VisionResult([s.Page], []));
            foreach (var (key, field) in SroieDataset.KeyToField)
            {
                var truth = s.Keys.GetValueOrDefault(key);
                var expected = !string.IsNullOrWhiteSpace(truth);
                var predicted = result.Fields.TryGetValue(field, out var f);
                var correct = expected && predicted && FieldMatcher.Matches(field, truth!, f!, mode);
                scores.Add(field, expected, predicted, correct);
                if (expected && !correct) onMiss?.Invoke(s.Id, field, truth!, predicted ? f!.Value : null);
            }
        }
        return scores;
    }
}
