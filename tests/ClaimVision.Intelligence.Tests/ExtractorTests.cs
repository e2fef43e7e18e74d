using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;
using ClaimVision.Intelligence.Validation;
using ClaimVision.Vision;
using static ClaimVision.Intelligence.Tests.Pages;

namespace ClaimVision.Intelligence.Tests;

public class ExtractorTests
{
    private static readonly FieldExtractor Extractor = new(new FixedTime(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static string? N(FieldExtraction r, string field) => r.Fields.TryGetValue(field, out var f) ? f.Normalized : null;

    /// <summary>Tesseract read 孙宇英 as 姓名 : 孙 and, one pixel to its right, 宇英: the fragment completes the surname. A
    /// label beside a one-character value (性别, 门诊号 before its number), an unlabelled sex, a value of more Han than a
    /// given name holds, a fragment more than one and a half text heights away, and a two-character name stay as read.</summary>
    [Theory]
    [InlineData("姓名 : 孙", "宇英@140", "孙宇英")]
    [InlineData("姓名 : 孙", "宇英 40178924@140", "孙宇英")]
    [InlineData("姓名 : 孙", "性别 : 男@140", "孙")]
    [InlineData("姓名 : 孙", "宇英门诊号@140", "孙")]
    [InlineData("姓名 : 孙", "门诊号 40178924@140", "孙")]
    [InlineData("姓名 : 孙", "男 45 岁@140", "孙")]
    [InlineData("姓名 : 孙", "宇英@200", "孙")]
    [InlineData("姓名 : 孙宇", "英@160", "孙宇")]
    public void A_surname_read_apart_from_its_given_name_is_completed_by_the_fragment_beside_it(string label, string beside, string expected)
    {
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("杭州市第一人民医院门诊收费票据"),
            Row(label, beside),
            Row("开票日期 : 2024-12-21"),
            Row("合计 : 1,234.00")));

        Assert.Equal(expected, N(r, FieldNames.PatientName));
    }

    [Fact]
    public void Inpatient_invoice_fields_and_words_cross_check()
    {
        var r = Extractor.Extract(DocumentType.InpatientInvoice, Doc(
            Row("北京市医疗住院收费票据"),
            Row("医疗机构名称：首都医科大学附属北京友谊医院", "票据号码：0012345678@700"),
            Row("姓名：张三", "性别：男@300", "住院号：ZY202400123@500"),
            Row("入院日期：2024年3月1日", "出院日期：2024年3月9日@500"),
            Row("项目@40", "金额@400", "项目@600", "金额@900"),
            Row("床位费@40", "600.00@400"),
            Row("西药费@40", "1,234.56@400"),
            Row("合计（大写）：壹仟捌佰叁拾肆元伍角陆分"),
            Row("合计（小写）：¥1,834.56", "开票日期：2024-03-09@600"),
            Row("统筹基金支付：1,200.00", "个人支付：634.56@500")));

        Assert.Equal("首都医科大学附属北京友谊医院", N(r, FieldNames.ProviderName));
        Assert.Equal("张三", N(r, FieldNames.PatientName));
        Assert.Equal("M", N(r, FieldNames.PatientSex));
        Assert.Equal("ZY202400123", N(r, FieldNames.MedicalRecordNumber));
        Assert.Equal("0012345678", N(r, FieldNames.InvoiceNumber));
        Assert.Equal("2024-03-01", N(r, FieldNames.AdmissionDate));
        Assert.Equal("2024-03-09", N(r, FieldNames.DischargeDate));
        Assert.Equal("2024-03-09", N(r, FieldNames.DocumentDate));
        Assert.Equal("1834.56", N(r, FieldNames.TotalAmount));
        Assert.Equal("1834.56", N(r, FieldNames.TotalAmountInWords));
        Assert.Equal("1200.00", N(r, FieldNames.InsurancePaidAmount));
        Assert.Equal("634.56", N(r, FieldNames.PersonalPaidAmount));
        Assert.Equal("CNY", N(r, FieldNames.Currency));
        var total = r.Fields[FieldNames.TotalAmount];
        Assert.All(total.Checks, c => Assert.True(c.Passed, c.Message));
        Assert.Contains(total.Checks, c => c.Name == "amountInWordsMatches");
        Assert.Contains(total.Checks, c => c.Name == "totalEqualsParts");
        // The box is the union of the words used, on the row of the label.
        Assert.NotNull(total.Box);
        Assert.Equal(40 + 8 * 40, total.Box!.Value.Y);
    }

    [Fact]
    public void Invoice_whose_upper_case_amount_disagrees_is_flagged_and_less_confident()
    {
        VisionResult Page(string words) => Doc(
            Row("某某市人民医院住院收费票据"),
            Row($"合计（大写）：{words}"),
            Row("合计（小写）：¥1,834.56"));
        var good = Extractor.Extract(DocumentType.InpatientInvoice, Page("壹仟捌佰叁拾肆元伍角陆分")).Fields[FieldNames.TotalAmount];
        var bad = Extractor.Extract(DocumentType.InpatientInvoice, Page("壹仟捌佰叁拾陆元伍角陆分")).Fields[FieldNames.TotalAmount];
        Assert.Contains(bad.Checks, c => c.Name == "amountInWordsMatches" && !c.Passed);
        Assert.True(bad.Confidence < good.Confidence * 0.6);
        Assert.Equal("某某市人民医院", Extractor.Extract(DocumentType.InpatientInvoice, Page("壹仟捌佰叁拾肆元伍角陆分")).Fields[FieldNames.ProviderName].Value);
    }

    [Fact]
    public void An_upper_case_amount_read_only_in_part_does_not_cast_doubt_on_the_figures()
    {
        // OCR read 贰 as 起: only 陆佰 parses. Measured on sample claim 12, where the clean 620.00 total fell to 0.46.
        VisionResult Page(string words) => Doc(
            Row("某某县人民医院住院收费票据"),
            Row($"合计（大写）：{words}"),
            Row("合计（小写）：620.00"));
        var damaged = Extractor.Extract(DocumentType.InpatientInvoice, Page("陆佰起拾元整")).Fields;
        var clean = Extractor.Extract(DocumentType.InpatientInvoice, Page("陆佰贰拾元整")).Fields;

        Assert.DoesNotContain(damaged[FieldNames.TotalAmount].Checks, c => c.Name == "amountInWordsMatches");
        // Every legible glyph of 陆佰起拾元整 agrees with 620.00: read by the figures, and said so, never as a second reading.
        Assert.Contains(damaged[FieldNames.TotalAmountInWords].Checks, c => c.Name == TotalRepair.WordsResembleFigures && c.Passed);
        Assert.Equal(clean[FieldNames.TotalAmount].Confidence, damaged[FieldNames.TotalAmount].Confidence, 3);
        Assert.Equal("620.00", damaged[FieldNames.TotalAmount].Normalized);
    }

    [Fact]
    public void Expense_list_reads_line_items_by_column_and_checks_their_sum()
    {
        var r = Extractor.Extract(DocumentType.ExpenseList, Doc(
            Row("住院费用清单"),
            Row("姓名：李四", "住院号：2024000456@500"),
            Row("项目名称@40", "类别@400", "数量@550", "单价@700", "金额@900"),
            Row("头孢曲松钠注射液@40", "乙@400", "10@560", "12.50@700", "125.00@900"),
            Row("血常规检查@40", "甲@400", "2@560", "25.00@700", "50.00@900"),
            Row("床位费@40", "甲@400", "8@560", "60.00@700", "480.00@900"),
            Row("合计：655.00")));

        Assert.Equal(3, r.LineItems.Count);
        var first = r.LineItems[0];
        Assert.Equal("头孢曲松钠注射液", first.Description);
        Assert.Equal("乙", first.Category);
        Assert.Equal(10m, first.Quantity);
        Assert.Equal(12.50m, first.UnitPrice);
        Assert.Equal(125.00m, first.Amount);
        Assert.Equal("655.00", N(r, FieldNames.TotalAmount));
        Assert.Contains(r.Fields[FieldNames.TotalAmount].Checks, c => c.Name == "lineItemsSumToTotal" && c.Passed);
    }

    [Fact]
    public void A_record_number_that_starts_with_its_own_label_keeps_it()
    {
        // "MRN: MRN1907106": the second MRN begins the number itself, it is no label.
        var r = Extractor.Extract(DocumentType.DischargeSummary, Doc(
            Row("DISCHARGE SUMMARY"),
            Row("Patient name: Siti Moore@40", "MRN: MRN1907106@600")));
        Assert.Equal("MRN1907106", N(r, FieldNames.MedicalRecordNumber));
    }

    [Fact]
    public void An_english_statement_gives_its_covered_and_not_covered_amounts_apart()
    {
        var r = Extractor.Extract(DocumentType.ExpenseList, Doc(
            Row("ITEMIZED STATEMENT"),
            Row("Total charges: 7,535.30@40"),
            Row("Coinsurance: 641.29@40", "Covered: 6,894.01@500", "Not covered: 0.00@900")));
        Assert.Equal("6894.01", N(r, FieldNames.CoveredAmount));
        Assert.Equal("0.00", N(r, FieldNames.OutOfCatalogueAmount));
        Assert.Equal("641.29", N(r, FieldNames.SelfPaidAmount));
    }

    [Fact]
    public void A_member_card_gives_its_group_number_as_the_policy()
    {
        var r = Extractor.Extract(DocumentType.InsuranceCard, Doc(
            Row("Cigna Healthcare"),
            Row("Member Health Plan Card"),
            Row("Member Siti Moore"),
            Row("Member ID KLL320794682"),
            Row("Group GRP-93963"),
            Row("Valid thru 10/01/2031")));
        Assert.Equal("GRP-93963", N(r, FieldNames.PolicyNumber));
    }

    [Theory]
    [InlineData("ID QHD246659123", "QHD246659123")]            // the card's bare ID label
    [InlineData("ID: W123456789", "W123456789")]
    [InlineData("ID:W123456789", "W123456789")]
    [InlineData("IDW123456789", null)]                         // no separator: not the label
    [InlineData("ID 110105194903200317", "110105194903200317")] // a resident ID after it
    [InlineData("ID card holder services", null)]              // ID opening a sentence, no number after it
    [InlineData("Patient ID QHD246659123", null)]              // not at the line's start: not this label
    public void A_member_card_takes_the_number_after_a_bare_ID_label(string row, string? expected)
    {
        var r = Extractor.Extract(DocumentType.InsuranceCard, Doc(
            Row("Blue Shield of California"),
            Row("Member Wei Kumar"),
            Row(row),
            Row("Group GRP-59102")));
        Assert.Equal(expected, r.Fields.TryGetValue(FieldNames.PatientIdNumber, out var id) ? id.Normalized : null);
    }

    [Fact]
    public void A_bare_ID_label_is_the_member_cards_own_and_gives_way_to_a_lexicon_label()
    {
        var labelled = Extractor.Extract(DocumentType.InsuranceCard, Doc(
            Row("ID QHD246659123"),
            Row("Member ID KLL320794682")));
        Assert.Equal("KLL320794682", N(labelled, FieldNames.PatientIdNumber));
        var claimForm = Extractor.Extract(DocumentType.ClaimForm, Doc(Row("ID QHD246659123")));
        Assert.False(claimForm.Fields.ContainsKey(FieldNames.PatientIdNumber));
    }

    [Fact]
    public void An_invoice_table_headed_only_by_service_and_amount_gives_line_items_that_back_its_total()
    {
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("OUTPATIENT RECEIPT"),
            Row("Invoice No.: INV-260210@40", "Date: 02/10/2026@700"),
            Row("Service@300", "Amount@1000"),
            Row("Professional fees@40", "185.00@1000"),
            Row("Laboratory@40", "42.40@1000"),
            Row("Radiology@40", "158.00@1000"),
            Row("Total charges: 385.40")));
        Assert.Equal(["Professional fees", "Laboratory", "Radiology"], r.LineItems.Select(i => i.Description));
        Assert.Equal([185.00m, 42.40m, 158.00m], r.LineItems.Select(i => i.Amount));
        Assert.Contains(r.Fields[FieldNames.TotalAmount].Checks, c => c.Name == "lineItemsSumToTotal" && c.Passed);
    }

    [Fact]
    public void A_row_read_as_its_amount_above_its_description_is_one_item()
    {
        // The amount printed at the top of its cell and the name at the bottom: OCR returns two rows a few pixels apart.
        var r = Extractor.Extract(DocumentType.InpatientInvoice, Doc(
            Row("项目名称@300", "金额(元)@1000"),
            Row("床位费@40", "360.00@1000"),
            Row("300.00@1000"),
            Row("检查费@40"),
            Row("西药费@40", "250.00@1000"),
            Row("合计(小写)：910.00")));
        Assert.Equal(["床位费", "检查费", "西药费"], r.LineItems.Select(i => i.Description));
        Assert.Equal([360.00m, 300.00m, 250.00m], r.LineItems.Select(i => i.Amount));
        Assert.Contains(r.Fields[FieldNames.TotalAmount].Checks, c => c.Name == "lineItemsSumToTotal" && c.Passed);
    }

    /// <summary>An invoice whose name column and amount column OCR returned apart (one row whole), with the given figure rows.</summary>
    private static FieldExtraction SplitColumns(params string[] figures) => Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
        [Row("项目名称@300", "金额(元)@1000"), Row("护理费@40"), Row("诊查费@40"), Row("床位费@40", "2314.00@1000"),
         .. figures.Select(f => Row(f + "@1000")), Row("合计(小写)：3260.01")]));

    [Fact]
    public void Names_and_amounts_read_as_separate_blocks_pair_up_in_order()
    {
        var r = SplitColumns("298.22", "647.79");
        Assert.Equal(["护理费", "诊查费", "床位费"], r.LineItems.Select(i => i.Description));
        Assert.Equal([298.22m, 647.79m, 2314.00m], r.LineItems.Select(i => i.Amount));
        Assert.Contains(r.Fields[FieldNames.TotalAmount].Checks, c => c.Name == "lineItemsSumToTotal" && c.Passed);
    }

    [Fact]
    public void Unequal_numbers_of_names_and_amounts_stay_unpaired()
    {
        var r = SplitColumns("298.22");
        Assert.Equal(["床位费"], r.LineItems.Select(i => i.Description));
    }

    [Fact]
    public void A_description_row_is_not_joined_to_a_next_row_that_is_an_item_of_its_own()
    {
        var r = Extractor.Extract(DocumentType.InpatientInvoice, Doc(
            Row("项目名称@300", "金额(元)@1000"),
            Row("检查费@40"),
            Row("西药费@40", "250.00@1000"),
            Row("合计(小写)：250.00")));
        Assert.Equal(["西药费"], r.LineItems.Select(i => i.Description));
    }

    [Fact]
    public void A_value_written_taller_than_its_label_beside_it_is_its_value_not_the_line_below()
    {
        // A generated certificate's diagnosis in a handwriting font: its box starts beside the 27 px label and reaches
        // 40 px below it, so its middle is lower than the label's; the next printed line (Advice …) was taken before.
        static OcrLine Line(string text, int x, int y, int width, int height) =>
            new(text, 0.9, new BoundingBox(x, y, width, height), [new OcrWord(text, 0.9, new BoundingBox(x, y, width, height))]);
        var page = new OcrPage
        {
            Width = 1100, Height = 600, Language = "eng", MeanConfidence = 0.9,
            Lines =
            [
                Line("CERTIFICATE OF DIAGNOSIS", 141, 172, 279, 26),
                Line("MRN: MRN2405954", 139, 295, 205, 27),
                Line("Diagnosis:", 138, 341, 104, 27),
                Line("COPD with acute exacerbation", 248, 350, 571, 59),
                Line("Advice: Rest for 1 weeks", 134, 397, 400, 40),
                Line("Date: 2024-11-17", 135, 476, 176, 26),
            ],
        };
        var r = Extractor.Extract(DocumentType.DiagnosisCertificate, new VisionResult([page], []));
        Assert.Equal("COPD with acute exacerbation", N(r, FieldNames.Diagnosis));
    }

    [Fact]
    public void A_self_pay_ratio_is_never_taken_for_the_amount()
    {
        // OCR joins the name and the 自付比例 column into one line and reads the figures as another, so "0%" comes first.
        static OcrLine Line(int y, params (string Text, int X)[] words) =>
            new(string.Join(' ', words.Select(w => w.Text)), 0.9, new BoundingBox(words[0].X, y, words[^1].X + 60 - words[0].X, 24),
                [.. words.Select(w => new OcrWord(w.Text, 0.9, new BoundingBox(w.X, y, w.Text.Length * 16, 24)))]);
        var page = new OcrPage
        {
            Width = 1200, Height = 400, Language = "chi_sim", MeanConfidence = 0.9,
            Lines =
            [
                Line(40, ("项目名称", 40), ("数量", 450)), Line(41, ("单价", 600), ("金额", 750), ("自付比例", 950)),
                Line(80, ("床位费", 40), ("0%", 980)), Line(84, ("60.00", 600), ("360.00", 750)),
                Line(120, ("胸部CT平扫", 40), ("10%", 975)), Line(123, ("300.00", 600), ("300.00", 750)),
                Line(160, ("合计：660.00", 40)),
            ],
        };
        var r = Extractor.Extract(DocumentType.ExpenseList, new VisionResult([page], []));
        Assert.Equal([360.00m, 300.00m], r.LineItems.Select(i => i.Amount));
        Assert.Equal([60.00m, 300.00m], r.LineItems.Select(i => i.UnitPrice));
        Assert.Contains(r.Fields[FieldNames.TotalAmount].Checks, c => c.Name == "lineItemsSumToTotal" && c.Passed);
    }

    [Theory]
    [InlineData("合计(小写)： 支付： 14,569.00", null)]        // 医保统筹支付's figure, its label half lost, is not the total
    [InlineData("合计(小写)： ¥1,390.00 支付： 14,569.00", "1390.00")]
    [InlineData("合计(小写)： 1,390.00", "1390.00")]
    public void A_figure_behind_a_label_of_its_own_is_not_the_value_of_the_label_before(string line, string? total)
    {
        var r = Extractor.Extract(DocumentType.InpatientInvoice, Doc(Row("住院收费票据"), Row(line)));
        Assert.Equal(total, r.Fields.TryGetValue(FieldNames.TotalAmount, out var f) ? f.Normalized : null);
    }

    [Fact]
    public void A_label_line_naming_an_item_and_an_amount_does_not_head_a_table()
    {
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("Item: consultation@40", "Amount: 60.00@700"),
            Row("Laboratory@40", "42.40@1000"),
            Row("Total charges: 60.00")));
        Assert.Empty(r.LineItems);
    }

    /// <summary>An expense list whose 合计 line is read at confidence 0.7 and its three items at 0.9.</summary>
    private static VisionResult UnsureTotal(string total)
    {
        var page = Build(
            Row("项目名称@40", "数量@550", "单价@700", "金额@900"),
            Row("头孢曲松钠注射液@40", "10@560", "12.50@700", "125.00@900"),
            Row("血常规检查@40", "2@560", "25.00@700", "50.00@900"),
            Row("床位费@40", "8@560", "60.00@700", "480.00@900"),
            Row("合计：" + total));
        return new VisionResult([page with
        {
            Lines = [.. page.Lines.Select(l => l.Text.StartsWith("合计", StringComparison.Ordinal)
                ? l with { Confidence = 0.7, Words = [.. l.Words.Select(w => w with { Confidence = 0.7 })] }
                : l)],
        }], []);
    }

    [Fact]
    public void A_total_its_line_items_add_up_to_exactly_is_corroborated_by_them()
    {
        var total = Extractor.Extract(DocumentType.ExpenseList, UnsureTotal("655.00")).Fields[FieldNames.TotalAmount];
        Assert.Equal("655.00", total.Normalized);
        Assert.Contains(total.Checks, c => c.Name == "lineItemsSumToTotal" && c.Passed);
        Assert.True(total.Confidence >= 0.95, $"confidence {total.Confidence}");
    }

    [Fact]
    public void A_total_the_items_meet_only_within_tolerance_is_not_corroborated()
    {
        // 655.04 passes the sum check (tolerance 0.05) but is not the items' sum to the cent: no second reading of it.
        var total = Extractor.Extract(DocumentType.ExpenseList, UnsureTotal("655.04")).Fields[FieldNames.TotalAmount];
        Assert.Contains(total.Checks, c => c.Name == "lineItemsSumToTotal" && c.Passed);
        Assert.True(total.Confidence <= 0.7, $"confidence {total.Confidence}");
    }

    [Fact]
    public void Expense_list_whose_items_do_not_sum_is_flagged()
    {
        var r = Extractor.Extract(DocumentType.ExpenseList, Doc(
            Row("项目名称@40", "数量@550", "单价@700", "金额@900"),
            Row("头孢曲松钠注射液@40", "10@560", "12.50@700", "125.00@900"),
            Row("床位费@40", "8@560", "60.00@700", "480.00@900"),
            Row("合计：705.00")));
        var total = r.Fields[FieldNames.TotalAmount];
        Assert.Contains(total.Checks, c => c.Name == "lineItemsSumToTotal" && !c.Passed);
        Assert.True(total.Confidence < 0.5);
    }

    [Fact]
    public void Discharge_summary_reads_the_stay_and_splits_the_icd_code_from_the_diagnosis()
    {
        var r = Extractor.Extract(DocumentType.DischargeSummary, Doc(
            Row("上海市第六人民医院"),
            Row("出院小结"),
            Row("姓名：王五", "性别：女@300", "科室：普外科@500", "住院号：Z88812@800"),
            Row("入院日期：2024-05-02", "出院日期：2024-05-10@600"),
            Row("出院诊断：急性阑尾炎 K35.8"),
            Row("主治医师：赵明华")));
        Assert.Equal("上海市第六人民医院", N(r, FieldNames.ProviderName));
        Assert.Equal("王五", N(r, FieldNames.PatientName));
        Assert.Equal("F", N(r, FieldNames.PatientSex));
        Assert.Equal("普外科", N(r, FieldNames.Department));
        Assert.Equal("急性阑尾炎", N(r, FieldNames.Diagnosis));
        Assert.Equal("K35.8", N(r, FieldNames.DiagnosisCode));
        Assert.Equal("2024-05-10", N(r, FieldNames.DischargeDate));
        Assert.Equal("赵明华", N(r, FieldNames.PhysicianName));
    }

    [Theory]
    [InlineData("检验者：罗嘉勇", "罗嘉勇")]
    [InlineData("审核者：何志晓", "何志晓")]
    [InlineData("Technologist: Dr. S. Jackson", "Dr. S. Jackson")]
    [InlineData("Reported by: Dr. J. Kumar", "Dr. J. Kumar")]
    public void Lab_report_reads_who_signed_it(string signature, string physician)
    {
        var r = Extractor.Extract(DocumentType.LabReport, Doc(
            Row("Test: Urinalysis"),
            Row("Reported: April 27, 2022"),
            Row(signature)));
        Assert.Equal(physician, N(r, FieldNames.PhysicianName));
        // "Reported by" names the doctor; "Reported" alone still dates the report.
        Assert.Equal("2022-04-27", N(r, FieldNames.DocumentDate));
    }

    [Fact]
    public void Prescription_reads_the_prescriber()
    {
        var r = Extractor.Extract(DocumentType.Prescription, Doc(
            Row("Diagnosis: Acute appendicitis"),
            Row("Rp."),
            Row("Prescriber: Dr. W. Jones")));
        Assert.Equal("Dr. W. Jones", N(r, FieldNames.PhysicianName));
    }

    [Theory]
    [InlineData("Physician: De. D. Moore", "Dr. D. Moore")]   // the handwriting font's r read as e
    [InlineData("Physician: De D. Moore", "Dr. D. Moore")]
    [InlineData("Physician: D- D. Moore", "Dr. D. Moore")]
    [InlineData("Physician: Dr E. Williams", "Dr. E. Williams")]
    [InlineData("Physician: Dr. N Wilson", "Dr. N. Wilson")]   // the initial's point lost
    [InlineData("Physician: De M Jackson", "Dr. M. Jackson")]
    [InlineData("Physician: De. Re Moore", "De. Re Moore")]   // the initial itself misread: left as read
    [InlineData("Physician: Dennis Moore", "Dennis Moore")]
    public void A_doctors_title_misread_before_an_initial_and_surname_is_read_as_Dr(string row, string physician)
    {
        var r = Extractor.Extract(DocumentType.DischargeSummary, Doc(
            Row("DISCHARGE SUMMARY"),
            Row("Provider: Lakeside Memorial Hospital"),
            Row(row)));
        Assert.Equal(physician, N(r, FieldNames.PhysicianName));
    }

    [Theory]
    [InlineData("有效期 2031.08.01", "2031-08-01")]          // 至 lost next to the figures
    [InlineData("有效期至 2029 年 06 月 01 日", "2029-06-01")]
    [InlineData("Valid until 12/31/2031", "2031-12-31")]
    [InlineData("有效期 2021.08.01-2031.08.01", "2031-08-01")]          // a validity range: its end
    [InlineData("有效期：2021年08月01日至2031年07月31日", "2031-07-31")]
    public void An_insurance_card_reads_its_expiry_under_any_common_label(string row, string expiry)
    {
        var r = Extractor.Extract(DocumentType.InsuranceCard, Doc(
            Row("医疗保险会员卡"),
            Row("被保险人 宋玲"),
            Row(row)));
        Assert.Equal(expiry, N(r, FieldNames.ExpiryDate));
    }

    [Fact]
    public void Discharge_before_admission_lowers_the_discharge_date()
    {
        var r = Extractor.Extract(DocumentType.DischargeSummary, Doc(
            Row("入院日期：2024-05-12", "出院日期：2024-05-10@600")));
        var discharge = r.Fields[FieldNames.DischargeDate];
        Assert.Contains(discharge.Checks, c => c.Name == "admissionBeforeDischarge" && !c.Passed);
        Assert.True(discharge.Confidence < r.Fields[FieldNames.AdmissionDate].Confidence);
    }

    [Fact]
    public void Settlement_sheet_validates_the_id_and_the_split()
    {
        VisionResult Sheet(string id, string personal) => Doc(
            Row("北京市基本医疗保险结算单"),
            Row("定点医疗机构：北京大学第一医院"),
            Row("参保人姓名：陈六", "身份证号：@500", $"{id}@700"),
            Row("医疗费用总额：5,000.00"),
            Row("统筹基金支付：3,500.00", "大病保险支付：500.00@600"),
            Row($"个人现金支付：{personal}"));
        var ok = Extractor.Extract(DocumentType.SettlementSheet, Sheet("11010519491231002X", "1,000.00"));
        Assert.Equal("北京大学第一医院", N(ok, FieldNames.ProviderName));
        Assert.Equal("陈六", N(ok, FieldNames.PatientName));
        Assert.Equal("11010519491231002X", N(ok, FieldNames.PatientIdNumber));
        Assert.All(ok.Fields[FieldNames.PatientIdNumber].Checks, c => Assert.True(c.Passed, c.Message));
        Assert.Equal("500.00", N(ok, FieldNames.CriticalIllnessAmount));
        Assert.Contains(ok.Fields[FieldNames.TotalAmount].Checks, c => c.Name == "totalEqualsParts" && c.Passed);

        var bad = Extractor.Extract(DocumentType.SettlementSheet, Sheet("110105194912310021", "1,100.00"));
        Assert.Contains(bad.Fields[FieldNames.PatientIdNumber].Checks, c => c.Name == "idCheckDigit" && !c.Passed);
        Assert.Contains(bad.Fields[FieldNames.TotalAmount].Checks, c => c.Name == "totalEqualsParts" && !c.Passed);
    }

    [Theory]
    [InlineData("11010519491231002X", true)]   // the check character matches: a second reading of the other 17
    [InlineData("110105194912310021", false)]  // one wrong digit: the check fails and the reading stays doubtful
    public void A_matching_id_check_character_corroborates_an_unsure_id_reading(string id, bool corroborated)
    {
        var page = Build(Row("北京市基本医疗保险结算单"), Row("参保人姓名：陈六", "身份证号：@500", $"{id}@700"), Row("医疗费用总额：5,000.00"));
        var unsure = page with { Lines = [.. page.Lines.Select(l => l.Text == id ? l with { Confidence = 0.83, Words = [.. l.Words.Select(w => w with { Confidence = 0.83 })] } : l)] };
        var field = Extractor.Extract(DocumentType.SettlementSheet, new VisionResult([unsure], [])).Fields[FieldNames.PatientIdNumber];
        Assert.Equal(corroborated, field.Confidence >= 0.95);
        Assert.True(corroborated || field.Confidence < 0.5, $"confidence {field.Confidence}");
        Assert.Single(field.Checks, c => c.Name == ResidentIdValidator.CheckDigit);
    }

    [Fact]
    public void English_receipt_seller_address_date_and_total()
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("WELCOME"),
            Row("KEDAI UBAT SINAR"),
            Row("PHARMACY SDN BHD"),
            Row("(123456-K)"),
            Row("NO. 12, JALAN MERDEKA 3,"),
            Row("TAMAN BAHAGIA, 47300 PETALING JAYA,"),
            Row("SELANGOR."),
            Row("TEL: 03-7712 3456"),
            Row("DATE:", "03/04/2019 10:15@300"),
            Row("PANADOL 10S@40", "8.90@600"),
            Row("SUBTOTAL@40", "21.17@600"),
            Row("GST 6%@40", "1.27@600"),
            Row("TOTAL INCL GST@40", "22.44@600"),
            Row("ROUNDED TOTAL (RM)@40", "22.45@600"),
            Row("CASH@40", "50.00@600"),
            Row("CHANGE@40", "27.55@600")));
        Assert.Equal("KEDAI UBAT SINAR PHARMACY SDN BHD", N(r, FieldNames.ProviderName));
        Assert.Equal("NO. 12, JALAN MERDEKA 3, TAMAN BAHAGIA, 47300 PETALING JAYA, SELANGOR.", N(r, FieldNames.ProviderAddress));
        Assert.Equal("2019-04-03", N(r, FieldNames.DocumentDate));
        Assert.Equal("22.45", N(r, FieldNames.TotalAmount));
        Assert.Equal("MYR", N(r, FieldNames.Currency));
    }

    [Fact]
    public void Receipt_address_skips_a_seller_line_with_a_street_word_and_ends_at_a_contact_tax_or_bare_phone_line()
    {
        // The branch printed under the address belongs to the address block; the tax line ends it.
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("TAN AH KOW"),
            Row("BOOK STORE (TAMAN DAYA) SDN BHD"),
            Row("NO. 5, JALAN SAGU 18,"),
            Row("81100 JOHOR BAHRU, JOHOR"),
            Row("DARUL TAKZIM"),
            Row("MID VALLEY BRANCH"),
            Row("GST ID NO: 000123456789"),
            Row("DATE: 25/12/2018")));
        Assert.Equal("NO. 5, JALAN SAGU 18, 81100 JOHOR BAHRU, JOHOR DARUL TAKZIM MID VALLEY BRANCH", N(r, FieldNames.ProviderAddress));
        Assert.Equal("BOOK STORE (TAMAN DAYA) SDN BHD", N(r, FieldNames.ProviderName));

        var phone = Extractor.Extract(DocumentType.Other, Doc(
            Row("KEDAI MAJU ENTERPRISE"),
            Row("NO 19-G, JALAN TASIK UTAMA 4,"),
            Row("MEDAN NIAGA TASIK DAMAI"),
            Row("016-5498845"),
            Row("TOTAL@40", "9.00@600")));
        Assert.Equal("NO 19-G, JALAN TASIK UTAMA 4, MEDAN NIAGA TASIK DAMAI", N(phone, FieldNames.ProviderAddress));
    }

    [Fact]
    public void A_label_word_inside_a_hyphenated_value_does_not_cut_the_value()
    {
        // "Network: in-network" was read as providerLevel "in-": the "network" after the hyphen counted as a second label.
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("OUTPATIENT RECEIPT"),
            Row("Facility: Riverside Family Clinic"),
            Row("Network: in-network"),
            Row("Total charges: $211.40")));
        Assert.Equal("in-network", r.Fields[FieldNames.ProviderLevel].Value);
    }

    [Fact]
    public void Receipt_whose_only_lines_name_the_seller_has_no_address_and_does_not_fail()
    {
        // Found by a generated "other" document read after rule removal: the company block ran to the last line and
        // the address search started one past the end.
        var r = Extractor.Extract(DocumentType.Other, Doc(Row("KEDAI UBAT MAJU SDN BHD")));
        Assert.False(r.Fields.ContainsKey(FieldNames.ProviderAddress));
        Assert.Equal("KEDAI UBAT MAJU SDN BHD", r.Fields[FieldNames.ProviderName].Value);
    }

    [Fact]
    public void Receipt_without_a_total_row_pays_tendered_minus_change()
    {
        var r = Extractor.Extract(DocumentType.PharmacyReceipt, Doc(
            Row("GOOD HEALTH PHARMACY"),
            Row("NO 5, JALAN SATU, 50000 KUALA LUMPUR"),
            Row("VITAMIN C@40", "35.00@600"),
            Row("CASH@40", "50.00@600"),
            Row("CHANGE@40", "15.00@600")));
        Assert.Equal("35.00", N(r, FieldNames.TotalAmount));
    }

    [Theory]
    [InlineData("诊断 : 社区获得性肺炎", "疾病编码 : 18.9", "18.9", "J18.9")]                                 // the J lost
    [InlineData("诊断 : 冠状动脉粥样硬化性心脏病", "疾病编码 : 125.1 休息 14 天", "125.1", "I25.1")]  // I read as 1, text after it
    [InlineData("诊断 : 冠状动脉粥样硬化性心脏病", "疾病编码 : 125.1 建议 : 休息 14 天", "125.1", "I25.1")]  // read by the letter map, backed by the catalogue
    [InlineData("诊断 : 社区获得性肺炎", "疾病编码 : 18.1", null, null)]     // the rest is another code's: not this diagnosis's
    [InlineData("诊断 : 左侧第五跖骨骨折", "疾病编码 : 18.9", null, null)]   // a diagnosis the catalogue does not hold says nothing
    [InlineData("诊断 : 社区获得性肺炎", "建议 : 休息 18.9 天", null, null)]  // not beside a code label
    [InlineData("诊断 : 社区获得性肺炎", "疾病编码 : 18.9.2022", null, null)]  // a date, not a code
    [InlineData("诊断 : 社区获得性肺炎", "疾病编码 : ¥18.9", null, null)]      // an amount
    public void A_code_that_lost_its_chapter_letter_is_completed_from_the_diagnosis_beside_it(string diagnosisRow, string codeRow, string? printed, string? code)
    {
        var r = Extractor.Extract(DocumentType.DiagnosisCertificate, Doc(
            Row("广州市人民医院"),
            Row("疾病诊断证明书"),
            Row("姓名 : 司马娟明"),
            Row(diagnosisRow),
            Row(codeRow)));
        Assert.Equal(code, N(r, FieldNames.DiagnosisCode));
        if (code is null) return;
        var field = r.Fields[FieldNames.DiagnosisCode];
        Assert.Equal(printed, field.Value);
        Assert.True(field.Confidence <= DiagnosisRepair.RepairedConfidence, $"confidence {field.Confidence}");
        Assert.Contains(field.Checks, c => c.Name == DiagnosisRepair.InCatalogue && c.Message.Contains(code, StringComparison.Ordinal));
    }

    [Fact]
    public void Diagnosis_certificate_reads_patient_diagnosis_date_and_the_title_hospital()
    {
        var r = Extractor.Extract(DocumentType.DiagnosisCertificate, Doc(
            Row("上海市第六人民医院"),
            Row("疾病诊断证明书"),
            Row("姓名：李四", "性别：女@300", "门诊号：MZ88123@500"),
            Row("诊断：急性支气管炎 J20.9"),
            Row("日期：2024年5月6日")));
        Assert.Equal("上海市第六人民医院", N(r, FieldNames.ProviderName));
        Assert.Equal("李四", N(r, FieldNames.PatientName));
        Assert.Equal("急性支气管炎", N(r, FieldNames.Diagnosis));
        Assert.Equal("J20.9", N(r, FieldNames.DiagnosisCode));
        Assert.Equal("2024-05-06", N(r, FieldNames.DocumentDate));
    }

    [Fact]
    public void English_claim_form_reads_numbered_boxes_and_a_member_id_that_is_no_resident_id()
    {
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(
            Row("HEALTH INSURANCE CLAIM FORM"),
            Row("1a. INSURED'S I.D. NUMBER", "QQX824014953@500"),
            Row("2. PATIENT'S NAME", "JOHN SMITH@500"),
            Row("18. FROM", "07/14/2023@300", "18. TO@500", "07/23/2023@700"),
            Row("21. ICD-10 A.", "K35.80@500"),
            Row("28. TOTAL CHARGE", "$3,129.54@500")));
        Assert.Equal("QQX824014953", N(r, FieldNames.PatientIdNumber));
        // The resident ID's checks (18 characters, MOD 11-2, birth date) say nothing about a member number.
        Assert.Empty(r.Fields[FieldNames.PatientIdNumber].Checks);
        Assert.Equal("John Smith", N(r, FieldNames.PatientName));
        Assert.Equal("K35.80", N(r, FieldNames.DiagnosisCode));
        Assert.Equal("3129.54", N(r, FieldNames.TotalAmount));
        Assert.NotNull(N(r, FieldNames.AdmissionDate));
        Assert.NotEqual(N(r, FieldNames.AdmissionDate), N(r, FieldNames.DischargeDate));
    }

    [Theory]
    [InlineData("2. PATIENT'S NAME: SARAH JACKSON 3. BIRTH DATE: 01/07/1999", "Sarah Jackson")]
    [InlineData("2. PATIENT'S NAME: SARAH JACKSON 3 BIRTH DATE: 01/07/1999", null)]   // no point: the 3 may be the name's own
    [InlineData("2. PATIENT'S NAME: WE! LEE © 3. BIRTH DATE: 01/07/1999", "Wei Lee")]   // and without OCR's stray marks
    [InlineData("1、被保险人 : 张三 2、性别 : 男", "张三")]
    [InlineData("被保险人 : 张三2.证件号码 : 110101199003074514", "张三")]
    public void The_next_box_number_on_a_joined_line_is_no_part_of_the_value(string row, string? name)
    {
        // OCR joins two numbered boxes of a claim form into one line; the second box's number stands before its label.
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(
            Row("HEALTH INSURANCE CLAIM FORM"),
            Row(row),
            Row("5. ADDRESS: 6479 Lakeview Rd, Albany, NY 12207 11. POLICY GROUP: GRP-69342"),
            Row("11c. PLAN NAME: UnitedHealthcare 18. FROM: 12/19/2023")));
        Assert.Equal(name, N(r, FieldNames.PatientName));
        Assert.Equal("GRP-69342", N(r, FieldNames.PolicyNumber));
    }

    [Fact]
    public void A_value_that_may_end_in_a_numbered_figure_keeps_it()
    {
        // Only a value the field refuses as read loses the number before the next label: a facility's building may be 3.
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(
            Row("HEALTH INSURANCE CLAIM FORM"),
            Row("2. PATIENT'S NAME: JOHN SMITH"),
            Row("32. SERVICE FACILITY: Mercy Clinic Building 3. Date: 01/02/2024")));
        Assert.StartsWith("Mercy Clinic Building 3", N(r, FieldNames.ProviderName));
    }

    [Theory]
    [InlineData("1a. INSURED'S I.D. NUMBER: XVT326 004448", "11. POLICY GROUP: GRP-89 319 11c. PLAN NAME: Aetna", "XVT326004448", "GRP-89319")]
    [InlineData("1a. INSURED'S I.D. NUMBER: XVT326004448", "11. POLICY GROUP: GRP-89319", "XVT326004448", "GRP-89319")]
    [InlineData("1a. INSURED'S I.D. NUMBER: XVT326004448 12", "11. POLICY GROUP: GRP-89 31", "XVT326004448", "GRP-89")]   // two digits may be anything else
    public void A_member_or_group_number_OCR_split_with_a_space_is_read_whole(string idRow, string groupRow, string id, string group)
    {
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(
            Row("HEALTH INSURANCE CLAIM FORM"),
            Row(idRow),
            Row("2. PATIENT'S NAME: JOHN SMITH"),
            Row(groupRow)));
        Assert.Equal(id, N(r, FieldNames.PatientIdNumber));
        Assert.Equal(group, N(r, FieldNames.PolicyNumber));
    }

    [Fact]
    public void A_diagnosis_written_into_the_blank_before_the_code_label_is_read_and_the_advice_below_is_not()
    {
        // Tesseract reads the handwritten diagnosis as a line of its own overlapping the printed "Diagnosis: ICD-10:" line.
        var r = Extractor.Extract(DocumentType.DiagnosisCertificate, Doc(
            Row("MEDICAL CERTIFICATE"),
            Row("Diagnosis: ____________________________ ICD-10: I25.1", "Atherosclerotic heart disease@200"),
            Row("Advice: Rest for 3 weeks")));
        Assert.Equal("Atherosclerotic heart disease", N(r, FieldNames.Diagnosis));
        Assert.Equal("I25.1", N(r, FieldNames.DiagnosisCode));
    }

    [Theory]
    [InlineData("CERTIFIED COPY@200", 80)]                       // a stamp across the row, written far taller than the label
    [InlineData("Atherosclerotic heart disease and more@200", 30)]   // running on over the next label: not in the blank
    public void Only_a_line_written_inside_the_blank_and_no_taller_than_twice_the_label_is_its_value(string cell, int height)
    {
        var page = Build(
            Row("MEDICAL CERTIFICATE"),
            Row("Diagnosis: ______________ ICD-10: I25.1"),
            Row("Advice: Rest for 3 weeks"));
        var (text, x) = (cell[..cell.LastIndexOf('@')], int.Parse(cell[(cell.LastIndexOf('@') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        var y = page.Lines[1].Box.Y + page.Lines[1].Box.Height / 2 - height / 2;
        var words = text.Split(' ').Select((w, i) => new OcrWord(w, 0.9, new BoundingBox(x + i * 100, y, w.Length * 16, height))).ToList();
        var line = new OcrLine(text, 0.9, new BoundingBox(x, y, text.Length * 16, height), words);
        var r = Extractor.Extract(DocumentType.DiagnosisCertificate, new VisionResult([page with { Lines = [.. page.Lines, line] }], []));
        Assert.Null(N(r, FieldNames.Diagnosis));
    }

    [Fact]
    public void Advice_under_an_unread_diagnosis_is_no_diagnosis()
    {
        var r = Extractor.Extract(DocumentType.DiagnosisCertificate, Doc(
            Row("MEDICAL CERTIFICATE"),
            Row("Diagnosis: ICD-10: I25.1"),
            Row("Advice: ->hysician: —")));
        Assert.Null(N(r, FieldNames.Diagnosis));
    }

    [Fact]
    public void A_repair_far_from_the_labelled_reading_or_on_a_bank_line_does_not_replace_it()
    {
        // The labelled ID fails its check character; the card number yields a valid ID by dropping one digit, about once in
        // 1,700 such numbers. It must not become the patient's ID.
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(
            Row("被保险人 : 张三"),
            Row("身份证号 110105194912310021"),
            Row("6222601955062299839")));
        Assert.Equal("110105194912310021", N(r, FieldNames.PatientIdNumber));
        Assert.Contains(r.Fields[FieldNames.PatientIdNumber].Checks, c => c.Name == ResidentIdValidator.CheckDigit && !c.Passed);
    }

    [Theory]
    [InlineData("Invoice No: 10234 2024-03-15", "10234")]     // a date after the number
    [InlineData("Invoice No: 10234 350 元", "10234")]         // an amount
    [InlineData("Invoice No: 2024 0315", "2024")]             // a year is no number's head
    public void A_number_followed_by_another_value_is_not_joined_to_it(string row, string invoice)
    {
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(Row("OUTPATIENT CLINIC INVOICE"), Row(row)));
        Assert.Equal(invoice, N(r, FieldNames.InvoiceNumber));
    }

    [Theory]
    [InlineData("结算日划 : 2023.09.06", FieldNames.DocumentDate, "2023-09-06")]  // 期 misread
    [InlineData("结算 ] 期 : 2023.03.31", FieldNames.DocumentDate, "2023-03-31")] // 日 read as a bracket
    [InlineData("结算目基 : 2021 年 10 月 04 日", FieldNames.DocumentDate, "2021-10-04")]
    [InlineData("入院日划 : 2023.03.27", FieldNames.AdmissionDate, "2023-03-27")]
    [InlineData("人院日期 : 2023.03.27", FieldNames.AdmissionDate, null)]        // 人 is one glyph from 入 and from 出: neither
    [InlineData("结算日划 2023.09.06", FieldNames.DocumentDate, null)]            // no colon: not standing as a label
    [InlineData("结算日划 ; 2023.09.06", FieldNames.DocumentDate, "2023-09-06")]  // the colon read as a semicolon
    [InlineData("入院期 : 2023.03.27", FieldNames.AdmissionDate, "2023-03-27")]   // 日 lost
    [InlineData("入院日 : 2023.03.27", FieldNames.AdmissionDate, "2023-03-27")]   // 期 lost
    [InlineData("院时间 : 2023.03.27", FieldNames.AdmissionDate, null)]           // 入 or 出 lost (入院时间, 出院时间): neither
    [InlineData("人院时间 : 2023.03.27", FieldNames.AdmissionDate, null)]
    [InlineData("入院 E ] 期 : 2023.03.27", FieldNames.AdmissionDate, "2023-03-27")] // 日 read as two marks
    [InlineData("结算 E ] 期 : 2023.09.06", FieldNames.DocumentDate, "2023-09-06")]
    [InlineData("入院 E 刚期 : 2023.03.27", FieldNames.AdmissionDate, null)]      // a mark and a glyph for one glyph: too far
    [InlineData("入 E ] 期 : 2023.03.27", FieldNames.AdmissionDate, null)]         // two glyphs off
    public void A_chinese_label_with_one_glyph_misread_still_introduces_its_field(string row, string field, string? expected)
    {
        var r = Extractor.Extract(DocumentType.SettlementSheet, Doc(Row("基本医疗保险结算单"), Row("姓名 : 王五"), Row(row)));
        Assert.Equal(expected, N(r, field));
        if (expected is null && field == FieldNames.AdmissionDate) Assert.Null(N(r, FieldNames.DischargeDate));
    }

    [Fact]
    public void A_label_s_last_glyph_read_twice_is_no_part_of_the_value()
    {
        var r = Extractor.Extract(DocumentType.InpatientInvoice, Doc(Row("医疗收费票据 (住院 )"),
            Row("票据号码 : 1601691214 开票日期 : 2022 年 8 月 19 日收单位 : 位 : 北京市第一人民医院")));
        Assert.Equal("北京市第一人民医院", N(r, FieldNames.ProviderName));
    }

    [Fact]
    public void A_lone_glyph_and_colon_that_is_not_the_label_s_echo_is_the_value()
    {
        // 年龄 lost between the sex and the age: 女 is the value, not a label's end.
        var r = Extractor.Extract(DocumentType.DischargeSummary, Doc(Row("出院记录"), Row("姓名 : 宋建性别 : 女 : 22 岁")));
        Assert.Equal("F", N(r, FieldNames.PatientSex));
    }

    /// <summary>Form labels misread as unevenly as their values (CMS-1500 box 1a as Tesseract read it on generated forms).</summary>
    [Theory]
    [InlineData("1a. INSURED’S L.D. NUMBER: YTE186400643", "YTE186400643")]          // I read as L, a curly apostrophe
    [InlineData("la. INSURED'S .D. NUMBER: WYH254693370", "WYH254693370")]           // the I lost
    [InlineData("la. INSURED'S Lp. NUMBER: VOY639670622", "VOY639670622")]           // three characters off in nineteen
    [InlineData("la. INSURED’S 1.D. NU! NUMBER: FEA169683395", "FEA169683395")]      // a word read twice
    [InlineData("la. INSURED'S Lp. NUMBER VOY639670622", null)]                      // no colon: not standing as a label
    [InlineData("la. INSURED'S Lp. NUMBE: VOY639670622", null)]                      // four characters off: too far
    public void A_long_english_label_misread_still_introduces_its_field(string row, string? expected)
    {
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(Row("HEALTH INSURANCE CLAIM FORM"), Row(row)));
        Assert.Equal(expected, N(r, FieldNames.PatientIdNumber));
    }

    [Fact]
    public void A_misread_english_label_near_two_fields_labels_introduces_neither()
    {
        // "Admission Date" and "Discharge Date" are both thirteen letters long; a run as near to a label of each field says neither.
        var labels = new Dictionary<string, string[]>
        {
            [FieldNames.AdmissionDate] = ["Date of Admissionx"],
            [FieldNames.DischargeDate] = ["Date of Admissiony"],
        };
        var view = new DocumentView(Doc(Row("Date of Admissionz: 2024-03-01")).Pages);
        Assert.Empty(new LabelIndex(view, labels).On(view.Lines[0]));
        Assert.Single(new LabelIndex(view, new Dictionary<string, string[]> { [FieldNames.AdmissionDate] = ["Date of Admissionx"] }).On(view.Lines[0]));
    }

    [Theory]
    [InlineData("身份证号 1101051949S231002X")]   // a 5 read as S: still a resident ID
    [InlineData("身份证号 11010519491231002")]    // a character short
    public void A_damaged_resident_id_is_still_checked_as_one(string row)
    {
        var r = Extractor.Extract(DocumentType.SettlementSheet, Doc(Row("基本医疗保险结算单"), Row("姓名 王五"), Row(row)));
        Assert.Contains(r.Fields[FieldNames.PatientIdNumber].Checks, c => !c.Passed);
    }

    [Fact]
    public void Id_card_reads_name_and_resident_id()
    {
        var r = Extractor.Extract(DocumentType.IdCard, Doc(
            Row("姓名 王五"),
            Row("性别 男"),
            Row("公民身份号码 11010519491231002X")));
        Assert.Equal("王五", N(r, FieldNames.PatientName));
        Assert.Equal("11010519491231002X", N(r, FieldNames.PatientIdNumber));
    }

    /// <summary>An ID card prints the holder's birth date beside the number: an ID whose birth date fails its checks (a 1 read
    /// as 4) is repaired with the printed one when that makes every check pass, at a lowered confidence; a repair the check
    /// character refuses is not made.</summary>
    [Theory]
    [InlineData("出生 1949 年 12 月 31 日", "11010519491231002X")]
    [InlineData("出生 1950 年 1 月 1 日", "11010519494231002X")]
    public void An_id_card_id_with_a_broken_birth_date_is_repaired_from_the_printed_one(string birthRow, string expected)
    {
        var r = Extractor.Extract(DocumentType.IdCard, Doc(
            Row("姓名 王五"),
            Row(birthRow),
            Row("公民身份号码 11010519494231002X")));
        var id = r.Fields[FieldNames.PatientIdNumber];
        Assert.Equal(expected, id.Normalized);
        var clean = Extractor.Extract(DocumentType.IdCard, Doc(Row("姓名 王五"), Row("出生 1949 年 12 月 31 日"), Row("公民身份号码 11010519491231002X")));
        Assert.True(id.Confidence < clean.Fields[FieldNames.PatientIdNumber].Confidence);
        Assert.Equal(expected == "11010519491231002X", id.Checks.Any(c => c.Name == ResidentIdScan.BirthDateAsPrinted && c.Passed));
    }

    /// <summary>A valid ID whose birth date is not the one printed beside it is flagged, and its check character does not
    /// raise its confidence as it does for an ID the page agrees with.</summary>
    [Fact]
    public void A_valid_id_whose_birth_date_the_card_prints_otherwise_is_flagged()
    {
        var agrees = Extractor.Extract(DocumentType.IdCard, Doc(Row("姓名 王五"), Row("出生 1949 年 12 月 31 日"), Row("公民身份号码 11010519491231002X")));
        var differs = Extractor.Extract(DocumentType.IdCard, Doc(Row("姓名 王五"), Row("出生 1950 年 1 月 1 日"), Row("公民身份号码 11010519491231002X")));

        var id = differs.Fields[FieldNames.PatientIdNumber];
        Assert.Equal("11010519491231002X", id.Normalized);
        Assert.Contains(id.Checks, c => c.Name == ResidentIdScan.BirthDateAsPrinted && !c.Passed);
        Assert.DoesNotContain(agrees.Fields[FieldNames.PatientIdNumber].Checks, c => c.Name == ResidentIdScan.BirthDateAsPrinted);
        Assert.True(id.Confidence < 0.5 * agrees.Fields[FieldNames.PatientIdNumber].Confidence, $"{id.Confidence} vs {agrees.Fields[FieldNames.PatientIdNumber].Confidence}");
    }

    /// <summary>Only an ID card's own birth line counts: a birthplace, a birth weight with a date further on, or a settlement
    /// sheet's birth date (which may be another person's) leave a valid ID unflagged.</summary>
    [Theory]
    [InlineData(true, "出生地 : 湖北 1950 年 1 月 1 日")]
    [InlineData(true, "出生体重 3.2kg 入院日期 2024-03-01")]
    [InlineData(false, "出生日期 : 1950-01-01")]
    public void Only_an_id_cards_own_birth_line_is_compared_with_the_id(bool idCard, string row)
    {
        var r = Extractor.Extract(idCard ? DocumentType.IdCard : DocumentType.SettlementSheet, Doc(Row("姓名 王五"), Row(row), Row("公民身份号码 11010519491231002X")));
        var id = r.Fields[FieldNames.PatientIdNumber];
        Assert.Equal("11010519491231002X", id.Normalized);
        Assert.DoesNotContain(id.Checks, c => c.Name == ResidentIdScan.BirthDateAsPrinted);
    }

    [Theory]
    [InlineData("性别 ” 男民族汉", "M")]   // chi_sim reads the gap after the label as a quote mark
    [InlineData("性别 “ 女民族汉", "F")]
    [InlineData("性别 : 女", "F")]
    [InlineData("性别 ; 男年龄 : 67 岁", "M")]   // a full-width colon read as a semicolon
    [InlineData("性别。男民族汉", "M")]          // or the gap read as an ideographic full stop or comma
    [InlineData("性别，女", "F")]
    [InlineData("性别 ” 民族汉", null)]   // no sex printed after the mark: nothing to read
    public void Id_card_sex_is_read_past_a_stray_quote_mark(string row, string? sex)
    {
        var r = Extractor.Extract(DocumentType.IdCard, Doc(
            Row("姓名 孙杰娜"),
            Row(row),
            Row("公民身份号码 11010519491231002X")));
        Assert.Equal(sex, N(r, FieldNames.PatientSex));
    }

    [Fact]
    public void An_outpatient_visit_number_is_the_record_number_of_an_english_invoice()
    {
        // 门诊号 on Chinese outpatient invoices, Visit No. on English ones.
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("OUTPATIENT CLINIC INVOICE"),
            Row("Invoice No.: INV-686348"),
            Row("Patient name: Siti Moore"),
            Row("Visit No.: MRN1907106"),
            Row("Department: General Surgery")));
        Assert.Equal("MRN1907106", N(r, FieldNames.MedicalRecordNumber));
        Assert.Equal("INV-686348", N(r, FieldNames.InvoiceNumber));
    }

    [Fact]
    public void A_provider_name_ending_in_hospital_is_not_cut_at_that_word()
    {
        var r = Extractor.Extract(DocumentType.DischargeSummary, Doc(
            Row("DISCHARGE SUMMARY"),
            Row("Provider: Lakeside Memorial Hospital"),
            Row("Hospital course: uneventful recovery")));
        Assert.Equal("Lakeside Memorial Hospital", N(r, FieldNames.ProviderName));
    }

    [Fact]
    public void Chinese_pharmacy_receipt_takes_the_seller_from_the_title()
    {
        var r = Extractor.Extract(DocumentType.PharmacyReceipt, Doc(
            Row("上海市国大药房"),
            Row("零售药品销售凭证"),
            Row("合计：255.22")));
        Assert.Equal("上海市国大药房", N(r, FieldNames.ProviderName));
    }

    [Fact]
    public void A_type_without_an_extractor_yields_no_fields() =>
        Assert.Empty(Extractor.Extract(new DocumentType("tax-return"), Doc(Row("姓名：张三"), Row("6222 0000 0000 0000"))).Fields);

    [Fact]
    public void Every_known_document_type_has_an_extractor() =>
        Assert.Equal(DocumentType.BuiltIn.Select(t => t.Label).Order(StringComparer.Ordinal),
            Extractor.Schemas.Select(s => s.Type.Label).Order(StringComparer.Ordinal));

    [Fact]
    public void Total_lost_in_OCR_comes_from_the_payments_when_the_damaged_upper_case_amount_agrees()
    {
        // Tesseract lost the 小写 figure and misread three glyphs of 叁仟壹佰贰拾玖元伍角肆分.
        var r = Extractor.Extract(DocumentType.InpatientInvoice, Doc(
            Row("医疗收费票据(住院)"),
            Row("合计 (大写 ): 参什壹佰臣拾玖元伍角肆分"),
            Row("医保统筹支付 : 1521.92", "个人自付 : 66.52@500"),
            Row("个人支付金额 : 1607.62", "币种 : CNY@500")));

        var total = r.Fields[FieldNames.TotalAmount];
        Assert.Equal("3129.54", total.Normalized);
        Assert.Contains(total.Checks, c => c.Name == "totalPrinted" && c.Passed);
        // The fragment 壹佰 is no 大写 amount of 100: it is flagged, not trusted. Nor is it read as the total: the total
        // was built from the payments and confirmed by these very words, which would then agree with themselves.
        var words = r.Fields[FieldNames.TotalAmountInWords];
        Assert.Contains(words.Checks, c => c.Name == "readIntact" && !c.Passed);
        Assert.DoesNotContain(words.Checks, c => c.Name == TotalRepair.WordsResembleFigures);
        Assert.NotEqual("3129.54", words.Normalized);
    }

    [Theory]
    [InlineData("抽什壹佰肆拾伍元肆角参分", "8145.43")]  // 捌 garbled, 仟 read 什, 叁 read 参: every legible glyph agrees
    [InlineData("捌任壹佰肆抬伍元肆角叁分", "8145.43")]
    [InlineData("抽什壹佰肆拾伍元肆角参分 ¥8,145.43", "8145.43")] // the figure printed beside it is no part of it
    [InlineData("抽什壹佰肆拾伍元肆角参分 ”", "8145.43")]
    [InlineData("抽什贰佰肆拾伍元肆角参分", null)]       // a legible 贰 where the figures have 壹: a contradiction, not a misread
    [InlineData("抽什壹佰肆拾元肆角参分", null)]         // a glyph short of 8145.43's written form
    [InlineData("抽什禁佰抽拾伍元抽角参分", null)]       // four of twelve glyphs unreadable: too little read to agree
    public void A_damaged_upper_case_amount_reads_as_the_figures_only_where_every_legible_glyph_agrees(string words, string? read)
    {
        var r = Extractor.Extract(DocumentType.InpatientInvoice, Doc(
            Row("医疗收费票据(住院)"),
            Row($"合计 (大写 ): {words}"),
            Row("合计 (小写 ): 8,145.43")));

        var total = r.Fields[FieldNames.TotalAmount];
        Assert.Equal("8145.43", total.Normalized);
        Assert.DoesNotContain(total.Checks, c => c.Name == "amountInWordsMatches"); // no second reading of the figures
        r.Fields.TryGetValue(FieldNames.TotalAmountInWords, out var field);
        if (read is null)
        {
            Assert.NotEqual("8145.43", field?.Normalized);
            return;
        }
        Assert.Equal(read, field!.Normalized);
        Assert.Equal(Normalization.ChineseAmount.Written(words), field.Value);
        Assert.True(field.Confidence <= TotalRepair.WordsFromFiguresConfidence);
        Assert.Contains("捌仟壹佰肆拾伍元肆角叁分", Assert.Single(field.Checks, c => c.Name == TotalRepair.WordsResembleFigures).Message);
    }

    [Fact]
    public void Total_from_the_payments_alone_is_kept_with_lowered_confidence()
    {
        var r = Extractor.Extract(DocumentType.InpatientInvoice, Doc(
            Row("医疗收费票据(住院)"),
            Row("医保统筹支付 : 5,485.48"),
            Row("个人支付金额 : 3,697.81")));

        var total = r.Fields[FieldNames.TotalAmount];
        Assert.Equal("9183.29", total.Normalized);
        Assert.Contains(total.Checks, c => c.Name == "totalPrinted" && !c.Passed);
        Assert.True(total.Confidence < 0.5, $"confidence {total.Confidence}");
    }

    [Fact]
    public void A_payment_whose_yen_sign_ate_a_digit_is_not_a_confident_value_and_not_summed()
    {
        // ¥1,521.92 and ¥1,607.62 read as 习 ,521.92 and 也 ,607.62: the figures 521.92 / 607.62 are wrong.
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("门诊收费票据"),
            Row("医保统筹支付 : 习 ,521.92"),
            Row("个人支付金额 : 也 ,607.62")));

        var paid = r.Fields[FieldNames.InsurancePaidAmount];
        Assert.Contains(paid.Checks, c => c.Name == "readIntact" && !c.Passed);
        Assert.True(paid.Confidence < 0.5, $"confidence {paid.Confidence}");
        Assert.False(r.Fields.ContainsKey(FieldNames.TotalAmount));
    }

    [Fact]
    public void An_intact_printed_total_is_never_replaced_by_the_payments()
    {
        var r = Extractor.Extract(DocumentType.InpatientInvoice, Doc(
            Row("合计（小写）：¥1,834.56"),
            Row("统筹基金支付：1,200.00"),
            Row("个人支付：600.00")));

        var total = r.Fields[FieldNames.TotalAmount];
        Assert.Equal("1834.56", total.Normalized);
        Assert.Contains(total.Checks, c => c.Name == "totalEqualsParts" && !c.Passed);
    }

    [Fact]
    public void Resident_id_whose_label_was_misread_is_found_by_its_check_digit()
    {
        var r = Extractor.Extract(DocumentType.IdCard, Doc(
            Row("姓名张三"),
            Row("住址北京市朝阳区建国路 113 号 4 栋 172"),
            Row("公民身份 S 码 ”110105 19491231 002X")));

        var id = r.Fields[FieldNames.PatientIdNumber];
        Assert.Equal("11010519491231002X", id.Normalized);
        Assert.True(id.Confidence < 0.9);
    }

    [Theory]
    [InlineData("身份证号 11010519491231002", "idShape")]     // a resident ID read a character short is still checked
    [InlineData("身份证号 110105194912310021", "idCheckDigit")]
    public void A_resident_id_read_wrong_still_fails_its_checks(string row, string failed)
    {
        var r = Extractor.Extract(DocumentType.SettlementSheet, Doc(Row("基本医疗保险结算单"), Row("姓名 王五"), Row(row)));
        Assert.Contains(r.Fields[FieldNames.PatientIdNumber].Checks, c => c.Name == failed && !c.Passed);
    }

    [Fact]
    public void Eighteen_digits_that_fail_the_check_digit_are_not_taken_as_an_unlabelled_id()
    {
        var r = Extractor.Extract(DocumentType.IdCard, Doc(
            Row("姓名张三"),
            Row("公民身份 S 码 ”110105194912310021")));

        Assert.False(r.Fields.ContainsKey(FieldNames.PatientIdNumber));
    }

    [Theory]
    [InlineData("公民身份纪码 110105194912631002X")]   // 31 read as 631
    [InlineData("公民身份号码 1101051964912310 02X")]  // a stray 6 in the year, labelled: the 18 digits it starts with fail
    public void Resident_id_read_with_one_character_too_many_is_the_one_valid_id_left_by_dropping_one(string row)
    {
        var r = Extractor.Extract(DocumentType.IdCard, Doc(Row("姓名张三"), Row(row)));

        var id = r.Fields[FieldNames.PatientIdNumber];
        Assert.Equal("11010519491231002X", id.Normalized);
        Assert.Contains(id.Checks, c => c.Name == ResidentIdScan.OneCharacterDropped);
        Assert.True(id.Confidence <= 0.6, $"confidence {id.Confidence}");
    }

    [Theory]
    [InlineData("公民身份纪码 110105194912231002X")]   // 11010519491231002X or 11010519491223002X: both pass
    [InlineData("银行账号 : 6222026094497188687")]     // a bank account: no one character makes it an ID
    [InlineData("银行卡号 3 420106197607092225")]      // nor do 18 digits read as a word of a card number
    public void Nineteen_characters_are_no_id_unless_exactly_one_valid_id_is_left_by_dropping_one(string row)
    {
        var r = Extractor.Extract(DocumentType.IdCard, Doc(Row("姓名张三"), Row(row)));

        Assert.False(r.Fields.TryGetValue(FieldNames.PatientIdNumber, out var id) && ResidentIdValidator.Check(id.Normalized!, DateOnly.FromDateTime(DateTime.Today)).All(c => c.Passed),
            $"took {id?.Normalized}");
    }

    [Fact]
    public void A_stray_character_read_as_a_word_before_the_id_does_not_make_it_nineteen()
    {
        // 码 read as 3: dropping one character of 3420106197607092225 leaves two valid IDs (420106… and 340106…); the
        // space OCR read says which 18 characters are the number.
        var r = Extractor.Extract(DocumentType.IdCard, Doc(Row("姓名赵志浩"), Row("出生 1976 年 7 月 9 日"), Row("公民身份 3 420106197607092225")));

        var id = r.Fields[FieldNames.PatientIdNumber];
        Assert.Equal("420106197607092225", id.Normalized);
        Assert.Contains(id.Checks, c => c.Name == ResidentIdScan.FoundByItsChecks);
        Assert.DoesNotContain(id.Checks, c => c.Name == ResidentIdScan.OneCharacterDropped);
    }

    [Fact]
    public void A_clean_id_anywhere_on_the_page_comes_before_one_repaired()
    {
        // The 19-character run would repair to 310115194505214014, another valid ID.
        var r = Extractor.Extract(DocumentType.IdCard, Doc(
            Row("姓名张三"),
            Row("住址 3101151945605214014"),
            Row("公民身份纪码 11010519491231002X")));

        var id = r.Fields[FieldNames.PatientIdNumber];
        Assert.Equal("11010519491231002X", id.Normalized);
        Assert.DoesNotContain(id.Checks, c => c.Name == ResidentIdScan.OneCharacterDropped);
    }

    [Fact]
    public void Title_nouns_after_a_bare_patient_label_are_no_name_and_capitals_are_normalised()
    {
        var r = Extractor.Extract(DocumentType.ExpenseList, Doc(
            Row("DETAILED PATIENT CHARGES"),
            Row("Provider: Lakeside Memorial Hospital", "Patient name: SITI THOMAS@640")));

        Assert.Equal("Siti Thomas", N(r, FieldNames.PatientName));
    }

    [Fact]
    public void Chinese_diagnosis_loses_the_spaces_OCR_put_beside_characters()
    {
        var r = Extractor.Extract(DocumentType.DischargeSummary, Doc(
            Row("上海市第一人民医院"),
            Row("出院小结"),
            Row("出院诊断 : 2 型糖尿病")));

        Assert.Equal("2型糖尿病", N(r, FieldNames.Diagnosis));
        Assert.Equal("急性阑尾炎", N(Extractor.Extract(DocumentType.DischargeSummary, Doc(Row("出院诊断 : 急性阑尾炎 K35.8"))), FieldNames.Diagnosis));
    }

    [Fact]
    public void A_diagnosis_a_glyph_from_two_entries_is_chosen_by_the_code_beside_it_read_a_character_off()
    {
        // 桡 read as 赔 (a glyph from 肱骨远端骨折 S42.4 too), S52.5 read S57 5: its point a space, its 2 a 7.
        var page = Build(Row("出院小结"), Row("出院诊断 : 赔骨远端骨折疾病编码 S57 5"));
        var doubtful = ReadAt(page, 0.79);

        var r = Extractor.Extract(DocumentType.DischargeSummary, new VisionResult([doubtful], []));

        Assert.Equal("桡骨远端骨折", N(r, FieldNames.Diagnosis));
        Assert.Equal("S52.5", N(r, FieldNames.DiagnosisCode));
        Assert.Equal("S57 5", r.Fields[FieldNames.DiagnosisCode].Value);
        Assert.True(r.Fields[FieldNames.DiagnosisCode].Confidence <= DiagnosisRepair.TiedRepairConfidence);
    }

    [Fact]
    public void A_diagnosis_a_glyph_from_two_entries_is_chosen_by_the_category_printed_beside_it()
    {
        // 急性 read as 总性 (a glyph from 慢性支气管炎 J42 too), J20.9 read as J20.
        var page = Build(Row("疾病诊断证明书"), Row("诊断 : 总性支气管炎疾病编码 : J20"));
        var doubtful = ReadAt(page, 0.79);

        var r = Extractor.Extract(DocumentType.DiagnosisCertificate, new VisionResult([doubtful], []));

        Assert.Equal("急性支气管炎", N(r, FieldNames.Diagnosis));
        Assert.Equal("J20", N(r, FieldNames.DiagnosisCode));
        Assert.True(r.Fields[FieldNames.Diagnosis].Confidence <= DiagnosisRepair.TiedRepairConfidence);
    }

    [Fact]
    public void An_upside_down_page_reads_its_title_and_reports_boxes_in_the_stored_image()
    {
        // The vision layer turned the photo 180° to read it; its boxes are in the stored (upside-down) image.
        var upright = Pages.Build(
            Row("上海市第一人民医院"),
            Row("疾病诊断证明书"),
            Row("姓名 : 唐涛"),
            Row("诊断 : 2 型糖尿病"));
        var stored = upright with
        {
            Orientation = 180,
            Lines = [.. upright.Lines.Select(l => l with
            {
                Box = Turn(l.Box, upright),
                Words = [.. l.Words.Select(w => w with { Box = Turn(w.Box, upright) })],
            })],
        };

        var r = Extractor.Extract(DocumentType.DiagnosisCertificate, new VisionResult([stored], []));

        Assert.Equal("上海市第一人民医院", N(r, FieldNames.ProviderName));
        Assert.Equal(stored.Lines[0].Box, r.Fields[FieldNames.ProviderName].Box);
        Assert.Equal("2型糖尿病", N(r, FieldNames.Diagnosis));
    }

    private static BoundingBox Turn(BoundingBox b, Vision.OcrPage page) =>
        new(page.Width - b.X - b.Width, page.Height - b.Y - b.Height, b.Width, b.Height);

    [Fact]
    public void A_text_value_ends_at_an_unknown_english_label()
    {
        var r = Extractor.Extract(DocumentType.SettlementSheet, Doc(
            Row("EXPLANATION OF BENEFITS"),
            Row("Provider: Lakeside Memorial Hospital Group: GRP-68462")));

        Assert.Equal("Lakeside Memorial Hospital", N(r, FieldNames.ProviderName));
    }

    [Fact]
    public void A_stray_quote_after_a_provider_is_dropped()
    {
        var r = Extractor.Extract(DocumentType.ExpenseList, Doc(
            Row("住院费用清单"),
            Row("医疗机构 : 青岛市第一人民医院 ”", "住院号 : 29926243@700")));

        Assert.Equal("青岛市第一人民医院", N(r, FieldNames.ProviderName));
    }

    [Fact]
    public void A_date_label_with_its_day_glyph_read_as_an_eye_still_labels_the_date()
    {
        // chi_sim reads 日 as 目: 结算目期 is the settlement date.
        var r = Extractor.Extract(DocumentType.SettlementSheet, Doc(
            Row("基本医疗保险住院费用结算单"),
            Row("入院日期 : 2022.06.22"),
            Row("出院日期 : 2022.07.05"),
            Row("结算目期 : 2022.07.06")));

        Assert.Equal("2022-07-06", N(r, FieldNames.DocumentDate));
    }

    [Theory]
    [InlineData("3. BIRTH DATE: March 10, 1986")]
    [InlineData("DOB 03/10/1986")]
    public void A_birth_date_is_never_the_document_date(string birthLine)
    {
        // "DATE" inside "BIRTH DATE" labelled the document date, and the first one on the page won.
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(
            Row("HEALTH INSURANCE CLAIM FORM"),
            Row(birthLine),
            Row("31. SIGNED DATE: September 28, 2021")));

        Assert.Equal("2021-09-28", N(r, FieldNames.DocumentDate));
    }

    [Fact]
    public void Claim_form_labels_with_one_read_for_I_and_an_icd_letter_read_as_a_digit()
    {
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(
            Row("UB-04 UNIFORM BILL"),
            Row("1a. INSURED'S 1.D. NUMBER: ZEH911122699"),
            Row("21. ICD-10 A.: 163.9"),
            Row("28. TOTAL CHARGE: $4,657.93")));

        Assert.Equal("ZEH911122699", N(r, FieldNames.PatientIdNumber));
        var code = r.Fields[FieldNames.DiagnosisCode];
        Assert.Equal("I63.9", code.Normalized);
        Assert.True(code.Confidence < 0.8, $"confidence {code.Confidence}");
        Assert.Equal("4657.93", N(r, FieldNames.TotalAmount));
    }

    [Theory]
    [InlineData("21. ICD-10 A.: E119 |", "E11.9")] // a CMS-1500 prints codes without the point
    [InlineData("21. ICD-10 A.: J441", "J44.1")]
    [InlineData("21. ICD-10 A.: S7201", "S72.01")]
    [InlineData("21. ICD-10 A.: E11.9", "E11.9")]
    [InlineData("21. ICD-10 A.: I10", "I10")]     // a code of three characters has no point to lose
    [InlineData("21. ICD-10 A.: S72001A", "S72.001A")] // ICD-10-CM's seven characters
    [InlineData("21. ICD-10 A.: E1190123", null)] // too long for a code
    public void A_claim_form_code_printed_without_its_point_is_read_with_it(string row, string? code)
    {
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(Row("HEALTH INSURANCE CLAIM FORM"), Row(row), Row("28. TOTAL CHARGE: $4,657.93")));
        Assert.Equal(code, N(r, FieldNames.DiagnosisCode));
    }

    [Fact]
    public void A_cms_1500_box_21_gives_its_first_code_not_its_title_as_the_diagnosis()
    {
        // As Tesseract reads the real CMS-1500 sample (../shared/datasets/medical-forms): the box title, its "OR INJURY"
        // read "OF INJURY", then the codes below it, printed without their points as the form requires.
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(
            Row("HEALTH INSURANCE CLAIM FORM"),
            Row("21. DIAGNOSIS OR NATURE OF ILLNESS OF INJURY Relate A-L to service line below (246)"),
            Row("» (M1111 = (M2222 c (M3333 D.|")));
        Assert.Equal("M11.11", N(r, FieldNames.DiagnosisCode));
        Assert.False(r.Fields.ContainsKey(FieldNames.Diagnosis), "the box title is no diagnosis");
    }

    [Fact]
    public void A_number_after_an_icd_label_that_is_no_code_shape_is_not_repaired()
    {
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(Row("21. ICD-10 A.: 4021")));
        Assert.False(r.Fields.ContainsKey(FieldNames.DiagnosisCode));
    }

    [Fact]
    public void A_damaged_payment_is_completed_from_the_total_only_when_the_read_digits_agree()
    {
        VisionResult Page(string fund) => Doc(
            Row("医疗收费票据(住院)"),
            Row("合计 (小写 ): 3,129.54"),
            Row($"医保统筹支付 : {fund}"),
            Row("个人支付金额 : 1607.62"));

        var repaired = Extractor.Extract(DocumentType.InpatientInvoice, Page("习 ,521.92")).Fields[FieldNames.InsurancePaidAmount];
        Assert.Equal("1521.92", repaired.Normalized);
        Assert.Contains(repaired.Checks, c => c.Name == "partFromTotal" && c.Passed);

        // 3129.54 − 1607.62 = 1521.92 does not end in 521.93: a misread that cannot be repaired stays flagged.
        var kept = Extractor.Extract(DocumentType.InpatientInvoice, Page("习 ,521.93")).Fields[FieldNames.InsurancePaidAmount];
        Assert.Equal("521.93", kept.Normalized);
        Assert.Contains(kept.Checks, c => c.Name == "readIntact" && !c.Passed);
    }

    private static VisionResult Settlement(string total, string covered, string fund, string patient) => Doc(
        Row("广东省基本医疗保险住院费用结算单"),
        Row($"医疗费用总额 : {total}"),
        Row($"政策范围内金额 : {covered}"),
        Row("乙类先行自付 : ¥164.25"),
        Row("全自费金额 : ¥948.57"),
        Row($"统筹基金支付 : {fund}"),
        Row($"个人支付 : {patient}"));

    [Fact]
    public void A_clean_total_one_digit_longer_than_one_sum_alone_is_left_as_read()
    {
        // The self-paid label misread (先行日): only the payments say 8540.08, and a payment that lost its leading digits
        // would look the same. The total stays as read, flagged by the payments that do not add up to it.
        var page = Doc(
            Row("江苏省基本医疗保险住院费用结算单"),
            Row("医疗费用总额 : 38,540.08 政策范围内金额 : ¥6,639.26"),
            Row("乙类先行日 ¥548.82 全自费金额 : ¥1,352.00"),
            Row("统筹基金支付 : ¥4,793.37"),
            Row("个人支付 : ¥3,746.71"));
        var total = Extractor.Extract(DocumentType.SettlementSheet, page).Fields[FieldNames.TotalAmount];
        Assert.Equal("38540.08", total.Normalized);
        Assert.Contains(total.Checks, c => c.Name == "totalEqualsParts" && !c.Passed);
    }

    [Theory]
    [InlineData("壹仟肆佰零柒元叁角伍分", "1407.35")]  // the payments alone say 407.35
    [InlineData("肆佰零柒元叁角伍分", "1407.35")]      // payments and 大写 say 407.35, but the line items agree with the figure
    public void A_total_the_line_items_agree_with_is_not_taken_for_a_sign_read_as_a_digit(string words, string expected)
    {
        // 个人支付 printed ¥1,184.96 read 184.96: the payments make 407.35, the clean 1,407.35 one digit longer. The items
        // add up to 1407.35, so the total is right, and the payment is what lost a digit.
        var r = Extractor.Extract(DocumentType.InpatientInvoice, Doc(
            Row("南京市妇幼保健院住院收费票据"),
            Row("项目名称@40", "金额@900"),
            Row("床位费@40", "498.00@900"),
            Row("检查费@40", "776.00@900"),
            Row("西药费@40", "133.35@900"),
            Row("医保统筹支付 : 222.39"),
            Row("个人支付 : 184.96"),
            Row("合计 (小写 ): 1,407.35"),
            Row($"合计 (大写 ): {words}")));
        Assert.Equal(3, r.LineItems.Count);
        Assert.Equal(expected, N(r, FieldNames.TotalAmount));
    }

    [Fact]
    public void A_damaged_payment_is_completed_from_a_damaged_total_that_the_breakdown_completed()
    {
        // 至 ,453.57 is completed by 2340.75 + 164.25 + 948.57 = 3453.57; then 丈 ,058.93 by 3453.57 − 1394.64 = 2058.93.
        var r = Extractor.Extract(DocumentType.SettlementSheet, Settlement("至 ,453.57", "¥2,340.75", "¥1,394.64", "丈 ,058.93"));
        Assert.Equal("3453.57", N(r, FieldNames.TotalAmount));
        var patient = r.Fields[FieldNames.PersonalPaidAmount];
        Assert.Equal("2058.93", patient.Normalized);
        Assert.Contains(patient.Checks, c => c.Name == "partFromTotal" && c.Passed);

        // A total the breakdown does not complete is taken from the 大写 amount or the payments alone, or not at all: too weak
        // to complete a payment with.
        var unsure = Extractor.Extract(DocumentType.SettlementSheet, Settlement("至 ,453.58", "¥2,340.75", "¥1,394.64", "丈 ,058.93"));
        Assert.Equal("58.93", N(unsure, FieldNames.PersonalPaidAmount));
    }

    [Theory]
    [InlineData("至 ,453.57", "3453.57", "2058.93")]  // the figure's legible digits and the 大写 amount agree: two readings
    [InlineData("至 ,453.58", "3453.57", "58.93")]    // they disagree: the total is the 大写 amount's alone, too weak to complete with
    public void A_damaged_total_the_upper_case_amount_completes_completes_a_damaged_payment(string figure, string total, string patient)
    {
        var r = Extractor.Extract(DocumentType.InpatientInvoice, Doc(
            Row("某某市人民医院住院收费票据"),
            Row("合计（大写）：叁仟肆佰伍拾叁元伍角柒分"),
            Row($"合计（小写）：{figure}"),
            Row("医保统筹支付 : ¥1,394.64"),
            Row("个人支付金额 : 丈 ,058.93")));
        Assert.Equal(total, N(r, FieldNames.TotalAmount));
        Assert.Equal(figure.EndsWith(".57", StringComparison.Ordinal), r.Fields[FieldNames.TotalAmount].Checks.Any(c => c.Name == "totalPrinted" && c.Passed));
        Assert.Equal(patient, N(r, FieldNames.PersonalPaidAmount));
    }

    [Fact]
    public void A_damaged_covered_amount_is_completed_from_the_total_less_the_rest_of_the_breakdown()
    {
        // 3453.57 − 164.25 − 948.57 = 2340.75, which ends in the 340.75 that was read.
        var r = Extractor.Extract(DocumentType.SettlementSheet, Settlement("¥3,453.57", "到 ,340.75", "¥1,394.64", "¥2,058.93"));
        var covered = r.Fields[FieldNames.CoveredAmount];
        Assert.Equal("2340.75", covered.Normalized);
        Assert.Contains(covered.Checks, c => c.Name == "partFromTotal" && c.Passed);

        var kept = Extractor.Extract(DocumentType.SettlementSheet, Settlement("¥3,453.57", "到 ,340.76", "¥1,394.64", "¥2,058.93"));
        Assert.Equal("340.76", N(kept, FieldNames.CoveredAmount));
        // Two damaged figures in one split leave both as read: the total says only what they add up to.
        var two = Extractor.Extract(DocumentType.SettlementSheet, Settlement("¥3,453.57", "¥2,340.75", "吕 ,394.64", "丈 ,058.93"));
        Assert.Equal("394.64", N(two, FieldNames.InsurancePaidAmount));
        Assert.Equal("58.93", N(two, FieldNames.PersonalPaidAmount));
    }

    [Theory]
    [InlineData("38,540.08", "¥4,793.37", "¥3,746.71", "8540.08")]  // both sums 8540.08: the 3 is the ¥
    [InlineData("88,540.08", "¥4,793.37", "¥3,746.71", "8540.08")]
    [InlineData("¥38,540.08", "¥4,793.37", "¥3,746.71", "38540.08")] // a sign was read: the 3 is a digit
    [InlineData("338,540.08", "¥4,793.37", "¥3,746.71", "338540.08")] // two digits more is no sign
    [InlineData("38,540.09", "¥4,793.37", "¥3,746.71", "38540.09")]   // no sum ends it
    public void A_clean_total_with_one_digit_before_what_two_sums_agree_on_had_its_sign_read_as_that_digit(
        string total, string fund, string patient, string expected)
    {
        var page = Doc(
            Row("江苏省基本医疗保险住院费用结算单"),
            Row($"医疗费用总额 : {total}"),
            Row("政策范围内金额 : ¥6,639.26"),
            Row("乙类先行自付 : ¥548.82"),
            Row("全自费金额 : ¥1,352.00"),
            Row($"统筹基金支付 : {fund}"),
            Row($"个人支付 : {patient}"));
        var field = Extractor.Extract(DocumentType.SettlementSheet, page).Fields[FieldNames.TotalAmount];
        Assert.Equal(expected, field.Normalized);
        Assert.Equal(expected == "8540.08", field.Checks.Any(c => c.Name == "totalPrinted" && c.Passed));
    }

    [Theory]
    [InlineData("JAME SARAH MILLER", "Sarah Miller")]      // the label's N misread: the holder's name was lost with it
    [InlineData("VAME MICHAEL WONG", "Michael Wong")]
    [InlineData("NAME SARAH MILLER", "Sarah Miller")]      // read right: the label rule's, at full strength
    [InlineData("JAME 03/08/1986", null)]                  // a date after it: not a name
    [InlineData("DATE SARAH MILLER", null)]                // two letters off NAME
    [InlineData("JAMES MILLER", null)]                     // a name, not a label before one
    public void A_licence_name_whose_label_lost_its_first_letter_is_read_after_it(string row, string? expected)
    {
        var r = Extractor.Extract(DocumentType.IdCard, Doc(
            Row("STATE OF OHIO - DRIVER LICENSE"),
            Row("IDNO V584-6453-6482"),
            Row(row),
            Row("SEX F"),
            Row("ADDRESS 4048 Oak Ave, Springfield, IL 62704")));
        Assert.Equal(expected, N(r, FieldNames.PatientName));
        if (expected is not null && !row.StartsWith("NAME", StringComparison.Ordinal))
            Assert.True(r.Fields[FieldNames.PatientName].Confidence <= ClaimVision.Intelligence.DocumentTypes.IdCard.IdCardExtractor.MisreadLabelStrength, "trusted less");
    }

    [Fact]
    public void Two_lines_after_a_misread_name_label_give_no_name()
    {
        var r = Extractor.Extract(DocumentType.IdCard, Doc(Row("DRIVER LICENSE"), Row("JAME SARAH MILLER"), Row("VAME MICHAEL WONG")));
        Assert.Null(N(r, FieldNames.PatientName));
        // A name its label gave is kept.
        var labelled = Extractor.Extract(DocumentType.IdCard, Doc(Row("DRIVER LICENSE"), Row("Name: Wei Anderson"), Row("JAME SARAH MILLER")));
        Assert.Equal("Wei Anderson", N(labelled, FieldNames.PatientName));
    }

    [Theory]
    [InlineData("姓名 : 欧阳伟明别 : 男", "欧阳伟明")]   // 性 of 性别 lost, 别 run on into the name
    [InlineData("姓名 : 李文军 E 别 : 女", "李文军")]
    [InlineData("姓名 : ，郑嘉明别 : 男年龄 : 77 岁", "郑嘉明")]
    [InlineData("姓名 : 欧阳伟明别", "欧阳伟明别")]        // no sex after it: the glyph may be the name's
    [InlineData("姓名 : 王别 : 男", "王别")]              // two glyphs: a name of one is no name
    [InlineData("姓名 : 周怡嘉身份", "周怡嘉")]            // ran on into 身份证号, the rest of the label lost
    [InlineData("姓名 : 欧阳伟明医保类", "欧阳伟明")]
    [InlineData("姓名 : 周身份", "周身份")]                // one glyph would be left: no name
    [InlineData("姓名 : 周怡嘉身", "周怡嘉身")]            // one glyph of a label says nothing
    [InlineData("姓名 : 司马桂强性", "司马桂强")]          // 性 opens the sex label and ends no name
    [InlineData("姓名 : 林霞嘉性另", "林霞嘉")]            // 性 and 别 misread
    [InlineData("姓名 : 王性另", "王性另")]                // one glyph would be left
    [InlineData("姓名 : 林霞性嘉明", "林霞性嘉明")]        // two glyphs after it: not the label
    [InlineData("姓名 : 刘燕伟定点 |", "刘燕伟")]          // 定点医疗机构, the rest lost
    [InlineData("姓名 : 徐宇华身份 350203194812319104", "徐宇华")] // 身份证号 read as 身份, the number after it
    [InlineData("姓名 : 罗勇身份 FE 号 : 500103197908289620", "罗勇")]
    public void A_name_that_ran_on_into_the_label_after_it_loses_the_labels_glyphs(string row, string expected)
    {
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(Row("门诊收费票据"), Row(row), Row("合计 : 120.00")));
        Assert.Equal(expected, N(r, FieldNames.PatientName));
    }

    [Theory]
    [InlineData("梁怡丽性别 : 女年龄 : 63 岁", "梁怡丽")]      // 姓名 : lost
    [InlineData("外科性别 : 女年龄 : 63 岁", null)]             // no surname: a department, not a name
    [InlineData("门诊号 : 12345 梁怡丽性别 : 女", null)]        // another label first: not where a name stands
    [InlineData("梁怡丽 123 性别 : 女", null)]
    [InlineData("单号王五性别 : 男", null)]                     // 单号 (a label, and 单 a surname) before it
    [InlineData("上名: 周军性别 : 女住院号 :", "周军")]        // 姓名 with one glyph misread, and its colon
    [InlineData("上午: 周军性别 : 女", null)]                   // two glyphs that are no misread 姓名
    [InlineData("科室: 周军性别 : 女", null)]                   // another label first
    [InlineData("上名周军性别 : 女", null)]                     // no colon: 上名周军 is no name
    public void A_name_whose_label_was_lost_is_found_before_the_sex_label(string row, string? expected)
    {
        var r = Extractor.Extract(DocumentType.DiagnosisCertificate, Doc(Row("诊断证明书"), Row(row), Row("诊断 : 急性阑尾炎")));
        Assert.Equal(expected, N(r, FieldNames.PatientName));
        if (expected is not null)
            Assert.True(r.Fields[FieldNames.PatientName].Confidence <= PersonName.BeforeSexLabelStrength, "trusted as an unlabelled name");
        var labelled = Extractor.Extract(DocumentType.DiagnosisCertificate, Doc(Row("诊断证明书"), Row("姓名 : 周宇明"), Row(row)));
        Assert.Equal("周宇明", N(labelled, FieldNames.PatientName));     // a labelled name comes first
    }

    [Theory]
    [InlineData("就诊医院 : 青¦昂~0.0¦市¦中心医院", "青岛市中心医院")]     // the one city a glyph from 青昂, that glyph unsure
    [InlineData("就诊医院 : 下~0.36¦岛¦市¦人民医院", "青岛市人民医院")]
    [InlineData("就诊医院 : 浙¦红~0.2¦省¦人民医院", "浙江省人民医院")]      // a province before 省
    [InlineData("就诊医院 : 山¦朱~0.2¦省¦立医院", "山朱省立医院")]          // 山东 or 山西: no one place
    [InlineData("就诊医院 : 青¦昂~0.8¦市¦中心医院", "青昂市中心医院")]     // read surely: kept as read
    [InlineData("就诊医院 : 江¦阴¦市¦人民医院", "江阴市人民医院")]         // a county-level city, read surely, is no 江门
    [InlineData("就诊医院 : 南¦X~0.1¦市¦人民医院", "南X市人民医院")]       // not a place of Han glyphs
    [InlineData("就诊医院 : 南¦丰~0.1¦市¦人民医院", "南丰市人民医院")]     // 南宁, 南京, 南平 … : no one place
    [InlineData("就诊医院 : 青岛¦市¦中心医院", "青岛市中心医院")]
    public void A_providers_place_read_with_one_glyph_unsure_is_the_one_known_place_a_glyph_from_it(string row, string expected)
    {
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(Row("理赔申请书"), Row("被保险人 : 周宇明"), Row(row)));
        var provider = r.Fields[FieldNames.ProviderName];
        Assert.Equal(expected, provider.Normalized);
        // A repaired place says so; the value stays as printed.
        Assert.Equal(expected != provider.Value, provider.Checks.Any(c => c.Name == ProviderPlace.CheckName && c.Passed));
    }

    [Fact]
    public void The_embedded_place_list_holds_the_provinces_and_cities_a_providers_name_opens_with()
    {
        Assert.Contains(("青岛", '市'), ProviderPlace.Places);
        Assert.Contains(("山东", '省'), ProviderPlace.Places);
        Assert.Contains(("吉林", '市'), ProviderPlace.Places);
        Assert.Contains(("吉林", '省'), ProviderPlace.Places);
        Assert.InRange(ProviderPlace.Places.Count, 300, 400);
    }

    [Fact]
    public void A_diagnosis_whose_label_was_misread_is_found_by_its_catalogue_name()
    {
        var r = Extractor.Extract(DocumentType.SettlementSheet, Doc(
            Row("山东省基本医疗保险住院费用结算单"),
            Row("住院号 : 35780241 今断 : 胆囊结石伴慢性胆囊炎"),
            Row("医疗费用总额 : 9,656.92")));
        var diagnosis = r.Fields[FieldNames.Diagnosis];
        Assert.Equal("胆囊结石伴慢性胆囊炎", diagnosis.Normalized);
        Assert.True(diagnosis.Confidence <= DiagnosisScan.UnlabelledStrength, $"confidence {diagnosis.Confidence}");
        Assert.Equal("35780241", r.Fields[FieldNames.MedicalRecordNumber].Normalized);
    }

    [Fact]
    public void A_diagnosis_read_alone_on_its_line_is_the_printed_codes_name_with_a_glyph_misread()
    {
        VisionResult Page(string code, string line = "挠骨远端骨折") => Doc(
            Row("北京协和医院"),
            Row("住院号 29926243"),
            Row(line),        // 桡 misread: a glyph from 桡骨远端骨折 (S52.5) and from 肱骨远端骨折 (S42.4)
            Row($"疾病编码 : {code}"));
        Assert.Equal("桡骨远端骨折", N(Extractor.Extract(DocumentType.DiagnosisCertificate, Page("S52.5")), FieldNames.Diagnosis));
        // Two glyphs of six off: a diagnosis read beside its label may be that far from its code's name, a line of unknown
        // purpose may not.
        Assert.False(Extractor.Extract(DocumentType.DiagnosisCertificate, Page("S52.5", "骨远端骨")).Fields.ContainsKey(FieldNames.Diagnosis));
        // Another diagnosis's name, exactly, beside a printed code (a history): not this page's diagnosis.
        Assert.False(Extractor.Extract(DocumentType.DiagnosisCertificate, Page("S52.5", "胆囊结石伴慢性胆囊炎")).Fields.ContainsKey(FieldNames.Diagnosis));
        // Without the code the line is as near two names, and no name of the catalogue as it stands: not taken.
        Assert.False(Extractor.Extract(DocumentType.DiagnosisCertificate, Page("Z99.9")).Fields.ContainsKey(FieldNames.Diagnosis));
    }

    [Theory]
    [InlineData("亲尾炎@430", "急性阑尾炎")]       // 阑 misread: the join is a glyph from 急性阑尾炎
    [InlineData("阑尾炎@430", "急性阑尾炎")]
    [InlineData("阑尾炎@700", "急性")]             // in another column: not the rest of the value
    [InlineData("发作@430", "急性")]               // together no diagnosis the catalogue holds
    public void A_diagnosis_read_as_two_lines_on_its_row_is_joined_when_together_they_are_a_catalogue_name(string rest, string expected)
    {
        var r = Extractor.Extract(DocumentType.SettlementSheet, Doc(
            Row("浙江省基本医疗保险住院费用结算单"),
            Row("住院号 : 78989166 诊断 : 急性 |", rest),
            Row("医疗费用总额 : 6,696.51")));
        var diagnosis = r.Fields[FieldNames.Diagnosis];
        Assert.Equal(expected, diagnosis.Normalized);
        Assert.Equal(expected.Length > 2, diagnosis.Checks.Any(c => c.Name == DiagnosisContinuation.Joined && c.Passed));
        Assert.Equal("78989166", N(r, FieldNames.MedicalRecordNumber));
    }

    [Fact]
    public void A_diagnosis_that_is_a_name_already_is_not_joined_to_what_follows_it()
    {
        var r = Extractor.Extract(DocumentType.SettlementSheet, Doc(
            Row("浙江省基本医疗保险住院费用结算单"),
            Row("住院号 : 78989166 诊断 : 脑梗死", "后遗症@430"),
            Row("医疗费用总额 : 6,696.51")));
        // Joined they would name another diagnosis (脑梗死后遗症); what was read after the label stands as read.
        Assert.Equal("脑梗死", N(r, FieldNames.Diagnosis));
    }

    [Theory]
    [InlineData(0.3, "Good Samaritan Memorial Hospital")]
    [InlineData(0.9, null)]     // read surely, six lines above it would be the page's top and the title under it
    public void Noise_above_the_title_does_not_push_the_hospital_out_of_the_top_of_the_page(double noise, string? expected)
    {
        var page = Build(
            Row("ee ee"), Row("wel SEG ae"), Row("ot"), Row("a"), Row("oO"), Row("we"),     // a scribble read as letters
            Row("Good Samaritan Memorial Hospital"),
            Row("CERTIFICATE OF DIAGNOSIS"),
            Row("Patient name: Karen Martinez"),
            Row("Age: 48"),
            Row("Diagnosis: Acute appendicitis"),
            Row("ICD-10: K35.8"),
            Row("Advice: Rest for 2 weeks"),
            Row("Physician: Dr. M. O'Brien"),
            Row("Date: 28-Sep-2022"));
        var r = Extractor.Extract(DocumentType.DiagnosisCertificate,
            new VisionResult([page with { Lines = [.. page.Lines.Select((l, i) => i < 6 ? l with { Confidence = noise } : l)] }], []));
        Assert.Equal(expected, N(r, FieldNames.ProviderName));
    }

    [Fact]
    public void A_handwritten_diagnosis_without_its_label_is_named_by_its_words_beside_the_printed_code()
    {
        VisionResult Page(string code, string line = "— Communit rrcquiced pneumonia", double confidence = 0.45)
        {
            var page = Build(
                Row("CERTIFICATE OF DIAGNOSIS"),
                Row("MRN: MRN6715783"),
                Row(line),        // the label lost; Community and pneumonia still read within a letter
                Row($"ICD-10: {code}"),
                Row("Advice: Rest for 3 weeks"));
            var handwritten = page.Lines[2] with { Confidence = confidence, Words = [.. page.Lines[2].Words.Select(w => w with { Confidence = confidence })] };
            return new VisionResult([page with { Lines = [.. page.Lines.Select((l, i) => i == 2 ? handwritten : l)] }], []);
        }
        var named = Extractor.Extract(DocumentType.DiagnosisCertificate, Page("J18.9")).Fields[FieldNames.Diagnosis];
        Assert.Equal("Community-acquired pneumonia", named.Normalized);
        Assert.Equal("Communit rrcquiced pneumonia", named.Value);
        Assert.True(named.Confidence <= DiagnosisRepair.NamedByWordsConfidence, $"confidence {named.Confidence}");
        // Beside another entry's code the same words name nothing.
        Assert.False(Extractor.Extract(DocumentType.DiagnosisCertificate, Page("I10")).Fields.ContainsKey(FieldNames.Diagnosis));
        // A list holding another diagnosis's word as printed stays unread without its label.
        Assert.False(Extractor.Extract(DocumentType.DiagnosisCertificate, Page("J18.9", "Communit pneumonia hypertension"))
            .Fields.ContainsKey(FieldNames.Diagnosis));
        // Read surely, a line that is no name is what it says, not a garbled diagnosis.
        Assert.False(Extractor.Extract(DocumentType.DiagnosisCertificate, Page("J18.9", confidence: 0.9)).Fields.ContainsKey(FieldNames.Diagnosis));
    }

    [Theory]
    [InlineData("既往史 : 慢性阻塞性肺疾病")]     // after a label that is no diagnosis label misread (a history)
    [InlineData("Di is: diabetes")]                // after a Latin label misread
    [InlineData("Pneumonia")]                      // one Latin word: a fragment as likely as a diagnosis
    [InlineData("社区获得性肺炎 慢性胃炎")]        // no single name
    public void Text_that_is_not_clearly_one_diagnosis_is_not_taken_without_a_label(string row)
    {
        var r = Extractor.Extract(DocumentType.DiagnosisCertificate, Doc(Row("北京协和医院"), Row(row), Row("医师签名 : 周宇明")));
        Assert.False(r.Fields.ContainsKey(FieldNames.Diagnosis), r.Fields.TryGetValue(FieldNames.Diagnosis, out var d) ? d.Normalized : "");
    }

    [Fact]
    public void Two_lines_naming_different_diagnoses_without_a_label_give_none()
    {
        var r = Extractor.Extract(DocumentType.DiagnosisCertificate, Doc(Row("北京协和医院"), Row("社区获得性肺炎"), Row("胆囊结石伴慢性胆囊炎")));
        Assert.False(r.Fields.ContainsKey(FieldNames.Diagnosis));
        var one = Extractor.Extract(DocumentType.DiagnosisCertificate, Doc(Row("北京协和医院"), Row("社区获得性肺炎")));
        Assert.Equal("社区获得性肺炎", N(one, FieldNames.Diagnosis));
    }

    [Theory]
    [InlineData("医疗费用总 | 额 : 1146.68", "1146.68")]     // a table rule read into the label
    [InlineData("医疗费用总额 | : 1146.68", "1146.68")]      // a bar before the colon: found before this rule too
    [InlineData("医疗费用 | 总额 : 1146.68", "1146.68")]
    public void A_bar_between_chinese_characters_does_not_hide_a_label(string row, string total)
    {
        var r = Extractor.Extract(DocumentType.SettlementSheet, Doc(
            Row("四川省基本医疗保险住院费用结算单"),
            Row(row),
            Row("统筹基金支付 : 89.51")));
        Assert.Equal(total, N(r, FieldNames.TotalAmount));
        Assert.DoesNotContain(r.Fields[FieldNames.TotalAmount].Checks, c => c.Name == "totalPrinted");
    }

    [Theory]
    [InlineData("USD 943.8", "943.83")]       // the last cent lost
    [InlineData("USD 943", "943.83")]         // the cents lost with the point
    [InlineData("USD 953", "953.00")]         // another whole part: left for the shared check to flag
    [InlineData("USD 943.7", "943.70")]       // the decimal read disagrees
    [InlineData("USD 943.80", "943.80")]      // two decimals: a figure read whole is not second-guessed
    public void A_payment_read_without_its_cents_is_what_the_total_leaves_for_it(string patient, string expected)
    {
        var r = Extractor.Extract(DocumentType.InpatientInvoice, Doc(
            Row("INPATIENT BILL"),
            Row("Total charges: USD 3,142.80"),
            Row("Insurance paid: USD 2,198.97"),
            Row($"Patient balance: {patient}")));
        var field = r.Fields[FieldNames.PersonalPaidAmount];
        Assert.Equal(expected, field.Normalized);
        Assert.Equal(expected is "943.83", field.Checks.Any(c => c.Name == "partFromTotal" && c.Passed));
    }

    [Fact]
    public void A_payment_cut_short_is_completed_only_from_whole_figures()
    {
        VisionResult Page(string fund, string patient, string total = "10,475.19") => Doc(
            Row("医疗收费票据(门诊)"),
            Row($"合计 (小写 ): {total}"),
            Row($"医保统筹支付 : {fund}"),
            Row($"个人支付金额 : {patient}"));

        // 4017.349: a glyph added after the point, so only 4017 was read as the figure.
        var repaired = Extractor.Extract(DocumentType.OutpatientInvoice, Page("6,457.70", "4017.349")).Fields[FieldNames.PersonalPaidAmount];
        Assert.Equal("4017.49", repaired.Normalized);
        Assert.Equal("4017", repaired.Value);
        Assert.True(repaired.Confidence <= 0.9, $"confidence {repaired.Confidence}");
        // The fund's payment cut short too (6,457.50 and 4,018.49 printed): 10,475.99 − 6,457 would make the patient's
        // 4018.99, so neither is completed from the other.
        var both = Extractor.Extract(DocumentType.OutpatientInvoice, Page("6,457", "4018", total: "10,475.99")).Fields;
        Assert.Equal("6457.00", both[FieldNames.InsurancePaidAmount].Normalized);
        Assert.Equal("4018.00", both[FieldNames.PersonalPaidAmount].Normalized);
        // The fund's payment cut short, the patient's whole: the fund's is completed.
        var fund = Extractor.Extract(DocumentType.OutpatientInvoice, Page("6,457.7", "4,017.44")).Fields[FieldNames.InsurancePaidAmount];
        Assert.Equal("6457.75", fund.Normalized);
        Assert.Contains(fund.Checks, c => c.Name == "partFromTotal" && c.Passed);
    }

    [Theory]
    [InlineData("34,244.35", "4244.35", true)]   // the ¥ joined to the 4 read as a 3
    [InlineData("84244.35", "4244.35", true)]
    [InlineData("¥34,244.35", "34244.35", false)] // a sign printed: its 3 is a digit, left to the shared check
    [InlineData("314,244.35", "314244.35", false)] // two digits more: no sign
    [InlineData("34,244.36", "34244.36", false)]  // does not end in the difference
    [InlineData("4,244.35", "4244.35", false)]    // read right
    public void A_payment_with_its_sign_read_as_a_digit_is_what_the_total_leaves_for_it(string patient, string expected, bool repaired)
    {
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("医疗收费票据(门诊)"),
            Row("合计 (小写 ): ¥11,480.70"),
            Row("医保统筹支付 : ¥7,236.35"),
            Row($"个人支付金额 : {patient}")));
        var field = r.Fields[FieldNames.PersonalPaidAmount];
        Assert.Equal(expected, field.Normalized);
        Assert.Equal(patient, field.Value);
        Assert.Equal(repaired, field.Checks.Any(c => c.Name == "partFromTotal" && c.Passed && c.Message.Contains("currency sign", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_payment_with_its_sign_read_as_a_digit_is_mended_from_a_total_the_items_and_the_written_amount_agree_on()
    {
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("医疗收费票据(门诊)"),
            Row("项目名称 金额 (元 )"),
            Row("西药费 ¥6,480.70"),
            Row("检查费 ¥5,000.00"),
            Row("合计 (大写 ): 壹万壹仟肆佰捌拾元柒角"),
            Row("医保统筹支付 : ¥7,236.35"),
            Row("个人支付金额 : 34,244.35")));
        Assert.Equal("11480.70", r.Fields[FieldNames.TotalAmount].Normalized);
        Assert.Equal("4244.35", r.Fields[FieldNames.PersonalPaidAmount].Normalized);
    }

    [Theory]
    [InlineData(": 6217006955625214443", "开户银行 : 中国建设银行", "6217006955625214443")] // the 银行账号 label lost
    [InlineData("6217006955625214443", "开户银行 : 中国建设银行", "6217006955625214443")]
    [InlineData(": 6217006955625214444", "开户银行 : 中国建设银行", null)]   // fails its Luhn check
    [InlineData(": 621700695562521446", "开户银行 : 中国建设银行", null)]    // 18 digits: an ID's length, though it passes
    [InlineData(": 6217006955625214443 5106.65", "开户银行 : 中国建设银行", null)] // more on the line
    [InlineData(": 6217006955625214443", "申请人签名 : 周军", null)]       // no bank named: no payout section read
    public void A_claim_forms_account_whose_label_OCR_lost_is_a_card_number_alone_on_its_line(string line, string bank, string? expected)
    {
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(
            Row("理赔申请书"),
            Row("保单号 : P918777716562"),
            Row(bank),
            Row(line)));
        if (expected is null)
        {
            Assert.False(r.Fields.ContainsKey(FieldNames.CardNumber));
            return;
        }
        var card = r.Fields[FieldNames.CardNumber];
        Assert.Equal(expected, card.Normalized);
        Assert.True(card.Confidence <= ClaimVision.Intelligence.DocumentTypes.ClaimForm.ClaimFormExtractor.UnlabelledAccountConfidence, $"confidence {card.Confidence}");
        Assert.Single(card.Checks, c => c.Name == ClaimVision.Intelligence.Validation.CardNumberCheck.Name);
        Assert.Contains(card.Checks, c => c.Name == "accountLabelled" && !c.Passed);
    }

    [Fact]
    public void A_damaged_total_is_completed_by_the_payments_when_its_read_digits_agree()
    {
        var r = Extractor.Extract(DocumentType.InpatientInvoice, Doc(
            Row("医疗收费票据(住院)"),
            Row("合计 (小写 ): 了 ,248.03"),
            Row("医保统筹支付 : 724.88"),
            Row("个人支付金额 : 1,523.15")));

        var total = r.Fields[FieldNames.TotalAmount];
        Assert.Equal("2248.03", total.Normalized);
        Assert.Contains(total.Checks, c => c.Name == "totalPrinted" && c.Passed);
    }

    [Fact]
    public void A_fund_payment_that_was_not_read_is_inferred_with_low_confidence_unless_it_would_exceed_the_covered_amount()
    {
        VisionResult Page(params string[][] extra) => Doc([
            Row("湖南省基本医疗保险住院费用结算单"),
            Row("医疗费用总额 : ¥1,066.19"),
            Row("统筹基 : 金支付 : ¥319.85"),   // the label broken by a colon read inside it
            Row("个人支付 : ¥746.34"),
            .. extra]);

        var inferred = Extractor.Extract(DocumentType.SettlementSheet, Page()).Fields[FieldNames.InsurancePaidAmount];
        Assert.Equal("319.85", inferred.Normalized);
        Assert.Contains(inferred.Checks, c => c.Name == "insurancePaidPrinted" && !c.Passed);
        Assert.True(inferred.Confidence < 0.5, $"confidence {inferred.Confidence}");

        // Within the covered amount: inferred; beyond it, something else paid part of the bill.
        Assert.Equal("319.85", Extractor.Extract(DocumentType.SettlementSheet, Page(Row("政策范围内金额 : ¥1,063.47"))).Fields[FieldNames.InsurancePaidAmount].Normalized);
        Assert.False(Extractor.Extract(DocumentType.SettlementSheet, Page(Row("政策范围内金额 : ¥300.00"))).Fields.ContainsKey(FieldNames.InsurancePaidAmount));
        // A 大病 payment printed is not the fund's.
        Assert.Equal("219.85", Extractor.Extract(DocumentType.SettlementSheet, Page(Row("大病保险支付 : ¥100.00"))).Fields[FieldNames.InsurancePaidAmount].Normalized);
    }

    [Fact]
    public void A_patient_payment_that_was_not_read_is_inferred_with_low_confidence_never_over_a_read_one()
    {
        VisionResult Page(params string[][] extra) => Doc([
            Row("浙江省基本医疗保险费用结算单"),
            Row("医疗费用总额 : 9269.48"),
            Row("统筹基金支付 : 5734.50"),
            .. extra]);

        var inferred = Extractor.Extract(DocumentType.SettlementSheet, Page()).Fields[FieldNames.PersonalPaidAmount];
        Assert.Equal("3534.98", inferred.Normalized);
        Assert.Contains(inferred.Checks, c => c.Name == "personalPaidPrinted" && !c.Passed);
        Assert.True(inferred.Confidence < 0.5, $"confidence {inferred.Confidence}");

        var read = Extractor.Extract(DocumentType.SettlementSheet, Page(Row("个人支付 : 3000.00"))).Fields[FieldNames.PersonalPaidAmount];
        Assert.Equal("3000.00", read.Normalized);
    }

    [Fact]
    public void A_damaged_total_is_completed_by_its_line_items_when_its_read_digits_agree()
    {
        // The yen sign ate the first digit (¥3 → 琅) and the fund payment is damaged too: only the items are left.
        VisionResult Page(string total) => Doc(
            Row("住院收费票据"),
            Row("项目名称@300", "金额 (元 )@900"),
            Row("床位费@130", "¥217.00@900"),
            Row("检查费@130", "¥1,759.00@900"),
            Row("西药费@130", "¥1,652.91@900"),
            Row("合计 (小写 ): " + total),
            Row("医保统筹支付 : 既 ,076.20"));

        var completed = Extractor.Extract(DocumentType.InpatientInvoice, Page("琅 ,628.91")).Fields[FieldNames.TotalAmount];
        Assert.Equal("3628.91", completed.Normalized);
        Assert.Contains(completed.Checks, c => c.Name == "totalPrinted" && c.Passed);

        // Digits that do not end the items' sum are not completed by it.
        var other = Extractor.Extract(DocumentType.InpatientInvoice, Page("琅 ,618.91")).Fields[FieldNames.TotalAmount];
        Assert.NotEqual("3628.91", other.Normalized);
    }

    [Fact]
    public void A_damaged_expense_list_total_is_completed_by_its_covered_self_paid_and_out_of_catalogue_amounts()
    {
        var r = Extractor.Extract(DocumentType.ExpenseList, Doc(
            Row("医疗费用明细"),
            Row("医疗机构 : 青岛市协和医院"),
            Row("费用总额 : 开 ,145.43"),
            Row("医保范围内 : ¥6,347.86"),
            Row("乙类自付 : ¥471.13"),
            Row("两类自费 : ¥1,326.44")));
        Assert.Equal("8145.43", N(r, FieldNames.TotalAmount));
        Assert.Equal("6347.86", N(r, FieldNames.CoveredAmount));
        Assert.Equal("1326.44", N(r, FieldNames.OutOfCatalogueAmount));
    }

    [Theory]
    [InlineData("72", "7289.58")]        // the rest of the figure lost: the payments give it
    [InlineData("7289.58", "7289.58")]   // printed whole
    [InlineData("7300", "7300.00")]      // an integer that does not start the sum stays as printed
    [InlineData("7", "7.00")]            // one digit starts a sum by chance too often to say it was cut short
    public void A_total_read_as_a_bare_integer_that_starts_the_payments_sum_was_cut_short(string printed, string expected)
    {
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("门诊收费票据"),
            Row("合计 (小写 ): " + printed),
            Row("医保统筹支付 : 2,665.84"),
            Row("个人支付金额 : 4,623.74")));
        Assert.Equal(expected, N(r, FieldNames.TotalAmount));
    }

    [Fact]
    public void A_total_completed_from_one_sum_alone_stays_doubtful()
    {
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("门诊收费票据"),
            Row("合计 (小写 ): 72"),
            Row("医保统筹支付 : 2,665.84"),
            Row("个人支付金额 : 4,623.74")));
        var total = r.Fields[FieldNames.TotalAmount];
        Assert.Equal("7289.58", total.Normalized);
        Assert.Contains(total.Checks, c => c.Name == TotalRepair.TotalPrinted && !c.Passed);
        Assert.True(total.Confidence < 0.5, $"confidence {total.Confidence}");
    }

    [Theory]
    [InlineData("Date: 10/04/2021", "TOTAL: USD 121.30", "2021-10-04")]   // US dollars: month first
    [InlineData("Date: 10/04/2021", "TOTAL: RM 121.30", "2021-04-10")]    // ringgit: the default, day first
    [InlineData("Date: 10/04/2021", "Paid 24/04/2021 TOTAL: $121.30", "2021-04-10")] // the page proves day first
    [InlineData("Date: 10/04/2021", "Paid 04/24/2021 TOTAL: RM 121.30", "2021-10-04")] // the page proves month first
    [InlineData("Date: 10/04/2021", "6838 Elm St, Columbus, OH 43215", "2021-10-04")]  // a US address
    [InlineData("Date: 10/04/2021", "NO 8, JALAN 7/118B, 56000 KUALA LUMPUR", "2021-04-10")]
    // A clock time written with points is no date: it proves nothing about the order.
    [InlineData("Date 10/04/21 12.17.26 PM", "TOTAL: RM 121.30", "2021-04-10")]
    [InlineData("Date 10/04/21 12.17.26", "TOTAL: RM 121.30", "2021-04-10")]
    [InlineData("Date: 10/04/2021", "Printed 12.17.26 pm TOTAL: RM 121.30", "2021-04-10")]
    // A second date on its line is a date: 24.04.2021 proves day first (read as a time, nothing would, and USD month first).
    [InlineData("Date: 10/04/2021", "From 03.01.2021 to 24.04.2021 TOTAL: USD 121.30", "2021-04-10")]
    public void Ambiguous_numeric_dates_follow_the_order_the_page_proves_else_its_currency(string dateRow, string totalRow, string expected)
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("Walmart Supercenter"),
            Row("SALES RECEIPT"),
            Row(dateRow),
            Row(totalRow)));
        Assert.Equal(expected, N(r, FieldNames.DocumentDate));
    }

    [Fact]
    public void A_proving_date_that_may_be_quoted_is_preferred_to_a_birth_date()
    {
        var r = Extractor.Extract(DocumentType.IdCard, Doc(
            Row("COMMONWEALTH OF VIRGINIA - DRIVER LICENSE"),
            Row("DOB 02/16/1955"),
            Row("ISS 03/14/2024")));
        Assert.Equal(DateOrder.MonthFirst, r.DateOrder!.Order);
        Assert.Equal("03/14/2024 on the page can only be read month first", r.DateOrder.Proof);
    }

    [Theory]
    [InlineData("Paid 24/04/2021 TOTAL: $121.30", DateOrder.DayFirst, "24/04/2021 on the page can only be read day first")]
    [InlineData("TOTAL: USD 121.30", DateOrder.MonthFirst, "amounts in US dollars")]
    [InlineData("6838 Elm St, Columbus, OH 43215", DateOrder.MonthFirst, "a US address (OH and a ZIP code)")]
    // The proof reaches the claim's reasons, which mask birth dates: a proving date on a birth-date line is not quoted.
    [InlineData("DOB 02/16/1955", DateOrder.MonthFirst, "a personal date (a birth date or an expiry) on the page can only be read month first")]
    [InlineData("D.O.B. 02/16/1955", DateOrder.MonthFirst, "a personal date (a birth date or an expiry) on the page can only be read month first")]
    [InlineData("4d DL 12345 3 D0B 02/16/1955", DateOrder.MonthFirst, "a personal date (a birth date or an expiry) on the page can only be read month first")]
    [InlineData("4b EXP 02/16/2030", DateOrder.MonthFirst, "a personal date (a birth date or an expiry) on the page can only be read month first")]
    [InlineData("Date of birth: 16.02.1955", DateOrder.DayFirst, "a personal date (a birth date or an expiry) on the page can only be read day first")]
    [InlineData("Expense list printed 24/04/2021, Osborne Park Hospital", DateOrder.DayFirst, "24/04/2021 on the page can only be read day first")] // no label of a personal date
    [InlineData("TOTAL: RM 121.30", DateOrder.DayFirst, null)] // nothing proves it: the default, for the claim to settle
    public void The_extraction_says_which_order_its_dates_were_read_in_and_what_proved_it(string row, DateOrder order, string? proof)
    {
        var r = Extractor.Extract(DocumentType.Other, Doc(
            Row("Walmart Supercenter"),
            Row("Date: 10/04/2021"),
            Row(row)));
        Assert.Equal(order, r.DateOrder!.Order);
        Assert.Equal(proof, r.DateOrder.Proof);
        // Only an unproven order comes with the page's dates read the other way, checked as any reading, for the claim to choose.
        if (proof is not null) Assert.Null(r.DateOrder.OtherOrder);
        else Assert.Equal("2021-10-04", Assert.Single(r.DateOrder.OtherOrder!).Value.Normalized);
    }

    [Fact]
    public void A_date_the_default_order_puts_in_the_future_is_checked_again_in_the_other_order()
    {
        // 03/05/2026 on 2026-03-20: 3 May read day first, in the future (a failed check); 5 March read month first.
        var extractor = new FieldExtractor(new FixedTime(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero)));
        var r = extractor.Extract(DocumentType.Other, Doc(
            Row("Walmart Supercenter"),
            Row("Date: 03/05/2026"),
            Row("TOTAL: 121.30")));
        var own = r.Fields[FieldNames.DocumentDate];
        Assert.Equal("2026-05-03", own.Normalized);
        Assert.Contains(own.Checks, c => !c.Passed);
        var other = r.DateOrder!.OtherOrder![FieldNames.DocumentDate];
        Assert.Equal("2026-03-05", other.Normalized);
        Assert.All(other.Checks, c => Assert.True(c.Passed, c.Message));
        Assert.True(other.Confidence > own.Confidence, $"{other.Confidence} vs {own.Confidence}");
    }

    [Fact]
    public void A_provider_in_the_title_loses_the_misread_label_before_it()
    {
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("门诊收费收据"),
            Row("收区单位: 武汉市人民医院"),
            Row("姓名 : 杨强晓")));
        Assert.Equal("武汉市人民医院", N(r, FieldNames.ProviderName));
    }

    [Theory]
    [InlineData("Length of stay: 4 days", "2022-03-01", "2022-03-05")]    // only month first gives four days
    [InlineData("Length of stay: 122 days", "2022-01-03", "2022-05-03")]  // only day first gives 122 days
    [InlineData("Length of stay: 9 days", "2022-01-03", "2022-05-03")]    // neither: the default, day first
    public void A_printed_length_of_stay_decides_how_ambiguous_dates_read(string stay, string admitted, string discharged)
    {
        var r = Extractor.Extract(DocumentType.DischargeSummary, Doc(
            Row("Northwestern Community Hospital"),
            Row("Discharge Summary"),
            Row("Patient name: John Tan"),
            Row("Admission date: 03/01/2022"),
            Row("Discharge date: 03/05/2022", stay + "@600")));
        Assert.Equal(admitted, N(r, FieldNames.AdmissionDate));
        Assert.Equal(discharged, N(r, FieldNames.DischargeDate));
    }

    [Theory]
    [InlineData("HK$", "HKD", "2022-04-03")] // Hong Kong writes day first: 03/04/2022 is 3 April
    [InlineData("$", "USD", "2022-03-04")]   // a bare dollar reads as a US bill: month first
    public void Another_place_s_dollar_is_its_own_currency_and_does_not_make_a_bill_american(string sign, string currency, string date)
    {
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("Kwong Wah Hospital"),
            Row("OUTPATIENT RECEIPT"),
            Row("Patient name: Chan Tai Man"),
            Row("Date: 03/04/2022"),
            Row("Consultation", sign + "380.00@600"),
            Row("Medicine", sign + "126.50@600"),
            Row("Total", sign + "506.50@600")));
        Assert.Equal(currency, N(r, FieldNames.Currency));
        Assert.Equal(date, N(r, FieldNames.DocumentDate));
    }

    [Fact]
    public void The_name_of_a_plan_is_no_patient_name()
    {
        // CMS-1500: the patient's name was not read; box 11c's plan name must not stand in for it.
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(
            Row("HEALTH INSURANCE CLAIM FORM"),
            Row("2. PATIENT'S NAME:"),
            Row("3. BIRTH DATE: 12/09/1997"),
            Row("11. POLICY GROUP: GRP-78656", "11c. PLAN NAME: Cigna@500")));
        Assert.Null(N(r, FieldNames.PatientName));
    }

    [Theory]
    [InlineData("2,076.20", "参什陆佰起拾揭元玖角喜分", "3628.91")] // payments and items agree on 3628.91: the clean 628.91 lost its leading 3
    [InlineData("2,000.00", "参什陆佰起拾揭元玖角喜分", "3628.91")] // the items and a 大写 amount of 3628.91's length (legible numerals agree)
    [InlineData("2,000.00", "会什 | 陆佰起拾揭元玖角喜分", "3628.91")] // a table rule read as | is no glyph
    [InlineData("2,000.00", "陆佰起拾揭元玖角喜分", "628.91")]      // only the items give 3628.91, the 大写 is as long as 628.91's
    [InlineData("2,000.00", "参什伍佰起拾揭元玖角喜分", "628.91")]  // a legible numeral (伍 for 陆) contradicts 3628.91
    [InlineData("2,000.00", "", "628.91")]                          // one sum alone never replaces a clean figure
    public void A_clean_total_that_only_ends_what_two_sums_agree_on_lost_its_leading_digits(string fund, string words, string expected)
    {
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("医疗门诊收费票据"),
            Row("项目名称@300", "金额 (元 )@900"),
            Row("床位费@130", "217.00@900"),
            Row("检查费@130", "1,759.00@900"),
            Row("西药费@130", "1,652.91@900"),
            Row($"合计 (大写 ): {words}合计 628.91"),
            Row("医保统筹支付 : " + fund),
            Row("个人支付金额 : 1,552.71")));
        Assert.Equal(expected, N(r, FieldNames.TotalAmount));
    }

    [Fact]
    public void A_department_whose_label_was_not_read_is_the_line_holding_only_its_name_trusted_less()
    {
        var lost = Extractor.Extract(DocumentType.DischargeSummary, Doc(
            Row("重庆市附属医院"), Row("出院小结"), Row("姓名 : 赵洋娜"), Row("住院号 : 74033928"),
            Row("消化内科@120"), Row("入院日期 : 2023.05.31"), Row("出院日期 : 2023.06.13")));
        var labelled = Extractor.Extract(DocumentType.DischargeSummary, Doc(
            Row("重庆市附属医院"), Row("出院小结"), Row("姓名 : 赵洋娜"), Row("住院号 : 74033928"),
            Row("科室 : 消化内科"), Row("入院日期 : 2023.05.31"), Row("出院日期 : 2023.06.13")));

        var department = lost.Fields[FieldNames.Department];
        Assert.Equal("消化内科", department.Normalized);
        Assert.Contains(department.Checks, c => c.Name == DepartmentScan.WithoutLabel && c.Passed);
        Assert.True(department.Confidence < labelled.Fields[FieldNames.Department].Confidence);
        Assert.DoesNotContain(labelled.Fields[FieldNames.Department].Checks, c => c.Name == DepartmentScan.WithoutLabel);
    }

    [Theory]
    [InlineData("检验科", null)]                // the lab's own name or stamp: the issuer, not the patient's department
    [InlineData("放 射 科", null)]
    [InlineData("呼 吸 内 科", "呼吸内科")]     // chi_sim spaces between glyphs
    [InlineData("本科", null)]
    [InlineData("呼吸内科 ALT", null)]          // more than the name on the line
    [InlineData("张三 男 消化内科", null)]      // a row of values whose labels were lost, not one name
    [InlineData("中医院检验科", null)]          // an issuing department named with its hospital
    [InlineData("病案科", null)]                // the records office's copy stamp
    [InlineData("遂收入我科", null)]            // a narrative's "our department"
    [InlineData(": 心内科", "心内科")]          // the label lost, its colon read
    public void Only_a_treating_department_alone_on_its_line_is_read_without_a_label(string line, string? expected)
    {
        var r = Extractor.Extract(DocumentType.LabReport, Doc(
            Row("青岛市中医院"), Row("检验报告单"), Row("姓名 : 孙杰娜"), Row(line + "@600"), Row("报告日期 : 2022.06.23")));
        Assert.Equal(expected, N(r, FieldNames.Department));
    }

    [Fact]
    public void Two_department_names_alone_on_their_lines_leave_the_department_unread_and_a_labelled_one_wins_over_them()
    {
        var two = Extractor.Extract(DocumentType.LabReport, Doc(
            Row("检验报告单"), Row("姓名 : 孙杰娜"), Row("呼吸内科@600"), Row("心内科@600")));
        var labelled = Extractor.Extract(DocumentType.LabReport, Doc(
            Row("检验报告单"), Row("姓名 : 孙杰娜", "科别 : 骨科@600"), Row("外科@600")));

        Assert.Null(N(two, FieldNames.Department));
        Assert.Equal("骨科", N(labelled, FieldNames.Department));
    }

    [Fact]
    public void A_department_read_without_its_label_has_the_box_of_its_name()
    {
        var r = Extractor.Extract(DocumentType.LabReport, Doc(Row("检验报告单"), Row("姓名 : 孙杰娜"), Row(": 心内科@600")));
        // The line is ":" at x 600 and 心内科 at 632, 16 px a character (Pages): the box is the name's, not the line's.
        var box = r.Fields[FieldNames.Department].Box!.Value;
        Assert.Equal((632, 48, Pages.RowHeight), (box.X, box.Width, box.Height));
    }

    [Fact]
    public void A_provider_label_inside_the_invoice_s_facility_type_label_reads_no_provider_from_it()
    {
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("门诊收费票据"), Row("医疗机构类型 : 综合医院"), Row("姓名 : 张三"), Row("合计(小写) : 120.00")));
        Assert.DoesNotContain("类型", N(r, FieldNames.ProviderName) ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void A_department_ends_where_the_invoice_s_insurance_type_label_begins()
    {
        var r = Extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("北京市医疗门诊收费票据"), Row("姓名 : 张三", "科室 : 骨科医保类型 : 职工基本医疗保险@500"), Row("合计(小写) : 120.00")));
        Assert.Equal("骨科", N(r, FieldNames.Department));
    }
}
