using System.Security.Cryptography;
using System.Text.Json;

namespace ClaimVision.Intelligence.Training;

/// <summary>Reads an image file into what the classifier needs (OCR pages and page statistics).</summary>
public interface IVisionReader
{
    /// <summary>Identifies the OCR engine and settings: cached results from another version are not reused.</summary>
    string Version { get; }
    VisionResult Read(string fileName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken);
}

/// <summary>The OCR of one image, cached as <c>&lt;image&gt;.ocr.json</c> beside it.</summary>
public sealed record CachedVision(string Sha256, string OcrVersion, VisionResult Vision);

/// <summary>
/// Caches OCR results beside the images so that retraining (new features, new parameters) does not
/// re-run OCR: an entry is used only when both the image's SHA-256 and the OCR version match.
/// With <paramref name="writeBack"/> false, valid entries are used but nothing is written: for commands that only look
/// (explain), which must not leave files in a folder of someone else's images.
/// </summary>
public sealed class OcrCache(IVisionReader reader, bool writeBack = true)
{
    public const string Suffix = ".ocr.json";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string OcrVersion => reader.Version;

    /// <summary>The cache file of an image: x.jpg → x.ocr.json.</summary>
    public static string PathFor(string imagePath) => Path.ChangeExtension(imagePath, null) + Suffix;

    /// <summary>The image's hash and its OCR, from the cache when valid, else read and cached. True in <c>Hit</c> when cached.</summary>
    public (CachedVision Result, bool Hit) Get(string imagePath, CancellationToken cancellationToken)
    {
        var bytes = File.ReadAllBytes(imagePath);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var cachePath = PathFor(imagePath);
        if (TryLoad(cachePath) is { } cached && cached.Sha256 == sha && cached.OcrVersion == reader.Version)
            return (cached, true);
        var result = new CachedVision(sha, reader.Version, reader.Read(Path.GetFileName(imagePath), bytes, cancellationToken));
        if (!writeBack) return (result, false);
        // A temporary name of this writer's own: two processes reading one folder (train and evaluate at once) wrote the
        // same x.ocr.json.tmp, and the slower one's move found it gone and skipped the image.
        var temp = $"{cachePath}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllText(temp, JsonSerializer.Serialize(result, Json));
            File.Move(temp, cachePath, overwrite: true);
        }
        finally
        {
            File.Delete(temp); // gone after a move; left by a failed write otherwise
        }
        return (result, false);
    }

    private static CachedVision? TryLoad(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<CachedVision>(File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null; // A damaged cache entry is re-read, not an error.
        }
    }
}
