using ClaimVision.Domain.Documents;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

/// <summary>
/// A reading whose mean confidence looks sound can still be wrong: eng reading a Chinese page (garbage words, few of them
/// in eng's own dictionary and confident), or a page read on its side (words taller than wide). Judged with the
/// dictionary of the installed eng model, looked up through Tesseract.
/// </summary>
public sealed class ReadingDoubtTests : IDisposable
{
    private readonly OcrEngine _engine = new(new OcrOptions());
    private readonly OcrOptions _options = new();

    public void Dispose() => _engine.Dispose();

    private bool Known(string word) => _engine.IsKnownWord(word, "eng");

    [Fact]
    public void The_eng_models_dictionary_answers_lookups()
    {
        Assert.True(Known("hospital"));
        Assert.True(Known("total"));
        Assert.False(Known("Sanpek"));
        Assert.False(Known("xqzt"));
        Assert.False(Known(""));
    }

    [Fact]
    public void Garbage_words_from_a_chinese_page_read_in_eng_make_the_reading_doubtful_despite_its_confidence()
    {
        // As eng read tune23 000030 (an expense list in Chinese), mean confidence 0.60.
        var text = Reading("eng", 0.6, ("Bris:", 0.49), ("Sanpek", 0.18), ("RS", 0.62), ("79389684", 0.97), ("ARAB:", 0.0),
            ("2022.06.22", 0.82), ("OM:", 0.3), ("HK", 0.0), ("RSA", 0.0), ("RBS", 0.0), ("131.00", 0.93));

        Assert.True(ReadingDoubt.ConfidentKnownWordShare(text, Known, 0.8) < _options.MinKnownWordShare);
        Assert.True(ReadingDoubt.LanguageDoubtful(text, _options, Known));
    }

    [Fact]
    public void A_receipt_with_confident_dictionary_words_is_trusted_even_among_many_figures()
    {
        var text = Reading("eng", 0.66, ("CASH", 0.91), ("RECEIPT", 0.95), ("Total", 0.93), ("25/12/2018", 0.96), ("8:13:39", 0.4),
            ("TAMAN", 0.87), ("DAYA,", 0.72), ("81100", 0.93), ("JOHOR", 0.92), ("12.50", 0.9), ("Qty", 0.5), ("RM", 0.9));

        Assert.False(ReadingDoubt.LanguageDoubtful(text, _options, Known));
    }

    [Fact]
    public void Dictionary_words_read_unsurely_do_not_count()
    {
        // eng's decoder makes dictionary words of what it cannot read, at low confidence (SROIE 000: "apts" 0.03, "WAM" 0.05).
        var text = Reading("eng", 0.6, ("apts", 0.03), ("WAM", 0.05), ("MUTANT", 0.12), ("total", 0.3), ("hospital", 0.2),
            ("MA", 0.9), ("1,089.00", 0.95), ("ee", 0.4), ("Se", 0.6));

        Assert.True(ReadingDoubt.LanguageDoubtful(text, _options, Known));
    }

    [Fact]
    public void Only_the_listed_languages_and_readings_of_enough_words_are_judged()
    {
        var garbage = new[] { ("RBS", 0.0), ("79389684", 0.97), ("HK", 0.1), ("RSA", 0.1), ("OM:", 0.2), ("ARAB:", 0.0), ("Bris:", 0.5), ("Sanpek", 0.2) };

        Assert.True(ReadingDoubt.LanguageDoubtful(Reading("eng", 0.6, garbage), _options, Known));
        Assert.False(ReadingDoubt.LanguageDoubtful(Reading("chi_sim", 0.6, garbage), _options, Known));
        Assert.False(ReadingDoubt.LanguageDoubtful(Reading("eng", 0.6, garbage[..^1]), _options, Known)); // 7 words: too few
        Assert.False(ReadingDoubt.LanguageDoubtful(Reading("eng", 0.6, garbage), _options with { DictionaryCheckLanguages = [] }, Known));
    }

    [Theory]
    [InlineData(30, 120, 6, true)]   // every word stands on end
    [InlineData(120, 30, 6, false)]  // upright
    [InlineData(30, 120, 2, false)]  // mostly tall, but too few words to say
    public void Words_standing_on_end_make_the_rotation_doubtful(int width, int height, int lines, bool doubtful)
    {
        var rows = Enumerable.Range(0, lines).Select(i => new OcrLine("ab cd", 0.9, new BoundingBox(10 + i * 200, 10, width * 2, height),
            [new OcrWord("ab", 0.9, new BoundingBox(10 + i * 200, 10, width, height)), new OcrWord("cd", 0.9, new BoundingBox(10 + i * 200, 20 + height, width, height))])).ToList();
        var text = new RecognizedText(rows, 0.9, "eng");

        Assert.Equal(doubtful, ReadingDoubt.RotationDoubtful(text, _options));
        Assert.False(ReadingDoubt.RotationDoubtful(text, _options with { MaxTallWordShare = 2 }));
    }

    [Fact]
    public void Single_glyphs_do_not_count_as_tall_words()
    {
        // A column of digits "1" is taller than wide on any upright page.
        var words = Enumerable.Range(0, 10).Select(i => new OcrWord(i % 2 == 0 ? "1" : "total", 0.9,
            i % 2 == 0 ? new BoundingBox(i * 50, 0, 8, 20) : new BoundingBox(i * 50, 0, 60, 20))).ToList();
        var text = new RecognizedText([new OcrLine("…", 0.9, new BoundingBox(0, 0, 500, 20), words)], 0.9, "eng");

        Assert.Equal(0, ReadingDoubt.TallWordShare(text));
    }

    private static RecognizedText Reading(string language, double confidence, params (string Text, double Confidence)[] words)
    {
        var ocrWords = words.Select((w, i) => new OcrWord(w.Text, w.Confidence, new BoundingBox(i * 100, 0, 80, 20))).ToList();
        return new RecognizedText([new OcrLine(string.Join(' ', words.Select(w => w.Text)), confidence, new BoundingBox(0, 0, words.Length * 100, 20), ocrWords)], confidence, language);
    }
}
