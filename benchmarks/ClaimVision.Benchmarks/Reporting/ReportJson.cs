using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClaimVision.Benchmarks.Reporting;

/// <summary>The report's one JSON shape: camelCase, indented, enums as strings.</summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(BenchReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Writes <c>bench.json</c> and <c>bench.svg</c> into <paramref name="directory"/> (created if missing); returns their paths.</summary>
    public static (string Json, string Svg) Write(BenchReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, "bench.json");
        var svg = Path.Combine(directory, "bench.svg");
        File.WriteAllText(json, Serialize(report));
        File.WriteAllText(svg, SvgChart.Render(report));
        return (json, svg);
    }
}
