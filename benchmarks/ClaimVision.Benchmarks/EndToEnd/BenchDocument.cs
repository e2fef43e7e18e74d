using System.Text.Json;
using ClaimVision.Domain.Claims;

namespace ClaimVision.Benchmarks.EndToEnd;

/// <summary>One image to submit, as a claim of its own, with the policy and insured person the claim names.</summary>
public sealed record BenchDocument(string File, string PolicyId, InsuredPerson Insured)
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp"];
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A registered insured person of the sample registry, used when an image has no claim.json beside it.</summary>
    public static InsuredPerson DefaultInsured { get; } = new() { Name = "杨秀英", IdNumber = "522631197803150428" };

    /// <summary>
    /// Every image under <paramref name="folder"/> (recursively, in name order), at most <paramref name="limit"/>.
    /// An image beside a claim.json takes that claim's policy and insured person; the others take the defaults.
    /// </summary>
    public static IReadOnlyList<BenchDocument> Find(string folder, string defaultPolicy, int? limit = null)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no such folder.");
        var claims = new Dictionary<string, ClaimRequest?>(StringComparer.Ordinal);
        var documents = new List<BenchDocument>();
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (!ImageExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase)) continue;
            var directory = Path.GetDirectoryName(file)!;
            if (!claims.TryGetValue(directory, out var claim)) claims[directory] = claim = ReadClaim(Path.Combine(directory, "claim.json"));
            documents.Add(new BenchDocument(file, claim?.PolicyId ?? defaultPolicy, claim?.Insured ?? DefaultInsured));
            if (documents.Count == limit) break;
        }
        return documents;
    }

    private static ClaimRequest? ReadClaim(string path)
    {
        if (!System.IO.File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<ClaimRequest>(System.IO.File.ReadAllText(path), Json);
        }
        catch (JsonException)
        {
            return null; // not a claim the bench can reuse: the image is still a document to analyse
        }
    }
}
