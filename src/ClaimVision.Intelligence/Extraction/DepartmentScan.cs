using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// The treating department when its label (科室, 科别) was not read: a line that holds nothing but a clinical department's
/// name (呼吸内科, 骨科, 心内科) where the label should have been. Only when the page has exactly one such name, and never
/// a department that issues reports or stamps papers (检验科, 放射科, 病理科, 医保科, 病案科 …): printed alone, that is the
/// report's issuer or a stamp, not the patient's department. Trusted less than a labelled value.
/// Known limit: a clinic's brand printed alone as a logo (爱尔眼科) reads as a department.
/// </summary>
public static partial class DepartmentScan
{
    /// <summary>Name of the note recorded on a department read this way.</summary>
    public const string WithoutLabel = "departmentWithoutLabel";

    private const double UnlabelledStrength = 0.75;

    // Two to seven Han characters ending in 科, nothing else on the line but a stray colon at either end.
    [GeneratedRegex(@"^[:：]?(?<name>\p{IsCJKUnifiedIdeographs}{1,6}科)[:：]?$")]
    private static partial Regex DepartmentOnly();

    /// <summary>Parts of the names of departments that issue reports or stamp papers (医技 and administrative departments),
    /// and of hospital names: a name holding one is not the patient's treating department.</summary>
    private static readonly string[] NotTreating =
        ["检验", "放射", "影像", "病理", "超声", "心电", "核医学", "药", "医保", "病案", "财务", "收费", "输血", "体检", "设备", "医务",
         "营养", "院", "中心", "诊所"];

    /// <summary>Words ending in 科 that name no department here (我科, 本科: "our department" in a narrative; school subjects).</summary>
    private static readonly string[] NotDepartment = ["我科", "本科", "专科", "学科", "理科", "文科", "工科"];

    public static void Apply(Dictionary<string, ExtractedField> fields, DocumentView view)
    {
        if (fields.ContainsKey(FieldNames.Department)) return;
        var found = view.Lines
            .Select(line => (line, name: NameOnly(line.Text)))
            .Where(x => x.name is not null)
            .ToList();
        if (found.Select(x => x.name).Distinct(StringComparer.Ordinal).Count() != 1) return;
        var (line, name) = found[0];
        var at = line.Text.IndexOf(name![0]);
        var span = line.Slice(at, line.Text.LastIndexOf('科') + 1);
        var field = LabelledFields.FromSpan(FieldNames.Department, span, new ReadValue(span.Text, name, 1), UnlabelledStrength);
        fields[FieldNames.Department] = field with
        {
            Checks = [.. field.Checks, new FieldCheck(WithoutLabel, true, $"no 科室 label read; the line holds only the department name {name}")],
        };
    }

    /// <summary>The department name a line holds and nothing else, or null. Spaces are dropped only between single
    /// characters (chi_sim's 呼 吸 内 科): 张三 男 消化内科 is three values, not one name.</summary>
    private static string? NameOnly(string text)
    {
        var pieces = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Trim(':', '：').Length > 0).ToArray();
        if (pieces.Length == 0 || (pieces.Length > 1 && pieces.Any(p => p.Trim(':', '：').Length > 1))) return null;
        var m = DepartmentOnly().Match(string.Concat(pieces));
        if (!m.Success) return null;
        var name = m.Groups["name"].Value;
        return NotTreating.Any(w => name.Contains(w, StringComparison.Ordinal)) || NotDepartment.Any(w => name.EndsWith(w, StringComparison.Ordinal))
            ? null : name;
    }
}
