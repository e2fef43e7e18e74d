using System.Text.Json;
using ClaimVision.Intelligence.Classification;
using ClaimVision.Vision.Imaging;

namespace ClaimVision.Intelligence.Script;

/// <summary>
/// The range of every feature over the Han pages the script guess was trained on (0.5th to 99.5th percentile), written
/// beside the model as envelope.json. Trees extrapolate: scanned English receipts, unlike any training page, got Han
/// probabilities of 0.99 (27 % of the SROIE receipts at 0.95); outside this range the guess does not vouch for Han.
/// </summary>
public sealed record ScriptEnvelope(IReadOnlyList<string> Names, IReadOnlyList<float> Low, IReadOnlyList<float> High)
{
    public const string FileName = "envelope.json";
    /// <summary>Share of the Han training pages left outside at each end of a feature's range.</summary>
    public const double Tail = 0.005;

    public bool Contains(ScriptFeatures features)
    {
        for (var i = 0; i < Low.Count; i++)
            if (features.Values[i] < Low[i] || features.Values[i] > High[i]) return false;
        return true;
    }

    /// <summary>The range of the features of <paramref name="pages"/>, <see cref="Tail"/> cut off at each end.</summary>
    public static ScriptEnvelope Of(IReadOnlyList<ScriptFeatures> pages)
    {
        if (pages.Count == 0) throw new ArgumentException("An envelope needs at least one page.", nameof(pages));
        var low = new float[ScriptFeatures.Names.Count];
        var high = new float[ScriptFeatures.Names.Count];
        for (var i = 0; i < low.Length; i++)
        {
            var values = pages.Select(p => p.Values[i]).Order().ToArray();
            low[i] = values[(int)(Tail * (values.Length - 1))];
            high[i] = values[(int)Math.Ceiling((1 - Tail) * (values.Length - 1))];
        }
        return new ScriptEnvelope(ScriptFeatures.Names, low, high);
    }

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, ModelCard.Json));

    /// <exception cref="InvalidDataException">The file is missing, not valid, or for other features than this build computes.</exception>
    public static ScriptEnvelope Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"Script envelope '{path}' does not exist.");
        ScriptEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize<ScriptEnvelope>(File.ReadAllText(path), ModelCard.Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Script envelope '{path}' is not valid: {e.Message}", e);
        }
        if (envelope is null || !envelope.Names.SequenceEqual(ScriptFeatures.Names) || envelope.Low.Count != envelope.Names.Count || envelope.High.Count != envelope.Names.Count)
            throw new InvalidDataException($"Script envelope '{path}' is not for this build's features ({string.Join(", ", ScriptFeatures.Names)}): retrain.");
        return envelope;
    }
}
