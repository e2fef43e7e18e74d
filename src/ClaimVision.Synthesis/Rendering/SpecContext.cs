using ClaimVision.Domain.Documents;
using ClaimVision.Synthesis.Cases;

namespace ClaimVision.Synthesis.Rendering;

/// <summary>Per-document choices shared by every entry of one page (date and amount format), and entry helpers.</summary>
/// <param name="later">Stream for choices added to templates after their first version: drawing from it leaves every
/// draw of <paramref name="r"/>, and so everything else a seed renders, as it was.</param>
internal sealed class SpecContext(MedicalCase c, Random r, Random later)
{
    public MedicalCase Case { get; } = c;
    public Random Random { get; } = r;
    public Random Later { get; } = later;
    public bool Zh { get; } = c.Language == "zh";
    public int DateVariant { get; } = r.Next(4);
    public int AmountVariant { get; } = r.Next(3);

    public string L(string zh, string en) => Zh ? zh : en;

    /// <summary>The first three characters of the hospital's address (山东省, 黔东南): the region a Chinese page names itself after.</summary>
    public string Region => Case.Hospital.Address[..Math.Min(3, Case.Hospital.Address.Length)];
    public T Pick<T>(params T[] options) => options[Random.Next(options.Length)];

    public Entry Date(string label, string field, DateOnly d) => new(label, Formats.Date(d, Case.Language, DateVariant), field, Formats.IsoDate(d));
    public Entry Amount(string label, string field, decimal v) => new(label, Formats.Amount(v, Case.Language, AmountVariant), field, Formats.Decimal(v));
    public static Entry Text(string label, string field, string value, bool handwritten = false) => new(label, value, field, value.Trim(), handwritten);
    public static Entry Plain(string label, string value, bool handwritten = false) => new(label, value, Handwritten: handwritten);

    public Entry PatientName(bool handwritten = false) => Text(L("姓名", "Patient name"), FieldNames.PatientName, Case.Patient.Name, handwritten);
    public Entry Sex() => new(L("性别", "Sex"), Zh ? (Case.Patient.Male ? "男" : "女") : (Case.Patient.Male ? "M" : "F"), FieldNames.PatientSex, Case.Patient.Male ? "M" : "F");
    public Entry Age() => Plain(L("年龄", "Age"), $"{AgeAt(Case.AdmissionDate)}{L("岁", "")}");
    public Entry RecordNumber(string? label = null) => Text(label ?? L("住院号", "MRN"), FieldNames.MedicalRecordNumber, Case.MedicalRecordNumber);
    public Entry Department() => Text(L("科室", "Department"), FieldNames.Department, Case.Hospital.Department);
    public Entry Provider(string? label = null) => Text(label ?? L("医疗机构", "Provider"), FieldNames.ProviderName, Case.Hospital.Name);
    public Entry Diagnosis(string? label = null, bool handwritten = false) => Text(label ?? L("诊断", "Diagnosis"), FieldNames.Diagnosis, Case.Diagnosis, handwritten);
    public Entry DiagnosisCode() => new(L("疾病编码", "ICD-10"), Case.DiagnosisCode, FieldNames.DiagnosisCode, Case.DiagnosisCode.ToUpperInvariant());
    public Entry Physician(string? label = null) => Text(label ?? L("医师签名", "Physician"), FieldNames.PhysicianName, Case.Hospital.Physician, handwritten: true);
    public Entry Currency() => new(L("币种", "Currency"), Zh ? Pick("人民币", "CNY") : "USD", FieldNames.Currency, Case.Currency);

    public int AgeAt(DateOnly d)
    {
        var b = Case.Patient.BirthDate;
        return d.Year - b.Year - (d < b.AddYears(d.Year - b.Year) ? 1 : 0);
    }

    public StampSpec Stamp(string centre) => new(Case.Hospital.Name, centre, false);
}
