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
    internal static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".tif", ".tiff"];

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

    /// <summary>The labelled images of several folders, for training on generated and real samples together. A folder
    /// given twice (its documents would count double) or holding no labelled image (a wrong path, or images never
    /// labelled) is an error naming it.</summary>
    public static IReadOnlyList<SampleImage> ReadLabelled(IReadOnlyList<string> directories)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var all = new List<SampleImage>();
        foreach (var directory in directories)
        {
            if (!seen.Add(Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar)))
                throw new InvalidDataException($"Sample folder '{directory}' is given twice; its documents would count double.");
            var labelled = Read(directory).Where(s => s.Label is not null).ToList();
            if (labelled.Count == 0)
                throw new InvalidDataException($"Sample folder '{directory}' has no labelled images (ground-truth JSON with \"image\" and \"type\"; `claimvision samples label` writes it for real images).");
            all.AddRange(labelled);
        }
        return all;
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
