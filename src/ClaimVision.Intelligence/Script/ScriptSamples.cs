using System.Diagnostics;
using System.Security.Cryptography;
using ClaimVision.Vision.Imaging;

namespace ClaimVision.Intelligence.Script;

/// <summary>The pages of a folder measured for the script guess, the files that could not be used (why), and the time the
/// features took (decode excluded).</summary>
public sealed record ScriptSampleSet(IReadOnlyList<ScriptSample> Samples, IReadOnlyList<string> Skipped, double FeatureMilliseconds);

/// <summary>
/// Reads a folder of page images for training or evaluating the script guess. The label comes from the file name as
/// <c>samples generate</c> writes it (<c>…-zh.jpg</c> Han, <c>…-en.jpg</c> Latin) or, for a folder of one script (the SROIE
/// receipts), from <c>allLabel</c>. The first page of each image is measured with <see cref="ScriptFeatures.Measure"/>.
/// </summary>
public static class ScriptSamples
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".tif", ".tiff"];

    /// <summary>The label of a generated sample's file name, or null when it names no language.</summary>
    public static string? LabelOf(string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        return stem.EndsWith("-zh", StringComparison.Ordinal) ? ScriptGuessModel.Han
            : stem.EndsWith("-en", StringComparison.Ordinal) ? ScriptGuessModel.Latin
            : null;
    }

    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static ScriptSampleSet Read(string directory, string? allLabel = null, int? limit = null)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Sample folder '{directory}' does not exist.");
        var files = Directory.EnumerateFiles(directory)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .Take(limit ?? int.MaxValue)
            .ToList();
        var samples = new List<ScriptSample>();
        var skipped = new List<string>();
        var clock = new Stopwatch();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var label = allLabel ?? LabelOf(file);
            if (label is null)
            {
                skipped.Add($"{name}: no -zh/-en in the file name to label it");
                continue;
            }
            try
            {
                var bytes = File.ReadAllBytes(file);
                using var decoded = ImageDecoder.Decode(bytes, name);
                clock.Start();
                var features = ScriptFeatures.Measure(decoded.Pages[0]);
                clock.Stop();
                if (features is null) skipped.Add($"{name}: too little text to measure");
                else samples.Add(new ScriptSample(name, Convert.ToHexStringLower(SHA256.HashData(bytes)), label, features));
            }
            catch (Exception e) when (e is IOException or ImageRejectedException)
            {
                skipped.Add($"{name}: {e.Message}");
            }
        }
        return new ScriptSampleSet(samples, skipped, clock.Elapsed.TotalMilliseconds);
    }
}
