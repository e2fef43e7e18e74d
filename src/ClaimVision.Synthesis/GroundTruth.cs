using System.Text.Json;
using System.Text.Json.Serialization;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Synthesis;

/// <summary>
/// The label of one generated image, stored as <c>&lt;id&gt;.json</c> beside <c>&lt;id&gt;.jpg</c> (or <c>.png</c>
/// for clean renders). Every box is in pixels of the final image file, after rotation and perspective.
/// </summary>
public sealed record GroundTruth
{
    /// <summary>File stem shared by the image and this JSON, e.g. <c>000042-inpatient-invoice-zh</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Image file name relative to the JSON, e.g. <c>000042-inpatient-invoice-zh.jpg</c>.</summary>
    public required string Image { get; init; }
    public required DocumentType Type { get; init; }
    /// <summary><c>zh</c> or <c>en</c>.</summary>
    public required string Language { get; init; }
    /// <summary>The per-document seed: rendering this case, type and language with it gives the same bytes.</summary>
    public required int Seed { get; init; }
    /// <summary>All documents of one claim share a case id and agree with each other (unless edited, see <see cref="Edits"/>).</summary>
    public required string CaseId { get; init; }
    /// <summary>Layout variant the renderer used, e.g. <c>inpatient-invoice/zh/2</c>.</summary>
    public required string Template { get; init; }
    public required int Width { get; init; }
    public required int Height { get; init; }
    /// <summary>Canonical field name (<see cref="FieldNames"/>) → value as printed, normalised value and box.</summary>
    public IReadOnlyDictionary<string, GroundTruthField> Fields { get; init; } = new Dictionary<string, GroundTruthField>();
    public IReadOnlyList<GroundTruthLineItem> LineItems { get; init; } = [];
    public DegradationRecord Degradation { get; init; } = DegradationRecord.None;
    /// <summary>Deliberate inconsistencies applied to the case before rendering (empty for a coherent claim).</summary>
    public IReadOnlyList<string> Edits { get; init; } = [];

    public GroundTruthField? Field(string name) => Fields.TryGetValue(name, out var f) ? f : null;
}

/// <summary>One labelled field. <see cref="Normalized"/>: ISO 8601 date (<c>2024-03-05</c>), invariant decimal
/// (<c>1234.56</c>), upper-case ID, ISO 4217 currency code, ICD-10 code; otherwise the printed text trimmed.</summary>
public sealed record GroundTruthField(string Value, string Normalized, BoundingBox Box);

/// <summary>One printed row of an itemised bill. Numbers are the values printed (invariant decimals);
/// <see cref="Category"/> is 甲/乙/丙 on Chinese bills, a CPT/revenue code or null on English ones.</summary>
public sealed record GroundTruthLineItem
{
    public required string Description { get; init; }
    public decimal? Quantity { get; init; }
    public decimal? UnitPrice { get; init; }
    public required decimal Amount { get; init; }
    public string? Category { get; init; }
    /// <summary>The whole row.</summary>
    public required BoundingBox Box { get; init; }
}

/// <summary>How the clean render was turned into a phone photo. All zero (and quadrants 0) for a clean render.</summary>
public sealed record DegradationRecord
{
    /// <summary>The --severity the strengths below were drawn under, 0–1.</summary>
    public double Severity { get; init; }
    /// <summary>Quarter turns clockwise applied (0–3): the page as a photo taken sideways or upside down.</summary>
    public int QuarterTurns { get; init; }
    /// <summary>Small skew in degrees, positive clockwise.</summary>
    public double Rotation { get; init; }
    /// <summary>Largest corner displacement of the perspective warp, as a fraction of the shorter side.</summary>
    public double Perspective { get; init; }
    /// <summary>Box-blur half-width in pixels (0 = none).</summary>
    public int Blur { get; init; }
    /// <summary>Standard deviation of additive Gaussian noise, in 8-bit grey levels.</summary>
    public double Noise { get; init; }
    /// <summary>Depth of the uneven-light gradient: the darkest corner is multiplied by 1 − this.</summary>
    public double Lighting { get; init; }
    /// <summary>JPEG quality (1–100) of the stored file, or null for PNG.</summary>
    public int? JpegQuality { get; init; }

    public static DegradationRecord None { get; } = new();
}

/// <summary>One line of <c>index.jsonl</c> in a sample folder: enough to pick files without opening every JSON.</summary>
public sealed record GroundTruthIndexEntry(string Id, string Image, string Truth, DocumentType Type, string Language, string CaseId);

/// <summary>Reads and writes ground truth in the one JSON dialect every tool shares (camelCase, ISO dates as strings).</summary>
public static class GroundTruthJson
{
    public const string IndexFileName = "index.jsonl";

    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static JsonSerializerOptions LineOptions { get; } = new(Options) { WriteIndented = false };

    public static string Serialize(GroundTruth truth) => JsonSerializer.Serialize(truth, Options);

    public static string SerializeIndexLine(GroundTruthIndexEntry entry) => JsonSerializer.Serialize(entry, LineOptions);

    /// <summary>Parses one ground-truth JSON; <paramref name="source"/> names the file in the error.</summary>
    public static GroundTruth Deserialize(string json, string source)
    {
        try
        {
            return JsonSerializer.Deserialize<GroundTruth>(json, Options)
                   ?? throw new InvalidDataException($"{source}: ground truth is empty (JSON null).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a valid ground-truth JSON ({e.Message}).", e);
        }
    }

    /// <summary>Loads every sample listed in <c>DIR/index.jsonl</c>: the full image path and its ground truth.</summary>
    public static IReadOnlyList<(string ImagePath, GroundTruth Truth)> LoadFolder(string directory)
    {
        var index = Path.Combine(directory, IndexFileName);
        if (!File.Exists(index))
            throw new FileNotFoundException($"{directory}: no {IndexFileName}; is this a folder written by 'claimvision samples generate'?", index);
        var result = new List<(string, GroundTruth)>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(index))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            GroundTruthIndexEntry entry;
            try
            {
                entry = JsonSerializer.Deserialize<GroundTruthIndexEntry>(line, LineOptions)
                        ?? throw new InvalidDataException($"{index}:{lineNumber}: empty entry.");
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{index}:{lineNumber}: not a valid index entry ({e.Message}).", e);
            }
            var truthPath = Path.Combine(directory, entry.Truth);
            if (!File.Exists(truthPath))
                throw new FileNotFoundException($"{index}:{lineNumber}: ground truth {entry.Truth} is missing.", truthPath);
            result.Add((Path.Combine(directory, entry.Image), Deserialize(File.ReadAllText(truthPath), truthPath)));
        }
        return result;
    }
}
