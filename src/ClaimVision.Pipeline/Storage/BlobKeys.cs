using System.Security.Cryptography;

namespace ClaimVision.Pipeline.Storage;

/// <summary>
/// The one place that decides what a blob key may look like, so every store refuses the same keys:
/// '/'-separated segments of letters, digits, '.', '-' and '_', no empty segment, no segment starting with '.'
/// (which rules out "." and ".." and keeps the stores' own dot-folders unreachable).
/// </summary>
public static class BlobKeys
{
    /// <summary>Longest key accepted; Azure allows 1024 characters per blob name.</summary>
    public const int MaxLength = 1024;

    /// <summary>The hex SHA-256 of the bytes, lower case.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The content-addressed key: "sha256/ab/cd/abcd…" (two fan-out levels keep folders small).</summary>
    public static string ForSha256(string sha256Hex)
    {
        if (sha256Hex.Length != 64 || !sha256Hex.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException($"'{sha256Hex}' is not a lower-case hex SHA-256 (64 characters).", nameof(sha256Hex));
        return $"sha256/{sha256Hex[..2]}/{sha256Hex[2..4]}/{sha256Hex}";
    }

    /// <summary>Throws <see cref="ArgumentException"/> naming the key and the rule it breaks.</summary>
    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 0 || key.Length > MaxLength)
            throw new ArgumentException($"Blob key must have 1–{MaxLength} characters (got {key.Length}).", nameof(key));
        foreach (var segment in key.Split('/'))
        {
            if (segment.Length == 0)
                throw new ArgumentException($"Blob key '{key}' has an empty segment (leading, trailing or double '/').", nameof(key));
            if (segment[0] == '.')
                throw new ArgumentException($"Blob key '{key}' has a segment starting with '.', which is reserved.", nameof(key));
            if (!segment.All(IsKeyChar))
                throw new ArgumentException($"Blob key '{key}' may contain only letters, digits, '.', '-', '_' and '/'.", nameof(key));
        }
    }

    /// <summary>A list prefix is a key, a key's beginning ("sha256/a") or empty; the same characters are allowed.</summary>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0) return;
        if (prefix.Length > MaxLength || prefix[0] == '/' || prefix.Contains("//", StringComparison.Ordinal)
            || prefix.Split('/').Any(s => s.StartsWith('.')) || !prefix.All(c => c == '/' || IsKeyChar(c)))
            throw new ArgumentException($"'{prefix}' is not a valid blob key prefix.", nameof(prefix));
    }

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';
}
