using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Evaluation;

/// <summary>Scores field extraction on SROIE receipts (read as the <c>other</c> type) the way the challenge does:
/// a field counts only when the whole value matches.</summary>
public static class SroieEvaluation
{
    public static FieldScores Score(IEnumerable<SroieSample> samples, IFieldExtractor extractor, TextMatch mode)
    {
        var scores = new FieldScores();
        foreach (var s in samples)
        {
            var result = extractor.Extract(DocumentType.Other, new VisionResult([s.Page], []));
            foreach (var (key, field) in SroieDataset.KeyToField)
            {
                var truth = s.Keys.GetValueOrDefault(key);
                var expected = !string.IsNullOrWhiteSpace(truth);
                var predicted = result.Fields.TryGetValue(field, out var f);
                scores.Add(field, expected, predicted, expected && predicted && FieldMatcher.Matches(field, truth!, f!, mode));
            }
        }
        return scores;
    }
}
