using ClaimVision.Domain.Documents;

namespace ClaimVision.Synthesis.Rendering;

/// <summary>Page specs for the hospital paperwork: invoices, expense list, discharge summary, certificate, lab report, prescription.</summary>
internal static class MedicalSpecs
{
    public static DocumentSpec InpatientInvoice(SpecContext x) => Invoice(x, inpatient: true);
    public static DocumentSpec OutpatientInvoice(SpecContext x) => Invoice(x, inpatient: false);

    private static DocumentSpec Invoice(SpecContext x, bool inpatient)
    {
        var c = x.Case;
        var s = c.Settlement;
        var header = new List<Entry>
        {
            SpecContext.Text(x.L("票据号码", "Invoice No."), FieldNames.InvoiceNumber, c.InvoiceNumber),
            x.Date(x.L("开票日期", "Date"), FieldNames.DocumentDate, inpatient ? c.DocumentDate : c.AdmissionDate),
            x.Provider(x.L(x.Pick("收款单位", "医疗机构"), x.Pick("Provider", "Facility"))),
            x.PatientName(),
            x.Sex(),
        };
        if (inpatient)
        {
            header.Add(x.RecordNumber());
            header.Add(x.Date(x.L("入院日期", "Admitted"), FieldNames.AdmissionDate, c.AdmissionDate));
            header.Add(x.Date(x.L("出院日期", "Discharged"), FieldNames.DischargeDate, c.DischargeDate));
        }
        else
        {
            header.Add(x.RecordNumber(x.L("门诊号", "Visit No.")));
            header.Add(x.Department());
        }
        if (x.Zh) header.Add(SpecContext.Plain("医保类型", x.Pick("职工基本医疗保险", "城乡居民基本医疗保险")));
        else header.Add(SpecContext.Text("Payer", FieldNames.InsurerName, c.InsurerName));
        // A plan's network status is printed only where the case states one (the generator's cases do not).
        if (!x.Zh && c.Hospital.Level is "in-network" or "out-of-network") header.Add(SpecContext.Text("Network", FieldNames.ProviderLevel, c.Hospital.Level));

        var rows = c.LineItems.GroupBy(i => i.FeeClass)
            .Select(g => new TableRow([g.Key, Formats.Amount(g.Sum(i => i.Amount), c.Language, x.AmountVariant)], new LineItemTruth(g.Key, null, null, g.Sum(i => i.Amount), null)))
            .ToList();
        var footer = new List<Entry>();
        if (x.Zh) footer.Add(new Entry("合计(大写)", Formats.ChineseUpper(s.Total), FieldNames.TotalAmountInWords, Formats.Decimal(s.Total)));
        footer.Add(x.Amount(x.L("合计(小写)", "Total charges"), FieldNames.TotalAmount, s.Total));
        footer.Add(x.Amount(x.L("医保统筹支付", "Insurance paid"), FieldNames.InsurancePaidAmount, s.InsurancePaid));
        footer.Add(x.Amount(x.L("个人自付", "Coinsurance"), FieldNames.SelfPaidAmount, s.SelfPaid));
        footer.Add(x.Amount(x.L("个人自费", "Non-covered"), FieldNames.OutOfCatalogueAmount, s.OutOfCatalogue));
        footer.Add(x.Amount(x.L("个人支付金额", "Patient balance"), FieldNames.PersonalPaidAmount, s.PersonalPaid));
        if (x.Random.Next(2) == 0) footer.Add(x.Currency());
        footer.Add(SpecContext.Plain(x.L("收款人", "Cashier"), x.L(x.Pick("张丽", "刘敏", "王芳"), x.Pick("K. Brown", "J. Lee")), handwritten: x.Random.Next(2) == 0));

        return new DocumentSpec
        {
            Title = inpatient
                ? x.L(x.Pick("住院收费票据", "医疗住院收费票据（电子）", "医疗收费票据（住院）"), x.Pick("INPATIENT HOSPITAL BILL", "STATEMENT OF INPATIENT CHARGES", "HOSPITAL INVOICE - INPATIENT"))
                : x.L(x.Pick("门诊收费票据", "医疗门诊收费票据（电子）", "门诊收费收据"), x.Pick("OUTPATIENT RECEIPT", "OUTPATIENT CLINIC INVOICE", "STATEMENT OF OUTPATIENT CHARGES")),
            Subtitle = x.L($"交款人统一社会信用代码：{PayerCode(x)}", $"Account {c.InvoiceNumber[^4..]} · {c.Hospital.Address}"),
            Header = header,
            Table = new TableSpec([x.L("项目名称", "Service"), x.L("金额(元)", "Amount")], [3, 1.4], rows),
            Footer = footer,
            Stamp = x.Stamp(x.L("收费专用章", "PAID")),
            MinHeight = 760,
        };
    }

    /// <summary>
    /// The payer's code on a Chinese medical e-invoice: for a person, the resident ID, which hospitals print masked in
    /// different ways or leave blank. One fixed shape would teach the classifier that shape (six digits, then stars) as
    /// the mark of an invoice, and photos of real invoices, where the stars come out as letters, would lose it.
    /// Never printed in full: the ground truth does not label it, so the extractor must not find a whole ID here.
    /// </summary>
    internal static string PayerCode(SpecContext x)
    {
        var id = x.Case.Patient.IdNumber;
        return x.Later.Next(6) switch
        {
            0 or 1 => id[..6] + new string('*', 8) + id[^4..],
            2 => id[..6] + new string('*', 12),
            3 => id[..3] + new string('*', 11) + id[^4..],
            4 => id[..1] + new string('*', 16) + id[^1..],
            _ => "",
        };
    }

    public static DocumentSpec ExpenseList(SpecContext x)
    {
        var c = x.Case;
        var s = c.Settlement;
        var rows = c.LineItems.Select(i => new TableRow(
            x.Zh
                ? [i.Description, i.Category, Formats.Decimal(i.UnitPrice), Formats.Quantity(i.Quantity), Formats.Decimal(i.Amount), $"{i.SelfPayRatio * 100:0}%"]
                : [i.Description, i.Code ?? "", Formats.Decimal(i.UnitPrice), Formats.Quantity(i.Quantity), Formats.Decimal(i.Amount)],
            new LineItemTruth(i.Description, i.Quantity, i.UnitPrice, i.Amount, x.Zh ? i.Category : i.Code))).ToList();
        var headers = x.Zh ? new[] { "项目名称", "类别", "单价", "数量", "金额", "自付比例" } : ["Description", "Code", "Unit price", "Qty", "Amount"];
        var weights = x.Zh ? new[] { 3.2, 0.8, 1.1, 0.8, 1.2, 1.0 } : [3.4, 1.0, 1.2, 0.7, 1.3];
        return new DocumentSpec
        {
            Title = x.L(x.Pick("住院费用清单", "住院患者费用明细清单", "医疗费用明细"), x.Pick("ITEMIZED STATEMENT", "DETAILED PATIENT CHARGES", "ITEMIZED BILL")),
            TitleField = null,
            Subtitle = c.Hospital.Name,
            Header =
            [
                x.Provider(), x.PatientName(), x.RecordNumber(), x.Department(),
                x.Date(x.L("入院日期", "Admission"), FieldNames.AdmissionDate, c.AdmissionDate),
                x.Date(x.L("出院日期", "Discharge"), FieldNames.DischargeDate, c.DischargeDate),
                x.Diagnosis(),
            ],
            Table = new TableSpec(headers, weights, rows),
            Footer =
            [
                x.Amount(x.L("费用总额", "Total charges"), FieldNames.TotalAmount, s.Total),
                x.Amount(x.L("医保范围内", "Covered"), FieldNames.CoveredAmount, s.Covered),
                x.Amount(x.L("乙类自付", "Coinsurance"), FieldNames.SelfPaidAmount, s.SelfPaid),
                x.Amount(x.L("丙类自费", "Not covered"), FieldNames.OutOfCatalogueAmount, s.OutOfCatalogue),
                x.Date(x.L("打印日期", "Printed"), FieldNames.DocumentDate, c.DocumentDate),
            ],
            Stamp = x.Random.Next(3) > 0 ? x.Stamp(x.L("住院处专用章", "BILLING OFFICE")) : null,
        };
    }

    public static DocumentSpec DischargeSummary(SpecContext x)
    {
        var c = x.Case;
        return new DocumentSpec
        {
            Title = c.Hospital.Name,
            TitleField = (FieldNames.ProviderName, c.Hospital.Name),
            Subtitle = x.L(x.Pick("出院记录", "出院小结"), x.Pick("DISCHARGE SUMMARY", "Discharge Summary")),
            Header =
            [
                x.PatientName(), x.Sex(), x.Age(), x.RecordNumber(), x.Department(),
                x.Date(x.L("入院日期", "Admission date"), FieldNames.AdmissionDate, c.AdmissionDate),
                x.Date(x.L("出院日期", "Discharge date"), FieldNames.DischargeDate, c.DischargeDate),
                SpecContext.Plain(x.L("住院天数", "Length of stay"), x.L($"{c.LengthOfStay}天", $"{c.LengthOfStay} days")),
            ],
            Sections =
            [
                (x.L("入院情况", "Presentation"), x.L($"患者因\"{c.Diagnosis}\"相关症状入院，查体生命体征平稳，完善相关检查。", $"Admitted with symptoms of {c.Diagnosis.ToLowerInvariant()}. Vital signs stable on admission; work-up completed.")),
                (x.L("诊疗经过", "Hospital course"), x.L("入院后予以对症支持治疗，病情好转，复查指标较前改善。", "Treated with supportive care; condition improved and follow-up results normalised.")),
                (x.L("出院医嘱", "Discharge instructions"), x.L("注意休息，按时服药，两周后门诊复查，不适随诊。", "Rest, take medication as prescribed, outpatient follow-up in two weeks.")),
            ],
            Footer =
            [
                x.Diagnosis(x.L("出院诊断", "Discharge diagnosis")), x.DiagnosisCode(),
                x.Physician(), x.Date(x.L("记录日期", "Date"), FieldNames.DocumentDate, c.DocumentDate),
            ],
            Stamp = x.Random.Next(2) == 0 ? x.Stamp(x.L("病案管理专用章", "MEDICAL RECORDS")) : null,
        };
    }

    public static DocumentSpec DiagnosisCertificate(SpecContext x)
    {
        var c = x.Case;
        return new DocumentSpec
        {
            Title = c.Hospital.Name,
            TitleField = (FieldNames.ProviderName, c.Hospital.Name),
            Subtitle = x.L(x.Pick("诊断证明书", "疾病诊断证明书"), x.Pick("MEDICAL CERTIFICATE", "CERTIFICATE OF DIAGNOSIS")),
            Header = [x.PatientName(), x.Sex(), x.Age(), x.Department(), x.RecordNumber(x.L(x.Pick("门诊号", "住院号"), "MRN"))],
            Footer =
            [
                x.Diagnosis(x.L("诊断", "Diagnosis"), handwritten: x.Random.Next(2) == 0), x.DiagnosisCode(),
                SpecContext.Plain(x.L("建议", "Advice"), x.L($"休息{x.Random.Next(1, 4) * 7}天", $"Rest for {x.Random.Next(1, 4)} weeks"), handwritten: true),
                x.Physician(), x.Date(x.L("日期", "Date"), FieldNames.DocumentDate, c.DocumentDate),
            ],
            Stamp = x.Stamp(x.L("诊断证明专用章", "CERTIFIED")),
            MinHeight = 1100,
        };
    }

    private static readonly Dictionary<string, (string Name, string Unit, double Lo, double Hi)[]> Analytes = new()
    {
        ["血常规"] = [("白细胞计数 WBC", "10^9/L", 3.5, 9.5), ("红细胞计数 RBC", "10^12/L", 4.3, 5.8), ("血红蛋白 HGB", "g/L", 130, 175), ("血小板计数 PLT", "10^9/L", 125, 350)],
        ["Complete Blood Count"] = [("WBC", "10^9/L", 3.5, 9.5), ("RBC", "10^12/L", 4.3, 5.8), ("Hemoglobin", "g/dL", 13, 17.5), ("Platelets", "10^9/L", 125, 350)],
        ["肝功能"] = [("丙氨酸氨基转移酶 ALT", "U/L", 9, 50), ("天门冬氨酸氨基转移酶 AST", "U/L", 15, 40), ("总胆红素 TBIL", "μmol/L", 3.4, 20.5), ("白蛋白 ALB", "g/L", 40, 55)],
        ["Liver Function Panel"] = [("ALT", "U/L", 9, 50), ("AST", "U/L", 15, 40), ("Total bilirubin", "mg/dL", 0.2, 1.2), ("Albumin", "g/dL", 3.5, 5.5)],
        ["肾功能"] = [("肌酐 CREA", "μmol/L", 57, 111), ("尿素 UREA", "mmol/L", 3.1, 8.0), ("尿酸 UA", "μmol/L", 208, 428)],
        ["Renal Function Panel"] = [("Creatinine", "mg/dL", 0.7, 1.3), ("BUN", "mg/dL", 7, 20), ("Uric acid", "mg/dL", 3.5, 7.2)],
        ["血脂四项"] = [("总胆固醇 TC", "mmol/L", 2.8, 5.2), ("甘油三酯 TG", "mmol/L", 0.56, 1.7), ("高密度脂蛋白 HDL-C", "mmol/L", 1.0, 1.6), ("低密度脂蛋白 LDL-C", "mmol/L", 1.5, 3.4)],
        ["Lipid Panel"] = [("Total cholesterol", "mg/dL", 125, 200), ("Triglycerides", "mg/dL", 50, 150), ("HDL-C", "mg/dL", 40, 60), ("LDL-C", "mg/dL", 50, 130)],
        ["尿常规"] = [("尿蛋白 PRO", "g/L", 0, 0.15), ("尿糖 GLU", "mmol/L", 0, 0.8), ("酸碱度 pH", "", 4.5, 8.0), ("比重 SG", "", 1.003, 1.030)],
        ["Urinalysis"] = [("Protein", "mg/dL", 0, 15), ("Glucose", "mg/dL", 0, 15), ("pH", "", 4.5, 8.0), ("Specific gravity", "", 1.003, 1.030)],
    };

    public static DocumentSpec LabReport(SpecContext x)
    {
        var c = x.Case;
        var rows = Analytes[c.LabTest].Select(a =>
        {
            var v = a.Lo + (a.Hi - a.Lo) * (x.Random.NextDouble() * 1.4 - 0.2);
            var flag = v < a.Lo ? "↓" : v > a.Hi ? "↑" : "";
            var digits = a.Hi < 2 ? "0.000" : a.Hi < 20 ? "0.0" : "0";
            var fmt = System.Globalization.CultureInfo.InvariantCulture;
            return new TableRow([a.Name, Math.Max(0, v).ToString(digits, fmt) + flag, a.Unit, $"{a.Lo.ToString(digits, fmt)}-{a.Hi.ToString(digits, fmt)}"]);
        }).ToList();
        return new DocumentSpec
        {
            Title = c.Hospital.Name,
            TitleField = (FieldNames.ProviderName, c.Hospital.Name),
            Subtitle = x.L(x.Pick("检验报告单", "临床检验报告"), x.Pick("LABORATORY REPORT", "Clinical Laboratory Results")),
            Header =
            [
                x.PatientName(), x.Sex(), x.Age(), x.RecordNumber(), x.Department(),
                SpecContext.Text(x.L("检验项目", "Test"), FieldNames.TestName, c.LabTest),
                SpecContext.Plain(x.L("标本", "Specimen"), x.L(c.LabTest == "尿常规" ? "尿液" : "血液", c.LabTest == "Urinalysis" ? "Urine" : "Blood")),
            ],
            Table = new TableSpec([x.L("项目", "Analyte"), x.L("结果", "Result"), x.L("单位", "Unit"), x.L("参考范围", "Reference")], [3, 1.2, 1.1, 1.6], rows),
            Footer =
            [
                x.Date(x.L("报告日期", "Reported"), FieldNames.DocumentDate, c.AdmissionDate.AddDays(1)),
                x.Physician(x.L("检验者", "Technologist")),
            ],
            Stamp = x.Random.Next(3) == 0 ? x.Stamp(x.L("检验科", "LAB")) : null,
            MinHeight = 1000,
        };
    }

    public static DocumentSpec Prescription(SpecContext x)
    {
        var c = x.Case;
        var drugs = c.LineItems.Where(i => i.IsMedicine).ToList();
        var lines = drugs.Select(d => SpecContext.Plain("", x.L($"{d.Description}  ×{Formats.Quantity(d.Quantity)}  用法：每日{x.Random.Next(1, 4)}次", $"{d.Description}  #{Formats.Quantity(d.Quantity)}  Sig: {x.Random.Next(1, 4)} times daily"), handwritten: true));
        return new DocumentSpec
        {
            Title = c.Hospital.Name,
            TitleField = (FieldNames.ProviderName, c.Hospital.Name),
            Subtitle = x.L(x.Pick("处方笺", "门诊处方笺（普通）"), x.Pick("PRESCRIPTION", "Rx — Outpatient Prescription")),
            Header =
            [
                x.PatientName(), x.Sex(), x.Age(), x.Department(), x.RecordNumber(x.L("门诊号", "MRN")),
                x.Date(x.L("开具日期", "Date"), FieldNames.DocumentDate, c.AdmissionDate), x.Diagnosis(x.L("临床诊断", "Diagnosis")),
            ],
            Footer = [SpecContext.Plain("", "Rp."), .. lines, x.Physician(x.L("医师", "Prescriber"))],
            Stamp = x.Random.Next(2) == 0 ? x.Stamp(x.L("处方专用章", "PHARMACY")) : null,
            MinHeight = 1200,
        };
    }
}
