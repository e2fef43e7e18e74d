namespace ClaimVision.Intelligence.Evaluation;

/// <summary>Counts for one field: how many values were expected, predicted, and predicted right.</summary>
public sealed record FieldCount(string Field, int Expected, int Predicted, int Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Expected == 0 ? 0 : (double)Correct / Expected;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Per-field and overall (micro-averaged over every field of every document) precision, recall and F1:
/// a field counts only when its whole value matches.</summary>
public sealed class FieldScores
{
    private readonly SortedDictionary<string, (int Expected, int Predicted, int Correct)> _counts = new(StringComparer.Ordinal);

    /// <summary>Records one field of one document. A missing prediction is a miss; a prediction with no truth is a false positive.</summary>
    public void Add(string field, bool expected, bool predicted, bool correct)
    {
        var c = _counts.GetValueOrDefault(field);
        _counts[field] = (c.Expected + (expected ? 1 : 0), c.Predicted + (predicted ? 1 : 0), c.Correct + (correct && expected && predicted ? 1 : 0));
    }

    public IReadOnlyList<FieldCount> Fields => [.. _counts.Select(kv => new FieldCount(kv.Key, kv.Value.Expected, kv.Value.Predicted, kv.Value.Correct))];

    public FieldCount Overall => new("overall", _counts.Values.Sum(c => c.Expected), _counts.Values.Sum(c => c.Predicted), _counts.Values.Sum(c => c.Correct));
}
