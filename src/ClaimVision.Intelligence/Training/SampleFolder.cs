using System.Text.Json;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Training;

/// <summary>One image in a sample folder, with its document type when the folder has ground truth.</summary>
public sealed record SampleImage(string Path, DocumentType? Label);

/// <summary>
/// Finds the images of a sample folder. A folder written by <c>claimvision samples generate</c> has one
/// ground-truth JSON per image (<c>{"image": "x.jpg", "type": "inpatient-invoice", …}</c>); only those two
/// members are read here, so this does not depend on the generator's code. A plain folder of images
/// (no ground truth) yields unlabelled samples. OCR caches (*.ocr.json) are never taken for ground truth.
/// </summary>
public static class SampleFolder
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".tif", ".tiff"];

    public static IReadOnlyList<SampleImage> Read(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"Sample folder '{directory}' does not exist.");
        var labelled = new Dictionary<string, SampleImage>(StringComparer.Ordinal);
        foreach (var json in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            if (json.EndsWith(OcrCache.Suffix, StringComparison.Ordinal)) continue;
            if (TryReadTruth(json) is { } sample) labelled[sample.Path] = sample;
        }
        var images = Directory.EnumerateFiles(directory)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToList();
        return images.Select(i => labelled.TryGetValue(Path.GetFullPath(i), out var s) ? s : new SampleImage(Path.GetFullPath(i), null)).ToList();
    }

    private static SampleImage? TryReadTruth(string jsonPath)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(jsonPath));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("image", out var image) || image.ValueKind != JsonValueKind.String)
                return null;
            var imagePath = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(jsonPath)!, image.GetString()!));
            return string.IsNullOrWhiteSpace(type.GetString()) ? null : new SampleImage(imagePath, new DocumentType(type.GetString()!));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Ground truth '{jsonPath}' is not valid JSON: {e.Message}", e);
        }
    }
}
