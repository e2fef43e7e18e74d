using ClaimVision.Vision.Ocr;
using ClaimVision.Vision.Imaging;

namespace ClaimVision.Vision.Tests;

public class OcrEngineTests
{
    private static readonly OcrOptions Options = new() { PoolSize = 2 };

    [Fact]
    public void RecognisesARawGreyBufferWithWordsLinesAndBoxesInsideTheImage()
    {
        var image = Pgm.Load("invoice-line.pgm");
        using var engine = new OcrEngine(Options);

        var result = engine.Recognize(image, "eng");

        var line = Assert.Single(result.Lines);
        Assert.Equal("Invoice 2024 total 219.25", line.Text);
        Assert.Equal(4, line.Words.Count);
        Assert.All(line.Words, w =>
        {
            Assert.InRange(w.Confidence, 0.5, 1.0);
            Assert.True(w.Box.X >= 0 && w.Box.Right <= image.Width && w.Box.Y >= 0 && w.Box.Bottom <= image.Height, $"{w.Text} box {w.Box} outside {image.Width}×{image.Height}");
        });
        Assert.True(line.Words[0].Box.Right <= line.Words[1].Box.X, "words come left to right");
        Assert.InRange(result.MeanConfidence, 0.5, 1.0);
    }

    /// <summary>Tesseract's own mean for a reading of no words is 95 (its page layout finds no line on this prepared invoice
    /// whose every row is underlined with dashes, in either language); a reading of nothing must not look confident, or a
    /// turned page read as nothing wins over a real reading by its confidence.</summary>
    [Fact]
    public void AReadingOfNoWordsHasNoConfidence()
    {
        using var decoded = PageImage.FromEncoded(Fixture.Bytes("zh-invoice-underlined.jpg"));
        var (page, _) = VisionPipeline.Prepare(decoded, 0, Options);
        using var ready = page;
        using var engine = new OcrEngine(Options);

        foreach (var language in new[] { "chi_sim", "eng" })
        {
            var result = engine.Recognize(ready.Pix, language);
            Assert.Empty(result.Lines);
            Assert.Equal(0, result.MeanConfidence);
        }
    }

    [Fact]
    public void ARecognitionThatReachesItsTimeLimitStopsAndFailsNamingTheLimit()
    {
        using var page = TestPages.Text(1200, 800); // several lines: Tesseract checks its deadline before each
        using var unlimited = new OcrEngine(Options with { RecognizeTimeoutSeconds = 0 });
        using var limited = new OcrEngine(Options with { RecognizeTimeoutSeconds = 0.001 });

        Assert.NotEmpty(unlimited.Recognize(page.Pix, "eng").Lines);
        Assert.Equal(100, unlimited.LastProgress); // a whole reading

        var e = Assert.Throws<OcrTimeoutException>(() => limited.Recognize(page.Pix, "eng"));
        Assert.Contains("0.001 s limit", e.Message, StringComparison.Ordinal);
        Assert.Contains("RecognizeTimeoutSeconds", e.Message, StringComparison.Ordinal);
        Assert.InRange(limited.LastProgress, 0, 99); // Tesseract itself stopped before the end
        Assert.IsAssignableFrom<OcrEngineException>(e); // callers that fail a document on engine errors fail it on this too
    }

    [Fact]
    public void TheTimeLimitRestartsWithEveryRecognitionNotOncePerEngine()
    {
        var image = Pgm.Load("invoice-line.pgm");
        using var engine = new OcrEngine(Options with { RecognizeTimeoutSeconds = 2 });

        engine.Recognize(image, "eng");
        Thread.Sleep(TimeSpan.FromSeconds(2.2)); // past the first recognition's deadline

        Assert.Equal("Invoice 2024 total 219.25", Assert.Single(engine.Recognize(image, "eng").Lines).Text);
        Assert.Equal(100, engine.LastProgress);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(100_000)]
    public void AnUnusableTimeLimitIsRefusedWhenThePoolIsBuilt(double seconds)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new EnginePool(Options with { RecognizeTimeoutSeconds = seconds }));
        Assert.Contains("RecognizeTimeoutSeconds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReusesOneInitialisedApiPerLanguageAcrossPages()
    {
        var image = Pgm.Load("invoice-line.pgm");
        using var engine = new OcrEngine(Options);

        var first = engine.Recognize(image, "eng");
        var second = engine.Recognize(image, "eng");

        Assert.Equal(first.Lines.Select(l => l.Text), second.Lines.Select(l => l.Text));
        Assert.Equal(["eng"], engine.LoadedLanguages);
    }

    [Fact]
    public void OsdReportsTheRotationThatMakesTextUprightAndItsScript()
    {
        using var engine = new OcrEngine(Options);

        var guess = engine.DetectOrientation(Pgm.Load("rotated-90.pgm"));

        Assert.NotNull(guess);
        Assert.Equal(270, guess.RotateDegrees); // the fixture was turned 90° clockwise
        Assert.Equal("Latin", guess.Script);
        Assert.True(guess.OrientationConfidence > 1, $"orientation confidence {guess.OrientationConfidence}");
    }

    [Fact]
    public void AMissingLanguageModelIsAClearErrorNamingTheFile()
    {
        using var engine = new OcrEngine(Options);

        var ex = Assert.Throws<OcrEngineException>(() => engine.Recognize(Pgm.Load("invoice-line.pgm"), "xyz_nope"));

        Assert.Contains("xyz_nope.traineddata", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABufferSmallerThanItsDimensionsIsRefusedBeforeReachingNativeCode()
    {
        using var engine = new OcrEngine(Options);

        Assert.Throws<ArgumentException>(() => engine.Recognize(new GrayImage(new byte[10], 100, 100), "eng"));
    }

    [Fact]
    public void ADisposedEngineRefusesWorkAndDisposesOnce()
    {
        var engine = new OcrEngine(Options);
        _ = engine.Recognize(Pgm.Load("invoice-line.pgm"), "eng");
        engine.Dispose();
        engine.Dispose();

        Assert.Throws<ObjectDisposedException>(() => engine.Recognize(Pgm.Load("invoice-line.pgm"), "eng"));
    }

    [Fact]
    public void ChineseWordsAreJoinedWithoutSpacesLatinWordsWithSpaces()
    {
        static OcrWord W(string t) => new(t, 1, default);

        Assert.Equal("合计金额 212.30", OcrEngine.JoinWords([W("合计"), W("金额"), W("212.30")]));
        Assert.Equal("Total 212.30", OcrEngine.JoinWords([W("Total"), W("212.30")]));
    }
}
