using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Training;

/// <summary>What labelling did to one image.</summary>
/// <param name="Image">The image's path in the labelled folder.</param>
/// <param name="Previous">The type it was labelled with before, when it was already in the folder.</param>
/// <param name="Copied">False when the folder already held the same image under this name.</param>
public sealed record LabelledImage(string Image, DocumentType? Previous, bool Copied);

/// <summary>
/// Turns real images into training samples: copies each into a sample folder and writes the ground truth
/// <see cref="SampleFolder"/> reads (<c>{"image": "x.jpg", "type": "other", "source": …}</c>), so real documents
/// (receipts a model gets wrong, a new kind of paperwork) join generated ones in <c>train --samples</c> and
/// <c>evaluate classifier --samples</c>. Labels only the document type: fields are not labelled, so a labelled folder
/// trains and scores the classifier, not the extractors. Labelling an image again replaces its label.
/// </summary>
public static partial class SampleLabeller
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    /// <summary>Copies every image into <paramref name="folder"/> (named <paramref name="prefix"/> + its file name) and
    /// labels it <paramref name="type"/>. Checks every image before writing anything, so a bad argument leaves the
    /// folder as it was.</summary>
    /// <exception cref="ArgumentException">The type is not a kebab-case label.</exception>
    /// <exception cref="FileNotFoundException">An image does not exist.</exception>
    /// <exception cref="InvalidDataException">A file is not an image, two images would get one name, or the folder
    /// already holds a different image under that name.</exception>
    public static IReadOnlyList<LabelledImage> Label(IReadOnlyList<string> images, DocumentType type, string folder, string prefix = "")
    {
        if (!KebabCase().IsMatch(type.Label))
            throw new ArgumentException($"'{type.Label}' is not a document type label (lower-case words joined by '-', like pharmacy-receipt).");
        if (prefix.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || prefix.Contains('.'))
            throw new ArgumentException($"The prefix '{prefix}' cannot start a file name (no path separators or dots).");

        var plan = new List<(string Source, string Target, string TruthPath, bool Copy, DocumentType? Previous)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in images)
        {
            if (!File.Exists(source)) throw new FileNotFoundException($"Image '{source}' does not exist.", source);
            if (!SampleFolder.ImageExtensions.Contains(Path.GetExtension(source).ToLowerInvariant()))
                throw new InvalidDataException($"'{source}' is not an image a sample folder holds (.jpg, .jpeg, .png, .tif, .tiff).");
            var name = prefix + Path.GetFileName(source);
            if (!names.Add(Path.GetFileNameWithoutExtension(name)))
                throw new InvalidDataException($"Two images would both be labelled as '{Path.GetFileNameWithoutExtension(name)}' ('{source}' is the second); give them different names or label them with different --prefix values.");
            var target = Path.Combine(folder, name);
            var copy = true;
            if (File.Exists(target))
            {
                if (!SameBytes(source, target))
                    throw new InvalidDataException($"'{folder}' already holds a different image named '{name}' (not '{source}'); label it with a --prefix.");
                copy = false;
            }
            var truthPath = Path.ChangeExtension(target, ".json");
            DocumentType? previous = null;
            if (File.Exists(truthPath) && !WrittenByLabelFor(truthPath, name, out previous))
                throw new InvalidDataException($"'{truthPath}' is ground truth this command did not write for '{name}' (another image's, or generated with fields); labelling '{name}' would replace it.");
            plan.Add((Path.GetFullPath(source), target, truthPath, copy, previous));
        }

        Directory.CreateDirectory(folder);
        var done = new List<LabelledImage>(plan.Count);
        foreach (var (source, target, truthPath, copy, previous) in plan)
        {
            if (copy) File.Copy(source, target, overwrite: false);
            var truth = new Dictionary<string, string>
            {
                ["id"] = Path.GetFileNameWithoutExtension(target),
                ["image"] = Path.GetFileName(target),
                ["type"] = type.Label,
                // The file name only: a folder path can name a person (an uploader's folder per patient).
                ["source"] = Path.GetFileName(source),
                ["labelledBy"] = "claimvision samples label",
            };
            File.WriteAllText(truthPath, JsonSerializer.Serialize(truth, Indented) + "\n");
            done.Add(new LabelledImage(Path.GetFullPath(target), previous, copy));
        }
        return done;
    }

    private static bool SameBytes(string a, string b)
    {
        using var fa = File.OpenRead(a);
        using var fb = File.OpenRead(b);
        return fa.Length == fb.Length && SHA256.HashData(fa).AsSpan().SequenceEqual(SHA256.HashData(fb));
    }

    /// <summary>True when <paramref name="truthPath"/> is ground truth this command wrote for <paramref name="imageName"/>;
    /// then <paramref name="type"/> is the type it recorded (null when it records none).</summary>
    private static bool WrittenByLabelFor(string truthPath, string imageName, out DocumentType? type)
    {
        type = null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(truthPath));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("labelledBy", out _)
                || !root.TryGetProperty("image", out var image) || image.ValueKind != JsonValueKind.String || image.GetString() != imageName)
                return false;
            if (root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(t.GetString()))
                type = new DocumentType(t.GetString()!);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
