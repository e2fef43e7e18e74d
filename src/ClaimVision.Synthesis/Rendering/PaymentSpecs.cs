using ClaimVision.Domain.Documents;

namespace ClaimVision.Synthesis.Rendering;

/// <summary>Page specs for settlement sheets, claim forms and pharmacy receipts (the non-medical <c>other</c> receipts are <see cref="ShopReceipts"/>).</summary>
internal static class PaymentSpecs
{
    public static DocumentSpec SettlementSheet(SpecContext x)
    {
        var c = x.Case;
        var s = c.Settlement;
        var header = new List<Entry>
        {
            x.PatientName(),
            SpecContext.Text(x.L("身份证号", "Member ID"), FieldNames.PatientIdNumber, c.Patient.IdNumber),
            x.Provider(x.L("定点医疗机构", "Provider")),
        };
        if (x.Zh) header.Add(SpecContext.Text("医院等级", FieldNames.ProviderLevel, c.Hospital.Level));
        else header.Add(SpecContext.Text("Group", FieldNames.PolicyNumber, c.PolicyNumber));
        header.Add(x.Date(x.L("入院日期", "Service from"), FieldNames.AdmissionDate, c.AdmissionDate));
        header.Add(x.Date(x.L("出院日期", "Service to"), FieldNames.DischargeDate, c.DischargeDate));
        header.Add(x.RecordNumber());
        header.Add(x.Diagnosis());
        return new DocumentSpec
        {
            Title = x.Zh ? $"{x.Region}基本医疗保险{x.Pick("住院", "")}费用结算单" : c.InsurerName,
            TitleField = x.Zh ? null : (FieldNames.InsurerName, c.InsurerName),
            Subtitle = x.L($"结算编号：JS{c.InvoiceNumber}", x.Pick("EXPLANATION OF BENEFITS", "Explanation of Benefits — This is not a bill")),
            Header = header,
            Footer =
            [
                x.Amount(x.L("医疗费用总额", "Amount billed"), FieldNames.TotalAmount, s.Total),
                x.Amount(x.L("政策范围内金额", "Allowed amount"), FieldNames.CoveredAmount, s.Covered),
                x.Amount(x.L("乙类先行自付", "Coinsurance"), FieldNames.SelfPaidAmount, s.SelfPaid),
                x.Amount(x.L("全自费金额", "Not covered"), FieldNames.OutOfCatalogueAmount, s.OutOfCatalogue),
                SpecContext.Plain(x.L("起付标准", "Deductible"), Formats.Amount(s.Deductible, c.Language, x.AmountVariant)),
                SpecContext.Plain(x.L("报销比例", "Plan share"), $"{s.ReimbursementRate * 100:0}%"),
                x.Amount(x.L("统筹基金支付", "Plan paid"), FieldNames.InsurancePaidAmount, s.InsurancePaid),
                x.Amount(x.L("个人支付", "Patient responsibility"), FieldNames.PersonalPaidAmount, s.PersonalPaid),
                x.Date(x.L("结算日期", "Processed"), FieldNames.DocumentDate, c.DocumentDate),
            ],
            Stamp = x.Zh ? new StampSpec($"{c.Hospital.Name}", "医疗保险结算专用章", false) : null,
            MinHeight = 1200,
        };
    }

    public static DocumentSpec ClaimForm(SpecContext x)
    {
        var c = x.Case;
        var s = c.Settlement;
        var hand = x.Random.Next(2) == 0;
        if (x.Zh)
        {
            return new DocumentSpec
            {
                Title = c.InsurerName,
                TitleField = (FieldNames.InsurerName, c.InsurerName),
                Subtitle = x.Pick("理赔申请书", "医疗保险理赔申请书", "个人医疗险索赔申请表"),
                Header =
                [
                    SpecContext.Text("被保险人", FieldNames.PatientName, c.Patient.Name, hand),
                    SpecContext.Text("证件号码", FieldNames.PatientIdNumber, c.Patient.IdNumber, hand),
                    SpecContext.Text("保单号", FieldNames.PolicyNumber, c.PolicyNumber, hand),
                    SpecContext.Text("就诊医院", FieldNames.ProviderName, c.Hospital.Name, hand),
                    x.Date("入院日期", FieldNames.AdmissionDate, c.AdmissionDate) with { Handwritten = hand },
                    x.Date("出院日期", FieldNames.DischargeDate, c.DischargeDate) with { Handwritten = hand },
                    SpecContext.Text("疾病诊断", FieldNames.Diagnosis, c.Diagnosis, hand),
                    x.Amount("申请金额", FieldNames.TotalAmount, s.Total) with { Handwritten = hand },
                ],
                Sections = [("出险经过", "本人因病住院治疗，现申请理赔，所填内容真实有效。")],
                Footer =
                [
                    SpecContext.Text("开户银行", FieldNames.BankName, c.BankName, hand),
                    SpecContext.Text("银行账号", FieldNames.CardNumber, c.BankCardNumber, hand),
                    SpecContext.Plain("申请人签名", c.Patient.Name, handwritten: true),
                    x.Date("申请日期", FieldNames.DocumentDate, c.DocumentDate.AddDays(x.Random.Next(1, 20))) with { Handwritten = hand },
                ],
            };
        }
        var ub04 = x.Random.Next(2) == 0;
        var rows = c.LineItems.Select(i => new TableRow(
            [Formats.Date(c.AdmissionDate, "en", 0), i.Code ?? "", i.Description, Formats.Quantity(i.Quantity), Formats.Decimal(i.Amount)],
            new LineItemTruth(i.Description, i.Quantity, null, i.Amount, i.Code))).ToList();
        return new DocumentSpec
        {
            Title = ub04 ? "UB-04 UNIFORM BILL" : "HEALTH INSURANCE CLAIM FORM",
            Subtitle = ub04 ? "NUBC National Uniform Billing Committee" : "APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12",
            Header =
            [
                SpecContext.Text("1a. INSURED'S I.D. NUMBER", FieldNames.PatientIdNumber, c.Patient.IdNumber, hand),
                SpecContext.Text("2. PATIENT'S NAME", FieldNames.PatientName, c.Patient.Name.ToUpperInvariant(), hand) with { Normalized = c.Patient.Name },
                x.Date("3. BIRTH DATE", FieldNames.PatientBirthDate, c.Patient.BirthDate) with { Handwritten = hand },
                SpecContext.Text("5. ADDRESS", FieldNames.PatientAddress, c.Patient.Address, hand),
                SpecContext.Text("11. POLICY GROUP", FieldNames.PolicyNumber, c.PolicyNumber, hand),
                SpecContext.Text("11c. PLAN NAME", FieldNames.InsurerName, c.InsurerName, hand),
                x.Date("18. FROM", FieldNames.AdmissionDate, c.AdmissionDate),
                x.Date("18. TO", FieldNames.DischargeDate, c.DischargeDate),
                new Entry("21. ICD-10 A.", c.DiagnosisCode, FieldNames.DiagnosisCode, c.DiagnosisCode),
            ],
            Table = new TableSpec(["24A. DATE", "D. CPT/HCPCS", "DESCRIPTION", "G. UNITS", "F. CHARGES"], [1.3, 1.2, 3.2, 0.8, 1.2], rows),
            Footer =
            [
                x.Amount("28. TOTAL CHARGE", FieldNames.TotalAmount, s.Total),
                x.Provider("32. SERVICE FACILITY"),
                SpecContext.Text("32. ADDRESS", FieldNames.ProviderAddress, c.Hospital.Address),
                x.Date("31. SIGNED DATE", FieldNames.DocumentDate, c.DocumentDate),
            ],
        };
    }

    /// <summary>What retail pharmacies sell over the counter (zh, en, unit price).</summary>
    private static readonly (string Zh, string En, decimal Price)[] OverTheCounter =
    [
        ("布洛芬片 0.2g×16片", "Ibuprofen 200mg tablets x16", 18.5m), ("感冒灵颗粒 10g×9袋", "Cold & flu capsules x16", 15.8m),
        ("维生素C片 100片", "Vitamin C 1000mg x30", 12m), ("创可贴 20片", "Adhesive bandages x20", 6.5m),
        ("对乙酰氨基酚片 0.5g×24片", "Paracetamol 500mg tablets x24", 14m), ("止咳糖浆 100ml", "Cough syrup 100ml", 12.8m),
        ("抗菌乳膏 30g", "Antiseptic cream 30g", 4.5m), ("氯雷他定片 10mg×6片", "Loratadine 10mg tablets x30", 22m),
        ("医用外科口罩 10只", "Surgical masks x10", 9.9m), ("碘伏消毒液 100ml", "Povidone-iodine solution 100ml", 8.5m),
        ("口服补液盐 6袋", "Oral rehydration salts x6", 19.8m), ("氢化可的松乳膏 1% 15g", "Hydrocortisone cream 1% 15g", 9.5m),
        ("铝碳酸镁咀嚼片 24片", "Antacid tablets x24", 7.6m), ("电子体温计", "Digital thermometer", 25m), ("滴眼液 10ml", "Eye drops 10ml", 16m),
        ("多种维生素片 60片", "Multivitamin tablets x60", 39m),
    ];

    public static DocumentSpec PharmacyReceipt(SpecContext x)
    {
        var c = x.Case;
        // Half are the case's prescription filled at a pharmacy; half an over-the-counter purchase, so that a pharmacy
        // receipt is known by the medicines on it, not by the five drugs of the case catalogue.
        var prescribed = c.LineItems.Where(i => i.IsMedicine).Take(6)
            .Select(i => (i.Description, i.Quantity, i.UnitPrice, i.Amount)).ToList();
        var drugs = x.Random.Next(2) == 0 && prescribed.Count > 0
            ? prescribed
            : OverTheCounter.OrderBy(_ => x.Random.Next()).Take(x.Random.Next(1, 6))
                .Select(o => { var q = (decimal)x.Random.Next(1, 3); return (Description: x.L(o.Zh, o.En), Quantity: q, UnitPrice: o.Price, Amount: q * o.Price); }).ToList();
        var total = drugs.Sum(d => d.Amount);
        var pharmacy = x.L($"{x.Region}{x.Pick("老百姓大药房", "益丰大药房", "国大药房", "同仁堂药店")}", x.Random.Next(3) > 0
            ? $"{x.Pick("Walgreens", "CVS Pharmacy", "Rite Aid", "Care Pharmacy", "Boots", "Guardian", "Watsons")} #{x.Random.Next(1000, 9999)}"
            : $"{x.Pick("CITY", "WELLCARE", "MEDIPLUS", "FAMILY", "KIN WAH")} {x.Pick("PHARMACY", "DISPENSARY", "CHEMIST")} {x.Pick("SDN BHD", "LTD", "", "PTE LTD")}".TrimEnd());
        var rows = drugs.Select(d => new TableRow([d.Description, Formats.Quantity(d.Quantity), Formats.Decimal(d.Amount)],
            new LineItemTruth(d.Description, d.Quantity, d.UnitPrice, d.Amount, null))).ToList();
        // A pharmacy's till roll prints what a shop's does (address, tax number, cash and change), so the classifier
        // has to tell the two apart by the medicines sold and the seller, not by those rows (ShopReceipts).
        var header = new List<Entry>();
        if (x.Random.Next(2) == 0) header.Add(SpecContext.Text("", FieldNames.ProviderAddress, ShopReceipts.Address(x)));
        if (x.Random.Next(3) == 0) header.Add(ShopReceipts.TaxNumber(x));
        header.Add(SpecContext.Text(x.L("单号", "Receipt #"), FieldNames.InvoiceNumber, $"{c.InvoiceNumber[^6..]}{x.Random.Next(100, 999)}"));
        header.Add(x.Date(x.L("日期", "Date"), FieldNames.DocumentDate, c.DischargeDate));
        header.Add(x.Random.Next(2) == 0 ? x.PatientName(handwritten: false) with { Label = x.L("会员", "Customer") } : SpecContext.Plain(x.L("收银员", "Cashier"), $"{x.Random.Next(1, 40):000}"));
        var footer = new List<Entry> { x.Amount(x.L("合计", "TOTAL"), FieldNames.TotalAmount, total) };
        footer.AddRange(ShopReceipts.Tender(x, total, ["医保卡", "微信支付", "支付宝"], ["VISA", "HSA card", "DEBIT CARD"]));
        footer.Add(SpecContext.Plain("", x.L("谢谢惠顾，请保留小票", x.Pick("Thank you. Keep this receipt.", "GET WELL SOON", "Ask your pharmacist about side effects."))));
        return new DocumentSpec
        {
            Title = pharmacy,
            TitleField = (FieldNames.ProviderName, pharmacy),
            Subtitle = x.L(x.Pick("销售小票", "零售药品销售凭证"), x.Pick("PHARMACY RECEIPT", "Customer receipt", "TAX INVOICE", "RECEIPT")),
            Header = header,
            Table = new TableSpec([x.L("品名", "Item"), x.L("数量", "Qty"), x.L("金额", "Amount")], [3, 0.8, 1.3], rows),
            Footer = footer,
            Width = 640,
            MinHeight = 700,
        };
    }
}
