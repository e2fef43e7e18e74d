using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Synthesis.Claims;

/// <summary>
/// The shipped sample claims (issue 4): approve, partial (ratio, cap, deductible), reject (age, region, exclusion,
/// duplicate) and review (illegible total, contradicting totals, corrupt image), under the two sample policies.
/// Every amount is chosen here and every expected payable is worked out by hand in its reason, from
/// samples/policies/*.json — never from running the pipeline.
/// </summary>
public static class ClaimScenarios
{
    public const string ChinesePolicy = "cn-poverty-labour-inpatient";
    public const string EnglishPolicy = "us-outpatient-pharmacy";

    private static readonly DocumentType[] Inpatient = [DocumentType.InpatientInvoice, DocumentType.ExpenseList, DocumentType.SettlementSheet, DocumentType.DischargeSummary];
    private static readonly DocumentType[] Outpatient = [DocumentType.OutpatientInvoice];

    private static Region Qiandongnan(string county, string code) => new() { Province = "贵州省", City = "黔东南苗族侗族自治州", County = county, Code = code };

    // People as samples/registry/insured.csv lists them.
    private static readonly ScenarioPerson YangXiuying = new("杨秀英", "522631197803150428", new(1978, 3, 15), false, "HH-522631-0001", Qiandongnan("黎平县", "522631"));
    private static readonly ScenarioPerson WuGuohua = new("吴国华", "522632198507020179", new(1985, 7, 2), true, "HH-522632-0017", Qiandongnan("榕江县", "522632"));
    private static readonly ScenarioPerson LongDeming = new("龙德明", "522633196211200354", new(1962, 11, 20), true, "HH-522633-0008", Qiandongnan("从江县", "522633"));
    private static readonly ScenarioPerson ShiGuangrong = new("石光荣", "52260119900405051X", new(1990, 4, 5), true, "HH-522601-0003", Qiandongnan("凯里市", "522601"));
    private static readonly ScenarioPerson PanJinfeng = new("潘金凤", "522633197209180264", new(1972, 9, 18), false, "HH-522633-0021", Qiandongnan("从江县", "522633"));
    private static readonly ScenarioPerson WangJianjun = new("王建军", "522634198001010136", new(1980, 1, 1), true, "HH-522634-0005", Qiandongnan("雷山县", "522634"));
    private static readonly ScenarioPerson WangXiulan = new("王秀兰", "522634198206120240", new(1982, 6, 12), false, "HH-522634-0005", Qiandongnan("雷山县", "522634"));
    private static readonly ScenarioPerson YaoZhiqiang = new("姚志强", "522631198808080259", new(1988, 8, 8), true, "HH-522631-0042", Qiandongnan("黎平县", "522631"));
    private static readonly ScenarioPerson YangMei = new("杨梅", "52263219950214074X", new(1995, 2, 14), false, "HH-522632-0033", Qiandongnan("榕江县", "522632"));
    private static readonly ScenarioPerson JohnCarter = new("John Carter", "USM-100234", new(1979, 5, 21), true, null, null);

    /// <summary>A county-hospital stay: 1,390.00 billed; basic insurance 573.75, so 816.25 is left to the patient.</summary>
    private static readonly ScenarioItem[] CountyStay =
    [
        new("床位费", "床位费", 6, 60.00m),
        new("护理费(Ⅱ级)", "护理费", 6, 30.00m),
        new("血常规", "化验费", 2, 20.00m),
        new("胸部CT平扫", "检查费", 1, 300.00m, "乙", 0.1m),
        new("头孢呋辛钠注射液", "西药费", 10, 25.00m, "乙", 0.1m),
        new("进口可吸收缝线", "材料费", 1, 260.00m, "丙", 1m),
    ];

    private const string CountyStaySettlement =
        "Bill 1,390.00 = 甲 580.00 + 乙 550.00 (10 % self-paid: 55.00) + 丙 260.00; within the catalogue 1,075.00; basic insurance paid (1,075.00 − 400.00) × 85 % = 573.75.";

    private const string CountyStayPayable =
        "eligible (residual after basic insurance) 1,390.00 − 573.75 = 816.25; − deductible 300.00 = 516.25; × 60 % (county) = 309.75";

    private static ClaimScenario CountyClaim(string id, ScenarioPerson person, string hospital, string address, DateOnly admission, string invoice, ScenarioExpectation expected) => new()
    {
        Id = id,
        PolicyId = ChinesePolicy,
        Language = "zh",
        Person = person,
        SubmittedBy = $"{person.Region!.County}村级代办员",
        HospitalName = hospital,
        HospitalLevel = "二级甲等",
        HospitalAddress = address,
        Admission = admission,
        Days = 6,
        Diagnosis = "社区获得性肺炎",
        DiagnosisCode = "J18.9",
        InvoiceNumber = invoice,
        Items = CountyStay,
        BasicDeductible = 400m,
        BasicRate = 0.85m,
        StatedTotal = 1390.00m,
        StatedBasicPaid = 573.75m,
        Documents = Inpatient,
        Expected = expected,
    };

    public static IReadOnlyList<ClaimScenario> All { get; } =
    [
        CountyClaim("01-partial-ratio", YangXiuying, "黎平县人民医院", "贵州省黎平县德凤镇五开南路12号", new(2026, 3, 2), "5226310302",
            new(Decision.Partial, 309.75m, $"{CountyStaySettlement} Policy: {CountyStayPayable}; under the 20,000.00 per-claim cap → partial 309.75 (the county ratio cuts 40 %).")),

        new ClaimScenario
        {
            Id = "02-partial-cap",
            PolicyId = ChinesePolicy,
            Language = "zh",
            Person = WuGuohua,
            SubmittedBy = "榕江县村级代办员",
            HospitalName = "黔东南州人民医院",
            HospitalLevel = "三级甲等",
            HospitalAddress = "贵州省凯里市韶山南路31号",
            Admission = new(2026, 4, 13),
            Days = 12,
            Diagnosis = "冠状动脉粥样硬化性心脏病",
            DiagnosisCode = "I25.1",
            InvoiceNumber = "5226010413",
            Items =
            [
                new("床位费", "床位费", 12, 80.00m),
                new("护理费(Ⅰ级)", "护理费", 12, 40.00m),
                new("经皮冠状动脉介入治疗", "手术费", 1, 15000.00m, "乙", 0.1m),
                new("人血白蛋白", "西药费", 10, 400.00m, "乙", 0.2m),
                new("进口药物洗脱支架", "材料费", 2, 19000.00m, "丙", 1m),
            ],
            BasicDeductible = 1000m,
            BasicRate = 0.85m,
            StatedTotal = 58440.00m,
            StatedBasicPaid = 14569.00m,
            Documents = Inpatient,
            Expected = new(Decision.Partial, 20000.00m,
                "Bill 58,440.00 = 甲 1,440.00 + 乙 19,000.00 (self-paid 1,500.00 + 800.00) + 丙 38,000.00; within the catalogue 18,140.00; basic insurance paid (18,140.00 − 1,000.00) × 85 % = 14,569.00. " +
                "Policy: eligible 58,440.00 − 14,569.00 = 43,871.00; − deductible 300.00 = 43,571.00; × 50 % (三级 = city) = 21,785.50; per-claim cap 20,000.00 → partial 20,000.00."),
        },

        new ClaimScenario
        {
            Id = "03-en-partial-deductible",
            PolicyId = EnglishPolicy,
            Language = "en",
            Person = JohnCarter,
            SubmittedBy = "John Carter",
            HospitalName = "Riverside Family Clinic",
            HospitalLevel = "in-network",
            HospitalAddress = "1420 Oak Ave, Springfield, IL 62704",
            Admission = new(2026, 2, 10),
            Days = 0,
            Diagnosis = "Acute bronchitis",
            DiagnosisCode = "J20.9",
            InvoiceNumber = "INV-260210",
            Items =
            [
                new("Office visit, established patient", "Professional fees", 1, 185.00m, Code: "99214"),
                new("Complete blood count", "Laboratory", 1, 42.40m, Code: "85025"),
                new("Chest X-ray, two views", "Radiology", 1, 158.00m, Code: "71046"),
            ],
            StatedTotal = 385.40m,
            StatedBasicPaid = 0m,
            Documents = Outpatient,
            Expected = new(Decision.Partial, 285.40m,
                "Outpatient invoice 385.40 (185.00 + 42.40 + 158.00). Policy: expense basis total → eligible 385.40; yearly deductible 100.00, none used yet → 285.40; × 100 % (in-network) = 285.40; under the 2,000.00 cap → partial 285.40."),
        },

        new ClaimScenario
        {
            Id = "04-en-approve",
            PolicyId = EnglishPolicy,
            Language = "en",
            Person = JohnCarter,
            SubmittedBy = "John Carter",
            HospitalName = "Riverside Family Clinic",
            HospitalLevel = "in-network",
            HospitalAddress = "1420 Oak Ave, Springfield, IL 62704",
            Admission = new(2026, 5, 20),
            Days = 0,
            Diagnosis = "Urinary tract infection",
            DiagnosisCode = "N39.0",
            InvoiceNumber = "INV-260520",
            Items =
            [
                new("Office visit, established patient", "Professional fees", 1, 145.00m, Code: "99213"),
                new("Urinalysis", "Laboratory", 1, 28.60m, Code: "81001"),
                new("Amoxicillin 500 mg capsules", "Pharmacy", 21, 1.80m, Code: "J8499"),
            ],
            StatedTotal = 211.40m,
            StatedBasicPaid = 0m,
            Documents = Outpatient,
            Expected = new(Decision.Approve, 211.40m,
                "Outpatient invoice 211.40 (145.00 + 28.60 + 21 × 1.80). Policy: eligible 211.40; the yearly 100.00 deductible was used up by claim 03 in February → 0 applied; × 100 % (in-network) = 211.40 = eligible → approve 211.40."),
        },

        CountyClaim("05-reject-age", LongDeming, "从江县人民医院", "贵州省从江县丙妹镇江东路8号", new(2026, 5, 6), "5226330506",
            new(Decision.Reject, 0m, $"Born 1962-11-20, admitted 2026-05-06: 63 years old, above the policy's maxAge 60 → reject, payable 0. (Had he been eligible: {CountyStayPayable}.)")),

        CountyClaim("06-reject-region", ShiGuangrong, "凯里市第一人民医院", "贵州省凯里市北京东路5号", new(2026, 5, 18), "5226010518",
            new(Decision.Reject, 0m, "Registered in county 522601 (凯里市), which is not among the policy's covered counties 522631–522634 → reject, payable 0.")),

        new ClaimScenario
        {
            Id = "07-reject-exclusion",
            PolicyId = ChinesePolicy,
            Language = "zh",
            Person = PanJinfeng,
            SubmittedBy = "从江县村级代办员",
            HospitalName = "从江县人民医院",
            HospitalLevel = "二级甲等",
            HospitalAddress = "贵州省从江县丙妹镇江东路8号",
            Admission = new(2026, 6, 9),
            Days = 6,
            Diagnosis = "交通事故致右胫腓骨骨折",
            DiagnosisCode = "V89.2",
            InvoiceNumber = "5226330609",
            Items = CountyStay,
            BasicDeductible = 400m,
            BasicRate = 0.85m,
            StatedTotal = 1390.00m,
            StatedBasicPaid = 573.75m,
            Documents = Inpatient,
            Expected = new(Decision.Reject, 0m,
                "Diagnosis 交通事故致右胫腓骨骨折 (V89.2): a traffic accident with a liable third party, excluded by clause 第七条(二) (ICD-10 prefix V, keyword 交通事故) → reject, payable 0."),
        },

        CountyClaim("08-reject-duplicate", YangXiuying, "黎平县人民医院", "贵州省黎平县德凤镇五开南路12号", new(2026, 3, 2), "5226310302",
            new(Decision.Reject, 0m, "The same stay as claim 01, photographed again: invoice number 5226310302 was already claimed in 01-partial-ratio → duplicate, reject, payable 0.")),

        CountyClaim("09-review-illegible-total", WangJianjun, "雷山县人民医院", "贵州省雷山县丹江镇团结路3号", new(2026, 7, 14), "5226340714",
            new(Decision.Review, 0m, $"The settlement sheet's total (医疗费用总额) is blotted out, with the patient's payment (个人支付) it could be worked out from, and the residual-after-basic basis needs it → review naming totalAmount, payable 0 until confirmed. (If confirmed: {CountyStayPayable}.)")) with
        {
            Fault = ScenarioFault.IllegibleSettlementTotal,
        },

        CountyClaim("10-review-contradicting-totals", WangXiulan, "雷山县人民医院", "贵州省雷山县丹江镇团结路3号", new(2026, 8, 3), "5226340803",
            new(Decision.Review, 0m, "The invoice and expense list total 1,390.00 but the settlement sheet prints 1,590.00 (and 573.75 + 816.25 ≠ 1,590.00) → amounts contradict, review, payable 0.")) with
        {
            Fault = ScenarioFault.ContradictingSettlementTotal,
        },

        CountyClaim("11-review-corrupt-image", YaoZhiqiang, "黎平县人民医院", "贵州省黎平县德凤镇五开南路12号", new(2026, 9, 7), "5226310907",
            new(Decision.Review, 0m, "The discharge summary file is truncated and cannot be decoded, so the required 出院小结或诊断证明 is missing → review naming it, payable 0.")) with
        {
            Fault = ScenarioFault.TruncatedDischargeSummary,
        },

        new ClaimScenario
        {
            Id = "12-partial-deductible",
            PolicyId = ChinesePolicy,
            Language = "zh",
            Person = YangMei,
            SubmittedBy = "榕江县村级代办员",
            HospitalName = "榕江县古州镇卫生院",
            HospitalLevel = "一级",
            HospitalAddress = "贵州省榕江县古州镇古州北路20号",
            Admission = new(2026, 10, 12),
            Days = 4,
            Diagnosis = "急性胃肠炎",
            DiagnosisCode = "K52.9",
            InvoiceNumber = "5226321012",
            Items =
            [
                new("床位费", "床位费", 4, 30.00m),
                new("护理费(Ⅱ级)", "护理费", 4, 20.00m),
                new("0.9%氯化钠注射液", "西药费", 8, 5.00m),
                new("头孢呋辛钠注射液", "西药费", 8, 25.00m, "乙", 0.1m),
                new("进口可吸收缝线", "材料费", 1, 180.00m, "丙", 1m),
            ],
            BasicDeductible = 400m,
            BasicRate = 0.9m,
            StatedTotal = 620.00m,
            StatedBasicPaid = 18.00m,
            Documents = Inpatient,
            Expected = new(Decision.Partial, 211.40m,
                "Bill 620.00 = 甲 240.00 + 乙 200.00 (self-paid 20.00) + 丙 180.00; within the catalogue 420.00; basic insurance paid (420.00 − 400.00) × 90 % = 18.00. " +
                "Policy: eligible 620.00 − 18.00 = 602.00; − deductible 300.00 = 302.00 (half the claim); × 70 % (一级 = township) = 211.40 → partial 211.40."),
        },
    ];
}
