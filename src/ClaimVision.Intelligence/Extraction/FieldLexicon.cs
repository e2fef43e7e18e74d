using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Normalization;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// The printed labels (Chinese and English) that introduce each field. Labels that must not be read as a field
/// (SUBTOTAL next to TOTAL, 项目 next to 日期 …) are listed under <see cref="Ignore"/> so that the longest-label-wins rule
/// claims them first. Matching ignores case and spaces (Chinese OCR puts spaces between characters).
/// </summary>
public static class FieldLexicon
{
    /// <summary>Pseudo-field for labels that only block shorter labels inside them.</summary>
    public const string Ignore = "_ignore";

    public static IReadOnlyDictionary<string, string[]> Labels { get; } = new Dictionary<string, string[]>
    {
        [FieldNames.ProviderName] = ["医疗机构名称", "医院名称", "医疗机构", "定点医疗机构", "收款单位", "开票单位", "就诊医院", "SERVICE FACILITY", "Hospital Name", "Provider Name", "Provider", "Facility"],
        [FieldNames.ProviderLevel] = ["医院等级", "医疗机构等级", "机构等级", "Hospital Level", "Network Status", "Network"],
        [FieldNames.DocumentDate] = ["SIGNED DATE", "申请日期", "开具日期", "记录日期", "Printed", "Reported", "Processed", "开票日期", "收费日期", "结算日期", "打印日期", "报告日期", "填报日期", "日期", "Invoice Date", "Bill Date", "Date of Issue", "Report Date", "Date"],
        [FieldNames.InvoiceNumber] = ["Receipt #", "Receipt No.", "单号", "票据号码", "发票号码", "票据号", "发票号", "收据号", "结算单号", "小票号", "流水号", "Invoice No", "Invoice Number", "Receipt No", "Bill No", "Document No", "Doc No", "INV NO", "INV. NO"],
        [FieldNames.PatientName] = ["PATIENT'S NAME", "被保险人", "Member", "患者姓名", "病人姓名", "参保人姓名", "参保人", "姓名", "Patient Name", "Patient", "Name"],
        [FieldNames.PatientIdNumber] = ["INSURED'S I.D. NUMBER", "I.D. NUMBER", "证件号", "Member ID", "公民身份号码", "身份证号码", "身份证号", "证件号码", "社会保障号码", "ID Number", "ID No"],
        [FieldNames.PatientSex] = ["性别", "Sex", "Gender"],
        [FieldNames.MedicalRecordNumber] = ["住院号", "病案号", "病历号", "门诊号", "住院病案号", "Medical Record No", "MRN", "Hospital No", "Visit No", "Visit Number"],
        [FieldNames.AdmissionDate] = ["18. FROM", "Service from", "Admission", "入院日期", "入院时间", "住院日期", "Admission Date", "Date of Admission", "Admitted"],
        [FieldNames.DischargeDate] = ["18. TO", "Service to", "Discharge", "出院日期", "出院时间", "Discharge Date", "Date of Discharge", "Discharged"],
        [FieldNames.Diagnosis] = ["出院诊断", "主要诊断", "临床诊断", "入院诊断", "疾病名称", "诊断", "Discharge Diagnosis", "Diagnosis"],
        [FieldNames.DiagnosisCode] = ["DIAGNOSIS OR NATURE OF ILLNESS", "ICD-10 A.", "疾病编码", "诊断编码", "ICD-10编码", "ICD-10", "ICD10", "ICD Code"],
        [FieldNames.TotalAmount] = ["TOTAL CHARGE", "申请金额", "Total charges", "Amount billed", "应付金额", "应付", "医疗费用总额", "费用总额", "合计金额", "金额合计", "费用合计", "总金额", "总费用", "合计(小写)", "小写", "合计", "总计", "Grand Total", "Total Amount", "Amount Due", "Total"],
        [FieldNames.TotalAmountInWords] = ["合计(大写)", "人民币(大写)", "金额大写", "大写"],
        [FieldNames.CoveredAmount] = ["政策范围内金额", "Allowed amount", "医保范围内金额", "符合医保范围", "医保范围内", "政策范围内", "Covered Amount", "Covered Charges", "Covered"],
        [FieldNames.InsurancePaidAmount] = ["统筹基金支付", "医保统筹支付", "统筹支付", "基金支付", "医保支付", "报销金额", "Plan Paid", "Insurance Paid", "Insurance Payment", "Paid by Insurance"],
        [FieldNames.PersonalPaidAmount] = ["个人支付金额", "Patient balance", "个人现金支付", "个人支付", "现金支付", "Patient Responsibility", "Patient Paid", "Amount Paid by Patient"],
        [FieldNames.SelfPaidAmount] = ["乙类先行自付", "乙类自付", "Coinsurance", "个人自付", "自付金额", "自付", "Self-paid", "Co-pay", "Copay"],
        [FieldNames.Department] = ["就诊科室", "科室", "科别", "Department", "Dept"],
        // Who signs: the treating doctor on records, the prescriber on a prescription, the technologist or reporting
        // doctor on a laboratory report.
        [FieldNames.PhysicianName] = ["主治医师", "经治医师", "医师签名", "处方医师", "送检医师", "检验医师", "报告医师", "审核医师", "检验者", "审核者", "检验人", "医师", "医生",
            "Attending Physician", "Prescribing Physician", "Ordering Physician", "Prescriber", "Technologist", "Reported by", "Physician", "Doctor"],
        [FieldNames.PolicyNumber] = ["保单号码", "保单号", "Policy Number", "Policy No", "POLICY GROUP", "Group Number", "Group No", "Group"],
        [FieldNames.ExpiryDate] = ["有效期至", "有效期限", "有效期", "Valid thru", "Valid until", "Expiry Date", "Expiration Date", "Expires"],
        // The account a payout goes to (理赔申请书: 开户银行 / 银行账号) and a bank card's own labels.
        [FieldNames.BankName] = ["开户银行", "开户行", "收款银行", "Bank Name"],
        [FieldNames.CardNumber] = ["银行账号", "银行卡号", "收款账号", "账号", "卡号", "Account Number", "Account No", "Card Number", "Card No"],
        [FieldNames.TestName] = ["检验项目", "检查项目", "Test Name", "Test"],
        [FieldNames.OutOfCatalogueAmount] = ["丙类自费", "全自费金额", "Non-covered", "个人自费", "全自费", "自费金额", "自费", "Out of Catalogue", "Not Covered"],
        [FieldNames.CriticalIllnessAmount] = ["大病保险支付", "大病保险", "大病支付", "Critical Illness"],
        [Ignore] = ["业务流水号", "交易流水号", "Length of stay", "起付标准", "Deductible", "报销比例", "Plan share", "年龄", "Age", "Discharge instructions", "出院医嘱", "入院情况", "Subtotal", "Sub Total", "Sub-Total", "Total Qty", "Total Quantity", "Total Items", "Total Tax", "Total GST", "Total Discount", "Total Savings", "Total Excl", "Total Incl", "起付", "住院天数", "出生日期", "Date of Birth", "Birth Date", "DOB", "PLAN NAME", "PROGRAM NAME", "Advice", "建议",
            // Header labels of Chinese medical invoices and settlement sheets that no field reads; listed so that a value
            // before them on the line ends there (科室 : 骨科 医保类型 : 职工基本医疗保险).
            "医保类型", "医保类别", "险种类型", "参保类型", "医保编号", "医疗机构类型", "人员类别", "人员类型", "医疗类别",
            // Numbers of cards that are no bank account: listed so that 卡号 (a bank card's) is not read inside them.
            "社会保障卡号", "社保卡号", "医保卡号", "就诊卡号"],
    };
}

/// <summary>A label occurrence on a line: which field it introduces and the character range it covers.</summary>
public sealed record LabelHit(string Field, string Label, LineView Line, int Start, int End);

/// <summary>Finds labels on lines. Longest label wins where labels overlap, so 入院日期 is never read as 日期.</summary>
public sealed class LabelIndex
{
    private readonly Dictionary<int, List<LabelHit>> _byLine = [];

    public LabelIndex(DocumentView view, IReadOnlyDictionary<string, string[]>? labels = null)
    {
        var all = (labels ?? FieldLexicon.Labels)
            .SelectMany(kv => kv.Value.Select(l => (Field: kv.Key, Label: l, Needle: Compact(l))))
            .OrderByDescending(x => x.Needle.Length).ToList();
        // The Chinese labels a misread may stand for, by length, longest first.
        var misreadable = all.Where(x => x.Label.Length >= MinMisreadLabel && x.Label.All(TextCleanup.IsHan))
            .GroupBy(x => x.Needle.Length).OrderByDescending(g => g.Key).Select(g => g.ToList()).ToList();
        var longEnglish = all.Where(x => IsAsciiWord(x.Needle) && x.Needle.Length >= MinMisreadEnglishLabel)
            .Select(x => x with { Needle = x.Needle.ToUpperInvariant() }).ToList();
        foreach (var line in view.Lines)
        {
            var (compact, map) = CompactWithMap(line.Text);
            var hits = new List<LabelHit>();
            var taken = new bool[compact.Length];
            foreach (var (field, label, needle) in all)
            {
                var from = 0;
                while (from <= compact.Length - needle.Length)
                {
                    var at = compact.IndexOf(needle, from, StringComparison.OrdinalIgnoreCase);
                    if (at < 0) break;
                    from = at + 1;
                    if (IsAsciiWord(needle) && !OnWordBoundary(compact, at, needle.Length, line.Text, map)) continue;
                    if (!IsFree(taken, at, needle.Length)) continue;
                    Take(taken, at, needle.Length);
                    hits.Add(new LabelHit(field, label, line, map[at], map[at + needle.Length - 1] + 1));
                }
            }
            hits.AddRange(MisreadLabels(line, compact, map, taken, misreadable));
            hits.AddRange(MisreadEnglishLabels(line, compact, map, taken, longEnglish));
            if (hits.Count > 0) _byLine[line.Index] = [.. hits.OrderBy(h => h.Start)];
        }
    }

    private const int MinMisreadLabel = 4;

    /// <summary>Chinese labels of four or more characters with one glyph misread (结算日划, 结算]期, 结算目基 for 结算日期), lost
    /// (入院期, 入院日 for 入院日期) or read as two marks (入院 E ] 期: chi_sim's 日), where they stand as labels: right before
    /// a colon (or a semicolon, the colon misread), over characters no label claimed, starting with a Chinese glyph. A run
    /// is taken for a label only when every label one glyph from it (of the longest length that has any) belongs to one
    /// field, so a damaged X院日期 or a 院日期 is neither 入院日期 nor 出院日期; Ignore labels count, so a damaged one still
    /// blocks.</summary>
    private static IEnumerable<LabelHit> MisreadLabels(LineView line, string compact, int[] map, bool[] taken,
        List<List<(string Field, string Label, string Needle)>> byLength)
    {
        for (var colon = MinMisreadLabel - 1; colon < compact.Length; colon++)
        {
            // chi_sim reads a colon as a semicolon as often as it misreads a label's glyph (险验项目 ; 肾功能).
            if (compact[colon] is not (':' or '：' or ';' or '；')) continue;
            foreach (var labels in byLength)
            {
                var length = labels[0].Needle.Length;
                // The run as long as the label (a glyph misread), one shorter (lost) and one longer (read as two marks).
                var near = new List<(string Field, string Label, int At)>();
                foreach (var runLength in new[] { length, length - 1, length + 1 })
                {
                    var at = colon - runLength;
                    if (at < 0 || !IsFree(taken, at, runLength) || !TextCleanup.IsHan(compact[at])) continue;
                    var run = compact.Substring(at, runLength);
                    near.AddRange(labels.Where(l => OneGlyphOff(run, l.Needle)).Select(l => (l.Field, l.Label, at)));
                }
                if (near.Count == 0) continue;
                if (near.Select(l => l.Field).Distinct().Count() == 1 && near[0].Field != FieldLexicon.Ignore)
                {
                    var at = near.Min(n => n.At);
                    Take(taken, at, colon - at);
                    yield return new LabelHit(near[0].Field, near[0].Label, line, map[at], map[colon - 1] + 1);
                }
                break;
            }
        }
    }

    /// <summary>Whether <paramref name="run"/> is <paramref name="label"/> with one glyph misread (the same length), lost
    /// (one shorter), or read as two marks that are no Chinese glyphs (one longer: 日 as <c>E]</c>).</summary>
    internal static bool OneGlyphOff(string run, string label)
    {
        if (run.Length == label.Length) return OneGlyphApart(run, label);
        var prefix = 0;
        while (prefix < Math.Min(run.Length, label.Length) && run[prefix] == label[prefix]) prefix++;
        if (run.Length == label.Length - 1)
            return string.CompareOrdinal(run, prefix, label, prefix + 1, run.Length - prefix) == 0;
        return run.Length == label.Length + 1 && prefix < label.Length
            && !TextCleanup.IsHan(run[prefix]) && !TextCleanup.IsHan(run[prefix + 1])
            && string.CompareOrdinal(run, prefix + 2, label, prefix + 1, label.Length - prefix - 1) == 0;
    }

    private const int MinMisreadEnglishLabel = 12;

    /// <summary>Long English labels (twelve or more letters and marks) misread by up to one character in six, where they
    /// stand as labels: right before a colon (or a semicolon), starting a word, over characters no label claimed. A form's
    /// printed labels are read as unevenly as its values: <c>1a. INSURED'S L.D. NUMBER:</c>, <c>INSURED'S .D. NUMBER:</c>
    /// and <c>INSURED'S Lp. NUMBER:</c> all stand for INSURED'S I.D. NUMBER. The run is taken only when the labels nearest
    /// it all belong to one field (Ignore labels count, so a damaged one still blocks); short labels (<c>Total</c>,
    /// <c>Patient</c>) are too close to other words to be guessed at.</summary>
    private static IEnumerable<LabelHit> MisreadEnglishLabels(LineView line, string compact, int[] map, bool[] taken,
        List<(string Field, string Label, string Needle)> labels)
    {
        if (labels.Count == 0) yield break;
        var upper = compact.ToUpperInvariant();
        for (var colon = MinMisreadEnglishLabel; colon < compact.Length; colon++)
        {
            if (compact[colon] is not (':' or ';')) continue;
            var best = int.MaxValue;
            var nearest = new List<(string Field, string Label, int At)>();
            foreach (var (field, label, needle) in labels)
            {
                var allowed = needle.Length / 6;
                for (var length = needle.Length - allowed; length <= needle.Length + allowed; length++)
                {
                    var at = colon - length;
                    if (at < 0 || !IsFree(taken, at, length) || !StartsWord(line.Text, map[at])) continue;
                    var distance = Domain.Documents.EditDistance.Capped(upper.Substring(at, length), needle, allowed + 1);
                    if (distance == 0 || distance > allowed || distance > best) continue;
                    if (distance < best) { best = distance; nearest.Clear(); }
                    nearest.Add((field, label, at));
                }
            }
            if (nearest.Count == 0 || nearest.Select(n => n.Field).Distinct().Count() != 1 || nearest[0].Field == FieldLexicon.Ignore) continue;
            // Of the runs as near as each other, the longest: the label's whole first word.
            var taking = nearest.MinBy(n => n.At);
            Take(taken, taking.At, colon - taking.At);
            yield return new LabelHit(taking.Field, taking.Label, line, map[taking.At], map[colon - 1] + 1);
        }
    }

    /// <summary>Whether a word starts at <paramref name="index"/>: a letter or digit follows no letter.</summary>
    private static bool StartsWord(string text, int index) => index == 0 || !char.IsLetter(text[index - 1]);

    private static bool IsFree(bool[] taken, int at, int length) => !taken.AsSpan(at, length).Contains(true);

    private static void Take(bool[] taken, int at, int length) => taken.AsSpan(at, length).Fill(true);

    /// <summary>Whether <paramref name="run"/> is <paramref name="label"/> (of the same length) with one glyph misread.</summary>
    internal static bool OneGlyphApart(string run, string label)
    {
        var differ = 0;
        for (var i = 0; i < run.Length && differ < 2; i++)
            if (run[i] != label[i]) differ++;
        return differ == 1;
    }

    /// <summary>Every label of every field on a line, left to right.</summary>
    public IReadOnlyList<LabelHit> On(LineView line) => _byLine.TryGetValue(line.Index, out var h) ? h : [];

    /// <summary>Hits of one field, in reading order.</summary>
    public IEnumerable<LabelHit> Of(string field) => _byLine.Values.SelectMany(h => h).Where(h => h.Field == field).OrderBy(h => h.Line.Index);

    internal static string Compact(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c)).Select(Fold));

    /// <summary>Letters and digits OCR confuses in printed labels fold to one form on both sides of the match, so
    /// <c>1a. INSURED'S 1.D. NUMBER</c> still holds the label I.D. NUMBER, and chi_sim's <c>结算目期</c> the label 结算日期.
    /// Values are read from the original text.</summary>
    private static char Fold(char c) => c switch
    {
        '1' or 'l' or '|' => 'I',
        '0' => 'O',
        '’' or '‘' => '\'',
        '目' => '日',
        _ => c,
    };

    /// <summary>The line without whitespace, folded, and where each character came from. A bar between two Chinese
    /// characters is a table rule read into the text (医疗费用总 | 额 : 1146.68), never an I, and goes like a space.</summary>
    private static (string, int[]) CompactWithMap(string s)
    {
        var chars = new List<char>(s.Length);
        var map = new List<int>(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsWhiteSpace(s[i]) || (s[i] == '|' && chars.Count > 0 && TextCleanup.IsHan(chars[^1]) && NextIsHan(s, i + 1))) continue;
            chars.Add(Fold(s[i]));
            map.Add(i);
        }
        return (new string([.. chars]), [.. map]);
    }

    private static bool NextIsHan(string s, int from)
    {
        while (from < s.Length && char.IsWhiteSpace(s[from])) from++;
        return from < s.Length && TextCleanup.IsHan(s[from]);
    }

    private static bool IsAsciiWord(string label) => label.All(c => c < 128);

    // English labels must stand as words in the original text: "TOTAL" inside "SUBTOTAL" is not a hit.
    private static bool Hyphenated(string text, int at) =>
        text[at] == '-' && at > 0 && at + 1 < text.Length && char.IsLetter(text[at - 1]) && char.IsLetter(text[at + 1]);

    private static bool OnWordBoundary(string compact, int at, int length, string original, int[] map)
    {
        var start = map[at];
        var end = map[at + length - 1] + 1;
        // A hyphen between letters joins one word: "network" in "in-network" is no label.
        var before = start == 0 || !(char.IsLetter(original[start - 1]) || Hyphenated(original, start - 1));
        // Letters run straight into digits inside one code ("MRN: MRN1907106" holds the label MRN once, not twice).
        var after = end >= original.Length || !(char.IsLetter(original[end]) || Hyphenated(original, end)
                                                || (char.IsAsciiDigit(original[end]) && char.IsLetter(original[end - 1])));
        return before && after;
    }
}
