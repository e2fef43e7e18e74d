using ClaimVision.Intelligence.Interop;

namespace ClaimVision.Intelligence.Learning;

/// <summary>
/// A trained multi-class XGBoost model (multi:softprob). Prediction is thread-safe: calls are serialised
/// on the booster, whose output buffers are only valid until its next call (a prediction takes well
/// under a millisecond next to seconds of OCR, so one lock costs nothing measurable).
/// </summary>
public sealed class GradientBoostedModel : IDisposable
{
    private readonly NativeBooster _booster;
    private readonly Lock _gate = new();

    internal GradientBoostedModel(NativeBooster booster, int classCount, int featureCount)
    {
        _booster = booster;
        ClassCount = classCount;
        FeatureCount = featureCount;
    }

    public int ClassCount { get; }
    public int FeatureCount { get; }

    public int Rounds
    {
        get { lock (_gate) return _booster.BoostedRounds; }
    }

    /// <summary>Class probabilities for one row.</summary>
    public float[] Predict(SparseVector row) => Predict([row])[0];

    /// <summary>Class probabilities for each row.</summary>
    public float[][] Predict(IReadOnlyList<SparseVector> rows)
    {
        float[] flat;
        lock (_gate)
        {
            using var matrix = NativeDMatrix.Create(rows, FeatureCount);
            flat = _booster.Predict(matrix);
        }
        if (flat.Length != rows.Count * ClassCount)
            throw new InvalidOperationException($"The model returned {flat.Length} values for {rows.Count} rows of {ClassCount} classes.");
        return Enumerable.Range(0, rows.Count).Select(r => flat.AsSpan(r * ClassCount, ClassCount).ToArray()).ToArray();
    }

    /// <summary>The model as XGBoost JSON (the file format XGBoost itself reads, in any of its bindings).</summary>
    public byte[] ToJson()
    {
        lock (_gate) return _booster.SaveJson();
    }

    public void Save(string path) => File.WriteAllBytes(path, ToJson());

    /// <summary>Reads a model written by <see cref="ToJson"/>; the class and feature counts are stored in it as attributes.</summary>
    public static GradientBoostedModel Load(ReadOnlySpan<byte> json)
    {
        var booster = NativeBooster.Load(json);
        try
        {
            var classes = ReadIntAttribute(booster, ClassCountAttribute);
            var features = ReadIntAttribute(booster, FeatureCountAttribute);
            booster.SetParameter("nthread", "1");
            return new GradientBoostedModel(booster, classes, features);
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

    /// <summary>A free-form string stored inside the model file.</summary>
    public string? GetAttribute(string key)
    {
        lock (_gate) return _booster.GetAttribute(key);
    }

    /// <summary>Stores a string inside the model file (saved with it).</summary>
    internal void SetAttribute(string key, string value)
    {
        lock (_gate) _booster.SetAttribute(key, value);
    }

    internal const string ClassCountAttribute = "claimvision_class_count";
    internal const string FeatureCountAttribute = "claimvision_feature_count";

    private static int ReadIntAttribute(NativeBooster booster, string key) =>
        int.TryParse(booster.GetAttribute(key), out var v) && v > 0
            ? v
            : throw new InvalidDataException($"The model lacks the '{key}' attribute; it was not written by ClaimVision's trainer.");

    public void Dispose() => _booster.Dispose();
}
