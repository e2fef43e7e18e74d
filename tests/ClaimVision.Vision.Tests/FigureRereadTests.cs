using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

public sealed partial class FigureRereadTests
{
    private static OcrWord Word(string text, int x, int width, double confidence = 0.9) => new(text, confidence, new BoundingBox(x, 100, width, 20));

    [Fact]
    public void A_run_of_figures_takes_the_touching_glyph_before_it_but_not_the_label()
    {
        // "医疗费用总额 : 思 ,390.00": the yen sign and the 1 came out as 思.
        IReadOnlyList<OcrWord> words = [Word("医疗费用总额", 0, 120), Word(":", 125, 5), Word("思", 140, 12), Word(",390.00", 156, 70)];
        Assert.Equal([(2, 2)], FigureReread.FigureRuns(words));
    }

    [Fact]
    public void A_glyph_far_from_the_figure_or_a_label_ending_in_a_colon_is_not_taken()
    {
        IReadOnlyList<OcrWord> far = [Word("额", 0, 20), Word("1,390.00", 80, 70)];
        IReadOnlyList<OcrWord> colon = [Word("额:", 0, 20), Word("1,390.00", 24, 70)];
        Assert.Equal([(1, 1)], FigureReread.FigureRuns(far));
        Assert.Equal([(1, 1)], FigureReread.FigureRuns(colon));
    }

    [Fact]
    public void Each_run_of_figures_on_a_line_is_its_own_run_and_marks_continue_one()
    {
        // "床位费 60.00 6 360.00 合计 ¥ 12.00": two runs, the second carrying a lone yen sign.
        IReadOnlyList<OcrWord> words =
            [Word("床位费", 0, 60), Word("60.00", 100, 50), Word("6", 170, 10), Word("360.00", 200, 60), Word("合计", 280, 40), Word("12.00", 350, 50), Word("¥", 405, 10)];
        Assert.Equal([(1, 3), (5, 2)], FigureReread.FigureRuns(words));
    }

    [Fact]
    public void Figures_in_two_columns_are_two_runs()
    {
        // "乙类自付 : 355.00 … 260.00": the second figure belongs to the next column, 45 text heights to the right.
        IReadOnlyList<OcrWord> words = [Word("乙类自付", 0, 80), Word(":", 85, 5), Word("355.00", 100, 60), Word("260.00", 1000, 60)];
        Assert.Equal([(2, 1), (3, 1)], FigureReread.FigureRuns(words));
    }

    [Theory]
    [InlineData("355.00 260.00", "¥55.00 ¥260.00", true)] // each figure of a run by the one-figure rule
    [InlineData("355.00 260.00", "¥55.00 ¥261.00", false)]
    [InlineData("355.00", "¥55.00", true)]       // the yen sign read as a 3
    [InlineData("思 ,390.00", "¥1,390.00", true)] // the yen sign and the 1 read as one glyph
    [InlineData("1390.00", "1,390.00", true)]
    [InlineData("2026年03月02日", "2026403802", false)] // eng reads 年 and 月 as digits: not the same figure
    [InlineData("360.00", "860.00", false)]
    [InlineData("155.00", "¥55", false)]
    [InlineData("55.00", "5.00", false)]          // a leading digit may only go to a currency sign
    [InlineData("码 110105198004033213", "$3 110105198004033213", false)] // a label glyph read as "$3" is not a currency sign
    [InlineData("25.00 10 250.00", "25.00 10 250.00", true)]
    public void A_reread_must_keep_the_digits_or_trade_one_leading_digit_for_a_currency_sign(string first, string again, bool same) =>
        Assert.Equal(same, FigureReread.SameFigure(first.Split(' ').Select((t, i) => Word(t, i * 20, 15)), [.. again.Split(' ').Select((t, i) => Word(t, i * 20, 15))]));

    [Theory]
    [InlineData("I25.1", "125.1", "I25.1")]  // eng reads the code's letter as the digit it looks like
    [InlineData("I25.1", "I25.1", "I25.1")]
    [InlineData("S72.0", "572.0", "S72.0")]
    [InlineData("I25.1", "125.7", null)]     // another digit: not the same code
    [InlineData("V89.2", "189.2", null)]     // 1 is not how eng reads a V
    [InlineData("125.1", "125.1", null)]     // not a code: left to the figure rule
    [InlineData("I25.1", "I25.1 x", null)]
    public void A_diagnosis_code_is_confirmed_when_the_reread_differs_only_by_its_letters_lookalike(string first, string again, string? code)
    {
        var words = FigureReread.AsCode([Word(first, 0, 50, 0.6)], [.. again.Split(' ').Select((t, i) => Word(t, i * 60, 50, 0.95))]);
        Assert.Equal(code, words is null ? null : Assert.Single(words).Text);
        if (words is not null) Assert.Equal(0.95, words[0].Confidence); // the confirming reading's confidence
    }

    [Theory]
    // chi_sim's 0s read as 6 and 9; eng reads the label glyph before the number as "#3", which stays out of the mend.
    [InlineData("码 ”329162197005252990", "#3 320102197005252990", 0.86, "码 320102197005252990")]
    [InlineData("”336166199716231171", "330106199710231171", 0.9, "330106199710231171")]     // three 0s misread
    [InlineData("4301041980063040790", "430104198006304070", 0.9, "430104198006304070")]      // a digit read twice
    [InlineData("430104198006304070", "430104198006304070", 0.9, null)]   // the first reading passes the checks: nothing to mend
    [InlineData("320102197005252990", "330106199710231171", 0.9, null)]   // a valid first reading is never replaced
    [InlineData("329162197005252990", "320102197005252991", 0.9, null)]   // the re-reading fails the check character
    [InlineData("329162197013252990", "320102197013252990", 0.9, null)]   // nor one with a 13th month
    [InlineData("329162197005252990", "330106199710231171", 0.9, null)]   // a valid number, but not near the first reading
    [InlineData("329162197005252990", "320102197005252990", 0.4, null)]   // read too unsurely
    [InlineData("329162197005252990", "320102197005252990 330106199710231171", 0.9, null)] // two valid numbers: which one?
    [InlineData("3201021970 05252990", "320102197005252990", 0.9, null)]  // an ID split over two words is not mended
    [InlineData("11016519491231602X", "11010519491231002X", 0.9, "11010519491231002X")]   // a check character X
    public void A_resident_id_the_page_reading_broke_is_mended_from_a_reread_that_passes_its_checks(string first, string again, double confidence, string? mended)
    {
        var reading = new RecognizedText([OcrEngine.LineOf([.. again.Split(' ').Select((t, i) => Word(t, i * 300, 280, confidence))])], confidence, "eng");
        var words = FigureReread.WithResidentIdRepaired([.. first.Split(' ').Select((t, i) => Word(t, i * 300, 280, 0.2))], reading, 0.5);
        Assert.Equal(mended, words is null ? null : string.Join(' ', words.Select(w => w.Text)));
    }

    [Theory]
    [InlineData("8939.32", 0.37, "¥939.32", 0.50, true)]   // chi_sim read the ¥ as an 8; eng reads it as the sign, more surely
    [InlineData("38,540.08", 0.56, "¥8,540.08", 0.60, true)]
    [InlineData("8939.32", 0.37, "¥939.32", 0.30, false)]  // the re-reading is less sure than the first
    [InlineData("8939.32", 0.37, "939.32", 0.95, false)]   // no sign read: a digit lost is no sign found
    [InlineData("8939.32", 0.37, "¥8939.32", 0.95, false)] // the sign besides the digit: the digit stays
    [InlineData("8939.32", 0.37, "¥939.33", 0.95, false)]
    [InlineData("¥8939.32", 0.37, "¥939.32", 0.95, false)] // a sign was read first: its 8 is a digit
    public void A_reread_that_reads_an_unsure_leading_digit_as_the_currency_sign_counts_when_surer(
        string first, double firstConfidence, string again, double againConfidence, bool sign) =>
        Assert.Equal(sign, FigureReread.SignReadAsDigit([Word(first, 0, 80, firstConfidence)], [Word(again, 0, 80, againConfidence)]));

    [Theory]
    [InlineData("吕 ,437.73", "¥3 437.73", 0.51, "¥3,437.73")]   // eng split the figure at the comma
    [InlineData("罚 ,984.54", "‘1,984.54", 0.0, "1,984.54")]     // the sign read as a quote: the digit, however unsure
    [InlineData("丈 ,058.93", "¥2 058.93", 0.27, "¥2,058.93")]
    [InlineData(",607.62", "¥11,607.62", 0.9, "¥11,607.62")]
    [InlineData("吕 ,437.73", "¥3 437.78", 0.9, null)]          // another figure
    [InlineData("吕 ,437.73", "437.73", 0.9, null)]             // the re-reading lost the digits too
    [InlineData("吕 ,437.73", "¥1234 437.73", 0.9, null)]       // four digits before a thousands comma: no group
    [InlineData("吕 ,437.73", "¥0 437.73", 0.9, null)]
    [InlineData("吕 437.73", "¥3 437.73", 0.9, null)]           // nothing shows a digit lost: left to the figure rule
    [InlineData("吕 ,437.73 12.00", "¥3,437.73 12.00", 0.9, null)] // two figures: which one lost the digits?
    public void A_figure_that_lost_its_leading_digits_gets_them_back_from_the_reread(string first, string again, double confidence, string? restored)
    {
        var reading = new RecognizedText([OcrEngine.LineOf([.. again.Split(' ').Select((t, i) => Word(t, 200 + i * 60, 50, confidence))])], confidence, "eng");
        var words = FigureReread.WithLostLeadRestored([.. first.Split(' ').Select((t, i) => Word(t, 200 + i * 20, 15, 0.5))], reading);
        Assert.Equal(restored, words is null ? null : Assert.Single(words).Text);
        if (words is null) return;
        Assert.Equal(confidence, words[0].Confidence, 3);
        Assert.Equal(200, words[0].Box.X);   // where the first reading put the run
    }

    [Fact]
    public void An_id_cards_number_chi_sim_misreads_on_the_page_is_read_right_by_the_figure_reread()
    {
        // The generated card prints 320102197005252990; chi_sim's page reading makes it 329162197005252990, which fails the
        // check character, and eng reads the number's crop right.
        Assert.Contains("320102197005252990", IdCard(new OcrOptions { PoolSize = 1 }).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_reread_chi_sim_breaks_the_id_cards_number()
    {
        var text = IdCard(new OcrOptions { PoolSize = 1, FigureLanguage = null }).Text;
        Assert.DoesNotContain("320102197005252990", text, StringComparison.Ordinal);
        Assert.Matches(@"\d{18}", text); // read, but wrong
    }

    private static OcrPage IdCard(OcrOptions options)
    {
        using var pool = new EnginePool(options);
        var output = new VisionPipeline(pool).Process(Fixture.Bytes("zh-id-card.jpg"), "zh-id-card.jpg", new VisionOptions { Language = "chi_sim" });
        return Assert.Single(output.Pages);
    }

    [Fact]
    public void Payments_whose_leading_digits_chi_sim_lost_get_them_back_from_the_reread()
    {
        // The sheet prints 统筹基金支付 ¥3,437.73 and 个人支付 ¥1,984.54; chi_sim reads 吕 ,437.73 and 罚 ,984.54, eng the
        // lost digits (¥3 437.73, ‘1,984.54). Amounts as the extractor reads them: every digit after the label's colon.
        var text = Page("zh-settlement-lost-lead.jpg", new OcrOptions { PoolSize = 1 }).Text;
        Assert.Matches(@"统筹基金支付\s*[:：]\s*¥?3,437\.73", text);
        Assert.Matches(@"个人支付\s*[:：]\s*¥?1,984\.54", text);
    }

    [Fact]
    public void Without_the_reread_the_payments_lose_their_leading_digits()
    {
        var text = Page("zh-settlement-lost-lead.jpg", new OcrOptions { PoolSize = 1, FigureLanguage = null }).Text;
        Assert.DoesNotMatch(@"3,437\.73", text);
        Assert.Matches(@"统筹基金支付\s*[:：]\s*\S+\s*,437\.73", text);
    }

    [Fact]
    public void A_yen_sign_chi_sim_read_as_an_unsure_8_is_read_as_the_sign()
    {
        // The claim form prints 申请金额 : ¥939.32; chi_sim reads 8939.32 at 0.37, eng ¥939.32 at 0.50 (upside down: the page is turned first).
        var text = Page("zh-claim-form-sign.jpg", new OcrOptions { PoolSize = 1 }).Text;
        Assert.Matches(@"申请金额\s*[:：]\s*¥939\.32", text);
        Assert.Matches(@"申请金额\s*[:：]\s*8939\.32", Page("zh-claim-form-sign.jpg", new OcrOptions { PoolSize = 1, FigureLanguage = null }).Text);
    }

    private static OcrPage Page(string fixture, OcrOptions options)
    {
        using var pool = new EnginePool(options);
        var output = new VisionPipeline(pool).Process(Fixture.Bytes(fixture), fixture, new VisionOptions { Language = "chi_sim" });
        return Assert.Single(output.Pages);
    }

    /// <summary>The fixture's five amounts, each with the yen sign touching its first digit.</summary>
    private static readonly string[] Amounts = ["1,390.00", "1,075.00", "55.00", "260.00", "400.00"];

    [Fact]
    public void Yen_amounts_chi_sim_damages_are_read_right_by_the_figure_reread()
    {
        var page = Read(new OcrOptions { PoolSize = 1 });
        Assert.Equal(Amounts, AmountsOf(page));
    }

    [Fact]
    public void Without_the_reread_chi_sim_damages_the_amounts()
    {
        // What the re-read is for: the same crop read by chi_sim alone loses or changes some of the figures.
        var page = Read(new OcrOptions { PoolSize = 1, FigureLanguage = null });
        Assert.NotEqual(Amounts, AmountsOf(page));
    }

    private static OcrPage Read(OcrOptions options)
    {
        using var pool = new EnginePool(options);
        var output = new VisionPipeline(pool).Process(Fixture.Bytes("yen-amounts.jpg"), "yen-amounts.jpg", new VisionOptions { Language = "chi_sim" });
        return Assert.Single(output.Pages);
    }

    /// <summary>The figure after each label's colon, without the yen sign (eng reads some with it, some without).</summary>
    private static string[] AmountsOf(OcrPage page) =>
        [.. page.Lines.Select(l => AfterColon().Match(l.Text)).Where(m => m.Success).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"[:：]\s*¥?\s*(\S+)$")]
    private static partial Regex AfterColon();
}
