using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimVision.Intelligence;

/// <summary>The one JSON form of a <see cref="DocumentReport"/>: camelCase, absent parts left out, Chinese kept readable.</summary>
public static class DocumentReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // Reports are files for people and the pipeline, not HTML: write 合计 rather than \u5408\u8BA1.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The same without indentation: one report per line (JSON Lines).</summary>
    public static JsonSerializerOptions CompactOptions { get; } = new(Options) { WriteIndented = false };

    public static string Serialize(DocumentReport report) => JsonSerializer.Serialize(report, Options);

    public static DocumentReport? Deserialize(string json) => JsonSerializer.Deserialize<DocumentReport>(json, Options);
}
