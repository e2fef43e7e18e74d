using ClaimVision.Domain.Documents;
using ClaimVision.Vision.Imaging;

namespace ClaimVision.Intelligence;

/// <summary>Analysing a file on disk: reading it is part of the input that can be bad, so its failures become report errors too.</summary>
public static class FileAnalysis
{
    public const string FileNotFound = "file-not-found";
    public const string UnreadableFile = "unreadable-file";

    /// <summary>Reads and analyses <paramref name="path"/>; never throws for a missing, unreadable or oversized file.
    /// A file larger than <paramref name="maxBytes"/> is refused before it is read into memory.</summary>
    public static DocumentReport AnalyzeFile(this IDocumentAnalyzer analyzer, string path, long maxBytes, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                return Failed(name, FileNotFound, $"{path}: no such file.");
            if (info.Length > maxBytes)
                return Failed(name, ImageRejectionCodes.TooLarge, $"{path}: {info.Length:N0} bytes is more than the {maxBytes:N0} accepted.");
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(name, UnreadableFile, $"{path}: {ex.Message}");
        }
        return analyzer.Analyze(name, bytes, cancellationToken);
    }

    private static DocumentReport Failed(string name, string code, string message) =>
        new() { File = name, Error = new DocumentError(code, message) };
}
