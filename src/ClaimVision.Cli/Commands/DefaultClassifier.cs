using ClaimVision.Intelligence.Classification;

namespace ClaimVision.Cli.Commands;

/// <summary>Finds the committed default model (models/doc-classifier) for commands that classify.</summary>
internal static class DefaultClassifier
{
    public const string RelativeDirectory = "models/doc-classifier";

    /// <summary>The model under the working directory, else under the nearest ancestor of the executable's folder that has one; null (with a note on stderr) when there is none or it cannot be loaded.</summary>
    public static DocumentClassifier? TryLoad()
    {
        var directory = Candidates().FirstOrDefault(d => File.Exists(Path.Combine(d, DocumentClassifier.CardFileName)));
        if (directory is null)
        {
            Console.Error.WriteLine($"note: no {RelativeDirectory}/card.json found; documents are not classified.");
            return null;
        }
        try
        {
            return DocumentClassifier.Load(directory);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"note: the classifier in {directory} cannot be used, documents are not classified: {e.Message}");
            return null;
        }
    }

    private static IEnumerable<string> Candidates()
    {
        yield return Path.GetFullPath(RelativeDirectory);
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            yield return Path.Combine(d.FullName, RelativeDirectory);
    }
}
