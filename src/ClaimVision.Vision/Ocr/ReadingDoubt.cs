namespace ClaimVision.Vision.Ocr;

/// <summary>
/// Cheap signs, taken from the words of a reading already made, that it cannot be trusted although its mean confidence
/// looks sound; they send the page to the checks a poor confidence would (the other language, other rotations).
/// <list type="bullet">
/// <item><b>Few confident dictionary words.</b> eng reads a Chinese page at a mean confidence of up to 0.66, as short
/// upper-case fragments ("RBS R BAS", "ARAB:"). Its words that the language's own dictionary holds (Tesseract's word list
/// for the loaded model) and that were read at <see cref="OcrOptions.KnownWordMinConfidence"/> are almost none (0–8 % of
/// the words on the generated Chinese pages), while English pages, SROIE receipts full of figures and Malay names
/// included, have 19 % and more.</item>
/// <item><b>Tall words.</b> A page read on its side comes back as words taller than wide, whatever its confidence.</item>
/// </list>
/// </summary>
public static class ReadingDoubt
{
    /// <summary>Words a reading must have before its words are judged; fewer say too little (a photo, a card).</summary>
    public const int MinWords = 8;

    /// <summary>Share of the reading's words that are at least three letters (leading and trailing punctuation aside),
    /// held by the dictionary as written or in lower case, and read at <paramref name="minConfidence"/> or more.</summary>
    public static double ConfidentKnownWordShare(RecognizedText text, Func<string, bool> isKnown, double minConfidence)
    {
        var words = text.Lines.SelectMany(l => l.Words).ToList();
        if (words.Count == 0) return 0;
        var known = words.Count(w => w.Confidence >= minConfidence && Letters(w.Text) is { } letters
            && (isKnown(letters) || isKnown(letters.ToLowerInvariant())));
        return (double)known / words.Count;
    }

    /// <summary>Whether a reading in a language of <see cref="OcrOptions.DictionaryCheckLanguages"/> has too few confident
    /// dictionary words (<see cref="OcrOptions.MinKnownWordShare"/>) for its language to be trusted.</summary>
    public static bool LanguageDoubtful(RecognizedText text, OcrOptions options, Func<string, bool> isKnown) =>
        options.DictionaryCheckLanguages.Contains(text.Language)
        && text.Lines.Sum(l => l.Words.Count) >= MinWords
        && ConfidentKnownWordShare(text, isKnown, options.KnownWordMinConfidence) < options.MinKnownWordShare;

    /// <summary>Share of the words of two characters or more whose box is taller than wide.</summary>
    public static double TallWordShare(RecognizedText text)
    {
        var words = text.Lines.SelectMany(l => l.Words).Where(w => w.Text.Length >= 2).ToList();
        return words.Count == 0 ? 0 : (double)words.Count(w => w.Box.Height > w.Box.Width) / words.Count;
    }

    /// <summary>Whether most of a reading's words (of at least <see cref="MinWords"/>) stand on end: the page was read on
    /// its side and a quarter turn either way should be tried.</summary>
    public static bool RotationDoubtful(RecognizedText text, OcrOptions options) =>
        text.Lines.SelectMany(l => l.Words).Count(w => w.Text.Length >= 2) >= MinWords
        && TallWordShare(text) >= options.MaxTallWordShare;

    /// <summary>The word without leading and trailing punctuation or figures, when what is left is three ASCII letters or more.</summary>
    private static string? Letters(string word)
    {
        var start = 0;
        var end = word.Length;
        while (start < end && !char.IsAsciiLetter(word[start])) start++;
        while (end > start && !char.IsAsciiLetter(word[end - 1])) end--;
        if (end - start < 3) return null;
        var core = word[start..end];
        return core.All(char.IsAsciiLetter) ? core : null;
    }
}
