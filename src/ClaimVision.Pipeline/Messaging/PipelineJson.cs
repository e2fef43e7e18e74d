using System.Text.Json;

namespace ClaimVision.Pipeline.Messaging;

/// <summary>The one JSON shape the pipeline writes reports in (camelCase, as `claimvision analyze` prints them).</summary>
public static class PipelineJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>Where a document's analysis report is stored: one key per document, so a redelivery overwrites rather than adds.</summary>
    public static string ReportKey(string documentId) => $"reports/{documentId}.json";
}
