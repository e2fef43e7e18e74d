namespace ClaimVision.Vision.Ocr;

/// <summary>Picks the Tesseract model for a page: a fixed one when asked, else by OSD's script, else the default.</summary>
public static class LanguageChooser
{
    public static string Choose(string requested, OrientationGuess? guess, OcrOptions options)
    {
        if (!string.Equals(requested, OcrOptions.Auto, StringComparison.OrdinalIgnoreCase)) return requested;
        if (guess is null || guess.ScriptConfidence < options.MinScriptConfidence) return options.DefaultLanguage;
        return options.ScriptLanguages.TryGetValue(guess.Script, out var language) ? language : options.DefaultLanguage;
    }

    /// <summary>The language of a page's first reading, before OSD: the fixed language, else the language of Han when a
    /// script guess (<paramref name="hanProbability"/>, null: none) is at least <see cref="OcrOptions.ScriptGuessMinProbability"/>,
    /// else the default.</summary>
    public static string First(string requested, double? hanProbability, OcrOptions options) =>
        string.Equals(requested, OcrOptions.Auto, StringComparison.OrdinalIgnoreCase)
        && hanProbability >= options.ScriptGuessMinProbability
        && options.ScriptLanguages.TryGetValue("Han", out var han)
            ? han
            : Choose(requested, null, options);

    /// <summary>The language to re-check a doubtful automatic choice with, or null when the language was fixed by the caller.</summary>
    public static string? Alternative(string requested, string chosen, OcrOptions options) =>
        string.Equals(requested, OcrOptions.Auto, StringComparison.OrdinalIgnoreCase)
            ? options.AlternativeLanguages.FirstOrDefault(l => !string.Equals(l, chosen, StringComparison.Ordinal))
            : null;
}
