using System.Globalization;
using System.Runtime.InteropServices;
using ClaimVision.Intelligence.Interop;

namespace ClaimVision.Intelligence.Learning;

/// <summary>
/// A trained multi-class XGBoost model (multi:softprob) over a sparse feature space.
/// <para>The booster sees only the columns that occurred in its training data, renumbered 0..k-1
/// (<see cref="ColumnMap"/>). With 2^18 hashed buckets XGBoost's per-tree cost grows with the declared
/// column count: a 120-document toy set took 55 s for 71 rounds over the full space. A column absent from
/// all training rows can never be split on, so dropping it changes no prediction.</para>
/// <para>Prediction is thread-safe: calls are serialised on the booster, whose output buffers are only
/// valid until its next call (a prediction is well under a millisecond next to seconds of OCR).</para>
/// </summary>
public sealed class GradientBoostedModel : IDisposable
{
    internal const string ClassCountAttribute = "claimvision_class_count";
    internal const string FeatureCountAttribute = "claimvision_feature_count";
    internal const string ColumnsAttribute = "claimvision_columns";

    private readonly NativeBooster _booster;
    private readonly Lock _gate = new();
    private readonly int[] _columns;

    internal GradientBoostedModel(NativeBooster booster, int classCount, int featureCount, int[] columns)
    {
        _booster = booster;
        ClassCount = classCount;
        FeatureCount = featureCount;
        _columns = columns;
    }

    public int ClassCount { get; }
    /// <summary>Size of the feature space rows are written in.</summary>
    public int FeatureCount { get; }
    /// <summary>The feature-space columns the model was trained on, ascending; position = booster column.</summary>
    public IReadOnlyList<int> ColumnMap => _columns;

    public bool HasColumn(int column) => Array.BinarySearch(_columns, column) >= 0;

    public int Rounds
    {
        get { lock (_gate) return _booster.BoostedRounds; }
    }

    /// <summary>Class probabilities for one row.</summary>
    public float[] Predict(SparseVector row) => Predict([row])[0];

    /// <summary>Class probabilities for each row.</summary>
    public float[][] Predict(IReadOnlyList<SparseVector> rows)
    {
        var compact = rows.Select(r => Compact(r, _columns)).ToList();
        float[] flat;
        lock (_gate)
        {
            using var matrix = NativeDMatrix.Create(compact, _columns.Length);
            flat = _booster.Predict(matrix);
        }
        if (flat.Length != rows.Count * ClassCount)
            throw new InvalidOperationException($"The model returned {flat.Length} values for {rows.Count} rows of {ClassCount} classes.");
        return Enumerable.Range(0, rows.Count).Select(r => flat.AsSpan(r * ClassCount, ClassCount).ToArray()).ToArray();
    }

    /// <summary>
    /// Why the model scores one row as it does: for each class, how far each feature-space column moved that class's
    /// margin (XGBoost's TreeSHAP values), and the bias every row starts from. A column the row lacks can carry weight
    /// too (the trees' missing-value branches). Only non-zero contributions are kept. Bias plus contributions is the
    /// margin; softmax over the margins gives <see cref="Predict(SparseVector)"/>.
    /// </summary>
    public IReadOnlyList<ClassContributions> Contributions(SparseVector row)
    {
        var compact = Compact(row, _columns);
        float[] flat;
        lock (_gate)
        {
            using var matrix = NativeDMatrix.Create([compact], _columns.Length);
            flat = _booster.PredictContributions(matrix);
        }
        var width = _columns.Length + 1;
        if (flat.Length != ClassCount * width)
            throw new InvalidOperationException($"The model returned {flat.Length} contributions for {ClassCount} classes of {width} values.");
        return Enumerable.Range(0, ClassCount).Select(c =>
        {
            var values = flat.AsSpan(c * width, width);
            var byColumn = new SortedDictionary<int, double>();
            for (var i = 0; i < _columns.Length; i++)
                if (values[i] != 0) byColumn[_columns[i]] = values[i];
            return new ClassContributions(values[^1], byColumn);
        }).ToArray();
    }

    /// <summary>The row renumbered onto <paramref name="columns"/>, dropping columns outside it.</summary>
    internal static SparseVector Compact(SparseVector row, int[] columns)
    {
        var indices = new List<int>(row.Count);
        var values = new List<float>(row.Count);
        for (var i = 0; i < row.Count; i++)
        {
            var at = Array.BinarySearch(columns, row.Indices[i]);
            if (at < 0) continue;
            indices.Add(at);
            values.Add(row.Values[i]);
        }
        return new SparseVector([.. indices], [.. values]);
    }

    /// <summary>The model as XGBoost JSON (the file format XGBoost itself reads, in any of its bindings).</summary>
    public byte[] ToJson()
    {
        lock (_gate) return _booster.SaveJson();
    }

    public void Save(string path) => File.WriteAllBytes(path, ToJson());

    /// <summary>Reads a model written by <see cref="ToJson"/>; class count, feature count and column map are attributes inside it.</summary>
    public static GradientBoostedModel Load(ReadOnlySpan<byte> json)
    {
        var booster = NativeBooster.Load(json);
        try
        {
            var classes = ReadIntAttribute(booster, ClassCountAttribute);
            var features = ReadIntAttribute(booster, FeatureCountAttribute);
            var columns = DecodeColumns(booster.GetAttribute(ColumnsAttribute)
                ?? throw new InvalidDataException($"The model lacks the '{ColumnsAttribute}' attribute; it was not written by ClaimVision's trainer."));
            booster.SetParameter("nthread", "1");
            return new GradientBoostedModel(booster, classes, features, columns);
        }
        catch
        {
            booster.Dispose();
            throw;
        }
    }

    public static GradientBoostedModel Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        try
        {
            return Load(File.ReadAllBytes(path));
        }
        catch (XGBoostException e)
        {
            throw new InvalidDataException($"'{path}' is not an XGBoost model: {e.Message}", e);
        }
    }

    /// <summary>Writes the attributes <see cref="Load(ReadOnlySpan{byte})"/> needs into a freshly trained booster.</summary>
    internal static GradientBoostedModel FromTrained(NativeBooster booster, int classCount, int featureCount, int[] columns)
    {
        booster.SetParameter("nthread", "1");
        booster.SetAttribute(ClassCountAttribute, classCount.ToString(CultureInfo.InvariantCulture));
        booster.SetAttribute(FeatureCountAttribute, featureCount.ToString(CultureInfo.InvariantCulture));
        booster.SetAttribute(ColumnsAttribute, EncodeColumns(columns));
        return new GradientBoostedModel(booster, classCount, featureCount, columns);
    }

    // Ascending ints, stored as base64 of little-endian int32 deltas (small, and JSON-safe).
    private static string EncodeColumns(int[] columns)
    {
        var deltas = new int[columns.Length];
        for (var i = 0; i < columns.Length; i++) deltas[i] = i == 0 ? columns[0] : columns[i] - columns[i - 1];
        return Convert.ToBase64String(MemoryMarshal.AsBytes(deltas.AsSpan()));
    }

    private static int[] DecodeColumns(string base64)
    {
        var columns = MemoryMarshal.Cast<byte, int>(Convert.FromBase64String(base64)).ToArray();
        for (var i = 1; i < columns.Length; i++) columns[i] += columns[i - 1];
        return columns;
    }

    private static int ReadIntAttribute(NativeBooster booster, string key) =>
        int.TryParse(booster.GetAttribute(key), CultureInfo.InvariantCulture, out var v) && v > 0
            ? v
            : throw new InvalidDataException($"The model lacks the '{key}' attribute; it was not written by ClaimVision's trainer.");

    public void Dispose() => _booster.Dispose();
}

/// <summary>One class's share of <see cref="GradientBoostedModel.Contributions"/>: the bias and each feature-space column's contribution.</summary>
public sealed record ClassContributions(double Bias, IReadOnlyDictionary<int, double> ByColumn)
{
    /// <summary>The class's margin: what softmax turns into its probability.</summary>
    public double Margin => Bias + ByColumn.Values.Sum();
}
