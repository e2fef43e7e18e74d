using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ClaimVision.Vision.Ocr;

/// <summary>
/// Which Tesseract model files read a page. The engine version does not say: Debian's <c>tesseract-ocr-eng</c> and
/// <c>-chi-sim</c> are the small integer ("fast") models, and a deployment may point <see cref="OcrOptions.TessdataPath"/>
/// at other files (tessdata_best, a fine-tuned model) under the same Tesseract. The fingerprint is <c>models-</c> and the
/// first 8 hex digits of a SHA-256 over the name, length and content of each traineddata file the options can use
/// (<see cref="Languages"/>), in name order; a missing file counts as missing. It names no folder, so the same files give
/// the same fingerprint wherever they lie. Computed once per set of files as they stand (≈ 17 MB read for Debian's three); a file replaced since is read again.
/// </summary>
public static class ModelFingerprint
{
    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);

    /// <summary>The fingerprint of the model files <paramref name="options"/> can read with.</summary>
    public static string Of(OcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var folder = options.ResolveTessdata();
        var files = Languages(options).Select(l => (Language: l, File: new FileInfo(Path.Combine(folder, l + ".traineddata")))).ToList();
        // Keyed by each file's length and time of writing too, so a model replaced in place is read afresh.
        var key = string.Join('\n', files.Select(x => x.File.Exists ? $"{x.File.FullName}:{x.File.Length}:{x.File.LastWriteTimeUtc.Ticks}" : $"{x.File.FullName}:-"));
        return Known.GetOrAdd(key, _ => Compute(files));
    }

    /// <summary>Every single language the options name (a fixed language, the default, the script languages, the
    /// alternatives, the dictionary-check and figure languages, and <c>osd</c>), split at <c>+</c>, distinct, in order.
    /// A language a caller passes per document (<see cref="VisionOptions"/>) and the options do not name is not covered.</summary>
    public static IReadOnlyList<string> Languages(OcrOptions options)
    {
        IEnumerable<string?> named =
        [
            options.Language == OcrOptions.Auto ? null : options.Language, options.DefaultLanguage,
            .. options.ScriptLanguages.Values, .. options.AlternativeLanguages, .. options.DictionaryCheckLanguages,
            options.FigureLanguage, "osd",
        ];
        return [.. named.OfType<string>().SelectMany(l => l.Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    private static string Compute(List<(string Language, FileInfo File)> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        foreach (var (language, file) in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes($"{language}\n{(file.Exists ? file.Length : -1)}\n"));
            if (!file.Exists) continue;
            using var stream = file.OpenRead();
            int n;
            while ((n = stream.Read(buffer)) > 0) sha.AppendData(buffer.AsSpan(0, n));
        }
        return "models-" + Convert.ToHexStringLower(sha.GetHashAndReset())[..8];
    }
}
