using ClaimVision.Intelligence.Script;
using ClaimVision.Pipeline.Processing;

namespace ClaimVision.Cli.Commands;

/// <summary>The script guess the production analyzer would use, for the evaluation commands that build their own vision
/// pipeline, so that they measure what production reads.</summary>
internal static class CommittedScriptGuess
{
    /// <summary>models/script-guess found as <see cref="DocumentAnalyzerFactory"/> finds the models, or null when there is none.</summary>
    public static ScriptGuessModel? Load()
    {
        try
        {
            return DocumentAnalyzerFactory.LoadScriptGuess(DocumentAnalyzerFactory.FindModelsDirectory());
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }
}
