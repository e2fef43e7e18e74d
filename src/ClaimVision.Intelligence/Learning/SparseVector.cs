namespace ClaimVision.Intelligence.Learning;

/// <summary>
/// A feature row: strictly increasing column indices and their values. A column that is absent is
/// "missing" to the tree learner (not zero), so producers must write the same columns at training and
/// prediction time.
/// </summary>
public sealed class SparseVector
{
    public SparseVector(int[] indices, float[] values)
    {
        if (indices.Length != values.Length)
            throw new ArgumentException($"{indices.Length} indices but {values.Length} values.", nameof(values));
        for (var i = 1; i < indices.Length; i++)
            if (indices[i] <= indices[i - 1])
                throw new ArgumentException($"Indices must be strictly increasing (position {i}: {indices[i - 1]} then {indices[i]}).", nameof(indices));
        if (indices.Length > 0 && indices[0] < 0)
            throw new ArgumentException("Indices must be non-negative.", nameof(indices));
        Indices = indices;
        Values = values;
    }

    public int[] Indices { get; }
    public float[] Values { get; }
    public int Count => Indices.Length;

    /// <summary>The value of a column, or null when the column is absent.</summary>
    public float? this[int column]
    {
        get
        {
            var i = Array.BinarySearch(Indices, column);
            return i >= 0 ? Values[i] : null;
        }
    }
}
