using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Policies;

namespace ClaimVision.Domain.Tests.Assessment;

/// <summary>
/// Hand-built analysed documents for one realistic inpatient claim under the Chinese sample policy: 杨秀英, admitted to
/// 黎平县人民医院 (a county hospital) with pneumonia from 2026-03-02 to 2026-03-10; bill 8,650.40 of which basic insurance
/// paid 4,980.20. Tests change one thing and watch the decision.
/// </summary>
internal static class Claims
{
    public const string Name = "杨秀英";
    public const string Id = "522631197803150428";
    public static readonly DateTimeOffset Now = new(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(8));

    public static Policy CnPolicy { get; } = PolicyLoader.Load(Checkout.Path("samples", "policies", "cn-poverty-labour-inpatient.json"));
    public static Policy UsPolicy { get; } = PolicyLoader.Load(Checkout.Path("samples", "policies", "us-outpatient-pharmacy.json"));
    public static InsuredRegistry Registry { get; } = InsuredRegistry.Load(Checkout.Path("samples", "registry", "insured.csv"));

    public static ClaimRequest Request(string name = Name, string id = Id, string claimId = "CLM-2026-0001", string? description = "肺炎住院") => new()
    {
        ClaimId = claimId,
        PolicyId = "cn-poverty-labour-inpatient",
        Insured = new InsuredPerson { Name = name, IdNumber = id, Region = new Region { Code = id[..6] } },
        Description = description,
    };

    public static ExtractedField F(string name, string value, double confidence = 0.96, string? normalized = null, int y = 100) => new()
    {
        Name = name, Value = value, Normalized = normalized, Confidence = confidence, Box = new BoundingBox(120, y, 300, 28),
    };

    public static AnalyzedDocument Doc(string id, DocumentType type, IEnumerable<ExtractedField> fields, IReadOnlyList<LineItem>? items = null, double typeConfidence = 0.95) => new()
    {
        DocumentId = new DocumentId(id),
        FileName = id + ".jpg",
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id + "-image"))),
        Classification = new DocumentClassification(type, typeConfidence, []),
        Fields = fields.ToDictionary(f => f.Name),
        LineItems = items ?? [],
        OcrConfidence = 0.9,
    };

    public static AnalyzedDocument Invoice(string total = "8650.40", string covered = "4980.20", string selfPaid = "3670.20", string invoiceNumber = "52002600310012345",
        string admission = "2026-03-02", string level = "二级", double totalConfidence = 0.97, string name = Name, string id = Id) =>
        Doc("invoice", DocumentType.InpatientInvoice,
        [
            F(FieldNames.InvoiceNumber, invoiceNumber, y: 80),
            F(FieldNames.ProviderName, "黎平县人民医院", y: 120),
            F(FieldNames.ProviderLevel, level, y: 150),
            F(FieldNames.PatientName, name, y: 180),
            F(FieldNames.PatientIdNumber, id, y: 210),
            F(FieldNames.AdmissionDate, admission, y: 240),
            F(FieldNames.DischargeDate, "2026-03-10", y: 270),
            F(FieldNames.DocumentDate, "2026-03-10", y: 300),
            F(FieldNames.TotalAmount, "¥" + total, totalConfidence, total, y: 330),
            F(FieldNames.InsurancePaidAmount, covered, y: 360),
            F(FieldNames.PersonalPaidAmount, selfPaid, y: 390),
        ]);

    public static IReadOnlyList<LineItem> Items(params decimal[] amounts)
    {
        string[] names = ["床位费", "西药费", "检查费", "化验费", "治疗费", "护理费"];
        return [.. amounts.Select((a, i) => new LineItem { Description = names[i % names.Length], Amount = a, Category = i == 1 ? "乙" : "甲", Confidence = 0.93, Box = new BoundingBox(80, 300 + 30 * i, 900, 26) })];
    }

    public static AnalyzedDocument ExpenseList(string total = "8650.40", IReadOnlyList<LineItem>? items = null) =>
        Doc("expenses", DocumentType.ExpenseList,
        [
            F(FieldNames.PatientName, Name),
            F(FieldNames.AdmissionDate, "2026-03-02"),
            F(FieldNames.TotalAmount, total),
        ], items ?? Items(720.00m, 4210.60m, 1380.00m, 946.80m, 1133.00m, 260.00m));

    public static AnalyzedDocument Settlement(string total = "8650.40", string covered = "4980.20", string selfPaid = "3670.20", string critical = "0.00") =>
        Doc("settlement", DocumentType.SettlementSheet,
        [
            F(FieldNames.PatientName, Name),
            F(FieldNames.PatientIdNumber, Id),
            F(FieldNames.AdmissionDate, "2026-03-02"),
            F(FieldNames.DischargeDate, "2026-03-10"),
            F(FieldNames.TotalAmount, total),
            F(FieldNames.InsurancePaidAmount, covered),
            F(FieldNames.CriticalIllnessAmount, critical),
            F(FieldNames.PersonalPaidAmount, selfPaid),
        ]);

    public static AnalyzedDocument Discharge(string diagnosis = "社区获得性肺炎", string code = "J18.9", double diagnosisConfidence = 0.93) =>
        Doc("discharge", DocumentType.DischargeSummary,
        [
            F(FieldNames.PatientName, Name),
            F(FieldNames.AdmissionDate, "2026-03-02"),
            F(FieldNames.DischargeDate, "2026-03-10"),
            F(FieldNames.Diagnosis, diagnosis, diagnosisConfidence),
            F(FieldNames.DiagnosisCode, code, diagnosisConfidence),
        ]);

    public static AnalyzedDocument Corrupt(string id = "scan3") => new()
    {
        DocumentId = new DocumentId(id),
        FileName = id + ".jpg",
        Sha256 = "00ff",
        Error = new DocumentError("corrupt-image", "the JPEG data ends prematurely"),
    };

    /// <summary>The document as analysis that failed (a corrupt image) and as one left unclassified: neither may speak for a claim.</summary>
    public static AnalyzedDocument[] Unreadable(AnalyzedDocument document) =>
        [document with { Error = new DocumentError("corrupt-image", "the JPEG data ends prematurely") }, document with { Classification = null }];

    public static List<AnalyzedDocument> Complete() => [Invoice(), ExpenseList(), Settlement(), Discharge()];

    public static Recommendation Assess(IReadOnlyList<AnalyzedDocument> docs, ClaimRequest? request = null, Policy? policy = null, ClaimHistory? history = null, InsuredRegistry? registry = null) =>
        ClaimAssessor.Assess(request ?? Request(), docs, policy ?? CnPolicy, registry ?? Registry, history ?? ClaimHistory.Empty, Now,
            new Dictionary<string, string> { ["classifier"] = "test" });

    public static Factor Factor(this Recommendation r, string name) => r.Factors.Single(f => f.Name == name);

    public static AnalyzedDocument With(this AnalyzedDocument doc, ExtractedField field) =>
        doc with { Fields = new Dictionary<string, ExtractedField>(doc.Fields) { [field.Name] = field } };
}
