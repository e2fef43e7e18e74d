using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// The treating department when its label (科室, 科别) was not read: a line that holds nothing but a clinical department's
/// name (呼吸内科, 骨科, 心内科) where the label should have been. Only when the page has exactly one such name, and never
/// a medical-technology department (检验科, 放射科, 病理科 …): printed alone, that is the department that issued the
/// report or stamped it, not the patient's. Trusted less than a labelled value.
/// </summary>
public static partial class DepartmentScan
{
    /// <summary>Name of the note recorded on a department read this way.</summary>
    public const string WithoutLabel = "departmentWithoutLabel";

    private const double UnlabelledStrength = 0.75;

    // Up to seven Han characters ending in 科, nothing else on the line (spaces and a stray colon aside).
    [GeneratedRegex(@"^[:：]?(?<name>\p{IsCJKUnifiedIdeographs}{1,7}科)[:：]?$")]
    private static partial Regex DepartmentOnly();

    /// <summary>Departments that issue reports or stamps (医技科室), and words ending in 科 that name no department.</summary>
    private static readonly HashSet<string> NotTreating = new(StringComparer.Ordinal)
    {
        "检验科", "医学检验科", "放射科", "影像科", "医学影像科", "病理科", "超声科", "心电图科", "核医学科", "药剂科", "药学科",
        "营养科", "设备科", "医务科", "财务科", "收费科", "本科", "专科", "学科", "理科", "文科", "工科",
    };

    public static void Apply(Dictionary<string, ExtractedField> fields, DocumentView view)
    {
        if (fields.ContainsKey(FieldNames.Department)) return;
        var found = view.Lines
            .Select(line => (line, m: DepartmentOnly().Match(string.Concat(line.Text.Where(c => !char.IsWhiteSpace(c))))))
            .Where(x => x.m.Success && !NotTreating.Contains(x.m.Groups["name"].Value))
            .ToList();
        if (found.Select(x => x.m.Groups["name"].Value).Distinct(StringComparer.Ordinal).Count() != 1) return;
        var (line, m) = found[0];
        var name = m.Groups["name"].Value;
        var at = line.Text.IndexOf(name[0]);
        var span = line.Slice(at, line.Text.LastIndexOf('科') + 1);
        var field = LabelledFields.FromSpan(FieldNames.Department, span, new ReadValue(span.Text, name, 1), UnlabelledStrength);
        fields[FieldNames.Department] = field with
        {
            Checks = [.. field.Checks, new FieldCheck(WithoutLabel, true, $"no 科室 label read; the line holds only the department name {name}")],
        };
    }
}
