using System.Text;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Features;

/// <summary>
/// Words that name or typify each document type, in Chinese and English. Each term becomes one presence
/// feature and each type one hit-count feature. Matching ignores case, spaces and punctuation, so
/// "CMS-1500", "cms 1500" and an OCR'd "住 院 收 费 票 据" all match. Changing this list changes the
/// feature space: bump <see cref="DocumentFeatures.SpecVersion"/> and retrain.
/// </summary>
public static class KeywordLexicon
{
    public static IReadOnlyList<(DocumentType Type, string[] Terms)> Entries { get; } =
    [
        (DocumentType.InpatientInvoice, ["住院收费票据", "住院收费", "住院票据", "住院发票", "入院日期", "住院号", "住院天数", "inpatient", "hospital bill", "admission", "ward", "room and board"]),
        (DocumentType.OutpatientInvoice, ["门诊收费票据", "门诊收费", "门诊发票", "门诊", "挂号", "门诊号", "outpatient", "clinic visit", "consultation fee", "registration fee"]),
        (DocumentType.ExpenseList, ["费用清单", "费用明细", "明细清单", "项目名称", "规格", "数量", "单价", "甲类", "乙类", "丙类", "itemised", "itemized", "expense list", "unit price", "quantity"]),
        (DocumentType.PharmacyReceipt, ["药房", "药店", "大药房", "零售", "药品", "pharmacy", "drugstore", "chemist", "dispensed", "rx no"]),
        (DocumentType.DischargeSummary, ["出院小结", "出院记录", "出院诊断", "入院诊断", "诊疗经过", "出院医嘱", "discharge summary", "discharge diagnosis", "hospital course", "discharge instructions"]),
        (DocumentType.DiagnosisCertificate, ["诊断证明", "诊断证明书", "疾病诊断", "建议休息", "医师签名", "medical certificate", "certificate of diagnosis", "fit for", "sick leave", "certify"]),
        (DocumentType.LabReport, ["检验报告", "检验报告单", "检查报告", "参考范围", "参考值", "标本", "结果", "laboratory", "lab report", "reference range", "specimen", "test result", "haemoglobin", "hemoglobin"]),
        (DocumentType.SettlementSheet, ["结算单", "医保结算", "基本医疗保险", "统筹支付", "个人账户", "个人自付", "个人自费", "医保", "settlement", "fund payment", "self pay", "reimbursement"]),
        (DocumentType.ClaimForm, ["CMS-1500", "UB-04", "health insurance claim form", "claim form", "insured", "policy number", "claimant", "理赔申请", "索赔申请", "申请人", "被保险人"]),
        (DocumentType.IdCard, ["居民身份证", "公民身份号码", "身份证", "签发机关", "有效期限", "民族", "出生", "住址", "identity card", "id card", "nationality", "date of birth"]),
        (DocumentType.InsuranceCard, ["社会保障卡", "社保卡", "医保卡", "保险卡", "member id", "insurance card", "member", "group number", "plan", "subscriber", "copay"]),
        (DocumentType.BankCard, ["银联", "银行卡", "借记卡", "信用卡", "储蓄卡", "unionpay", "debit", "credit card", "visa", "mastercard", "valid thru", "card number"]),
        (DocumentType.Prescription, ["处方", "处方笺", "处方签", "rp", "用法", "用量", "每日", "prescription", "rx", "sig", "dispense", "refills", "tablets"]),
        (DocumentType.Other, ["超市", "餐饮", "购物", "小票", "收银", "supermarket", "restaurant", "cashier", "thank you", "change due"]),
    ];

    /// <summary>Every term, flattened in a fixed order (type by type), normalised for matching.</summary>
    public static IReadOnlyList<string> Terms { get; } = Entries.SelectMany(e => e.Terms).Select(Normalize).ToArray();

    /// <summary>Lower case, letters and digits only (Han characters are letters).</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }
}
