using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;
using ClaimVision.Vision;
using static ClaimVision.Intelligence.Tests.Pages;

namespace ClaimVision.Intelligence.Tests;

/// <summary>Values beside their labels on photographed forms: slanted rows, columns of values, misread signs, and text
/// that does not belong to the field (a date in a name's slot, rest advice after a diagnosis).</summary>
public class LabelledValueTests
{
    private static readonly FieldExtractor Extractor = new(new FixedTime(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static string? N(FieldExtraction r, string field) => r.Fields.TryGetValue(field, out var f) ? f.Normalized : null;

    /// <summary>A line whose words climb by <paramref name="rise"/> px each to the right (a slanted photo): the line box is
    /// the union of its words, so it is taller than any of them.</summary>
    private static OcrLine Slanted(int x, int y, int rise, params string[] words)
    {
        var list = new List<OcrWord>();
        var cx = x;
        foreach (var (w, i) in words.Select((w, i) => (w, i)))
        {
            list.Add(new OcrWord(w, 0.9, new BoundingBox(cx, y - i * rise, w.Length * 16, 24)));
            cx += (w.Length + 1) * 16;
        }
        return new OcrLine(string.Join(' ', words), 0.9, list.Select(w => w.Box).Aggregate(BoundingBox.Union), list);
    }

    private static OcrLine Cell(string text, int x, int y) =>
        new(text, 0.9, new BoundingBox(x, y, text.Length * 16, 24), [new OcrWord(text, 0.9, new BoundingBox(x, y, text.Length * 16, 24))]);

    private static VisionResult Page(params OcrLine[] lines) =>
        new([new OcrPage { Width = 1200, Height = 800, Language = "chi_sim", MeanConfidence = 0.9, Lines = lines }], []);

    [Fact]
    public void A_value_beside_a_label_at_the_end_of_a_climbing_line_is_on_the_labels_row()
    {
        // Claim form with its values in a column right of the labels; the photo's slant makes the label line 42 px tall,
        // and the figure beside 申请金额 lies outside the line's middle band but level with the label itself.
        var r = Extractor.Extract(DocumentType.ClaimForm, Page(
            Slanted(40, 200, 4, "疾病诊断", ":", "冠状动脉粥样硬化性心脏病", "申请金额", ":"),
            Cell("3,529.19", 620, 176)));
        Assert.Equal("3529.19", N(r, FieldNames.TotalAmount));
    }

    [Fact]
    public void Of_a_column_of_values_beside_a_label_the_one_level_with_it_is_taken()
    {
        // 就诊医院's value and the next row's date start at the same x; the date is lower, the hospital level with the label.
        var r = Extractor.Extract(DocumentType.ClaimForm, Page(
            Slanted(40, 120, 6, "保单号", ":", "P103392503250", "就诊医院", ":"),
            Cell("武汉市人民医院", 622, 98),
            Cell("2022年11月27日", 620, 122),
            Slanted(40, 160, 2, "入院日期", ":", "2022年11月19日", "出院日期")));
        Assert.Equal("武汉市人民医院", N(r, FieldNames.ProviderName));
    }

    [Fact]
    public void A_value_on_the_next_row_is_not_taken_for_a_label_left_without_one()
    {
        var r = Extractor.Extract(DocumentType.ClaimForm, Page(
            Slanted(40, 120, 0, "申请金额", ":"),
            Cell("3,529.19", 300, 160),
            Slanted(40, 160, 0, "保单号", ":")));
        Assert.False(r.Fields.ContainsKey(FieldNames.TotalAmount));
    }

    [Theory]
    [InlineData("2022年11月27日", null)]
    [InlineData("2022-11-27", null)]
    [InlineData("中国人民解放军301医院", "中国人民解放军301医院")] // a number in a name is no date
    public void A_date_is_no_name(string printed, string? expected)
    {
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(Row($"就诊医院：{printed}")));
        Assert.Equal(expected, N(r, FieldNames.ProviderName));
    }

    [Theory]
    [InlineData("21. ICD-10 A.: $52.5", "S52.5")]  // S read as $
    [InlineData("21. ICD-10 A.: K80.1", "K80.1")]
    public void An_icd_chapter_letter_read_as_a_dollar_sign_is_repaired_after_an_icd_label(string line, string code)
    {
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(Row("HEALTH INSURANCE CLAIM FORM"), Row(line)));
        var field = r.Fields[FieldNames.DiagnosisCode];
        Assert.Equal(code, field.Normalized);
        Assert.Equal(line.Contains('$'), field.Confidence < 0.8);
    }

    [Theory]
    [InlineData("21. ICD-10 A.; J44,1", "J44.1")]       // the point read as a comma
    [InlineData("21. ICD-10 A.: J44 .1", "J44.1")]      // or set apart from the code
    [InlineData("21. ICD-10 A.: J44. 1", "J44.1")]
    [InlineData("21. ICD-10 A.: J44 1", "J44.1")]       // or read as a space before the last digit
    [InlineData("21. ICD-10 A.: J44 12", "J44")]        // not before two: a figure after the category
    [InlineData("21. ICD-10 A.: J44 1 I10", "J44")]     // nor with more after it
    [InlineData("21. ICD-10 A.: J44, I10", "J44")]      // a list of two codes: the first
    [InlineData("21. ICD-10 A.: J44.1", "J44.1")]
    public void A_code_whose_point_OCR_moved_keeps_its_subcategory(string line, string code)
    {
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(Row("HEALTH INSURANCE CLAIM FORM"), Row(line)));
        Assert.Equal(code, r.Fields[FieldNames.DiagnosisCode].Normalized);
    }

    [Fact]
    public void A_dollar_amount_is_no_diagnosis_code()
    {
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(Row("HEALTH INSURANCE CLAIM FORM"), Row("28. TOTAL CHARGE: $52.5")));
        Assert.False(r.Fields.ContainsKey(FieldNames.DiagnosisCode));
        Assert.Equal("52.50", N(r, FieldNames.TotalAmount));
    }

    [Theory]
    [InlineData("社区获得性肺炎休息 7 天", "社区获得性肺炎")]           // 建议 lost: the advice ran into the diagnosis
    [InlineData("急性支气管炎 建议全休三天", "急性支气管炎")]
    [InlineData("Acute bronchitis Rest for 2 weeks", "Acute bronchitis")]
    [InlineData("« Essential hypertension", "Essential hypertension")]  // a speck before the first word
    [InlineData("¢ } Calculus of gallbladder", "Calculus of gallbladder")]
    [InlineData("2型糖尿病", "2型糖尿病")]                             // a leading digit belongs to the diagnosis
    [InlineData("睡眠休息障碍", "睡眠休息障碍")]                        // 休息 inside a condition, no days: kept
    [InlineData("Restless legs syndrome", "Restless legs syndrome")]
    [InlineData("2 型糖尿病颖病编码", "2 型糖尿病")]                    // the code's label, 疾 misread and its colon lost
    [InlineData("急性阑尾炎诊断编吗 :", "急性阑尾炎")]
    [InlineData("胆囊结石伴慢性胆囊炎", "胆囊结石伴慢性胆囊炎")]        // four glyphs unlike any code label: kept
    [InlineData("颖病编码", "颖病编码")]                                // nothing before it: no diagnosis to cut it from
    [InlineData("Fracture of distal radius =", "Fracture of distal radius")] // a mark before the code's label, cut off
    [InlineData("急性阑尾炎 | —", "急性阑尾炎")]
    [InlineData("肺炎（右下）", "肺炎（右下）")]                        // a closing bracket is the diagnosis's own
    public void A_diagnosis_loses_leading_marks_trailing_rest_advice_and_a_misread_code_label(string printed, string expected) =>
        Assert.Equal(expected, DiagnosisText.Clean(printed));

    [Fact]
    public void Rest_advice_glued_to_a_certificates_diagnosis_is_cut_off()
    {
        var r = Extractor.Extract(DocumentType.DiagnosisCertificate, Doc(
            Row("青岛市中医院"),
            Row("疾病诊断证明书"),
            Row("姓名：孙杰娜", "性别：女@500"),
            Row("诊断：社区获得性肺炎休息 7 天"),
            Row("日期：2022-07-05@500")));
        Assert.Equal("社区获得性肺炎", N(r, FieldNames.Diagnosis));
        Assert.Equal("2022-07-05", N(r, FieldNames.DocumentDate));
    }

    [Theory]
    [InlineData("2,235.22", "4760.39")]  // 政策范围内 + 乙类先行自付 + 全自费 = 4760.39 ends in the digits read: the figure is completed
    [InlineData("2,135.22", "760.39")]   // the breakdown gives 4660.39: it does not end in 760.39, nothing is completed
    public void A_settlement_sheet_reads_its_diagnosis_and_covered_amount_and_completes_a_damaged_total_from_the_breakdown(string covered, string total)
    {
        var r = Extractor.Extract(DocumentType.SettlementSheet, Doc(
            Row("湖南省基本医疗保险费用结算单"),
            Row("姓名 : 谢杰", "诊断 ; 脑梗死@700"),
            Row("医疗费用总额 : 习 ,760.39", $"政策范围内金额 : ¥{covered}@700"),
            Row("乙类先行自付 : Y93.79", "全自费金额 : ¥2,431.38@700")));
        Assert.Equal("脑梗死", N(r, FieldNames.Diagnosis));
        Assert.Equal(covered.Replace(",", ""), N(r, FieldNames.CoveredAmount));
        var field = r.Fields[FieldNames.TotalAmount];
        Assert.Equal(total, field.Normalized);
        Assert.Equal(total == "4760.39", field.Checks.Any(c => c.Name == "totalPrinted" && c.Passed));
    }
}
