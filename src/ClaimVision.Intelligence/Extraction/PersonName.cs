using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// Whether text after a name label can be a person's name. Bare labels such as Patient and Member also occur in titles
/// (DETAILED PATIENT CHARGES, Member Health Plan Card); what follows them there is a document or plan noun, never a name.
/// </summary>
public static partial class PersonName
{
    [GeneratedRegex(@"\b(?:CARD|PLAN|HEALTH|CHARGES?|HOSPITAL|INSURANCE|CLAIM|FORM|REPORT|STATEMENT|SUMMARY|BILL|INVOICE|RECORDS?|INFORMATION|DETAILS?|SERVICES?|ID|NUMBER|SIGNATURE)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentNoun();

    /// <summary>Whether <paramref name="text"/> can be a name. A value holding Chinese characters is judged by its name, the
    /// first run of its words that hold them (<see cref="WithoutStrayMarks"/>): a name that ran on into a label OCR
    /// damaged and the number after it (<c>徐宇华身份 350203194812319104</c>, 身份证号 read as 身份) is a name and a number,
    /// the number no part of it.</summary>
    public static bool IsPlausible(string text)
    {
        var name = text.Any(Normalization.TextCleanup.IsHan) ? WithoutStrayMarks(text) : text;
        return !DocumentNoun().IsMatch(name) && !name.Any(char.IsAsciiDigit);
    }

    /// <summary>A Latin name without the marks OCR adds that no name holds: a symbol or quote at either end of a word (the
    /// card's texture or a box rule read as <c>©</c>, <c>‘</c>, <c>|</c>: <c>SARAH JACKSON ©</c>, <c>JESSICA ‘TAYLOR</c>), a word of
    /// marks alone, and <c>!</c> or <c>|</c> between capitals (or <c>!</c> ending a word in capitals), which in a name can
    /// only be an I (<c>WE! LEE</c>, <c>PR|YA</c>). Points, hyphens and apostrophes stay (<c>J. O'NEIL-SMITH</c>); names without
    /// a letter are returned unchanged. A Chinese name loses the words beside it that hold no Chinese character (a rule read as
    /// a dash, a box's texture as letters: <c>杨玲艳 -</c>, <c>郭强玲 Rs</c>) and all after such a word, figures glued after it
    /// and all after them (<c>徐宇华身份350203194812319104</c>), and the marks at its ends (<c>，郑嘉明</c>); marks within its
    /// glyphs stay as read.</summary>
    public static string WithoutStrayMarks(string name)
    {
        if (name.Any(Normalization.TextCleanup.IsHan))
        {
            // The first run of words holding Chinese characters; a word without any ends it (李文军 E 别 : 女 is 李文军).
            // The middle dot of a minority name read as a word of its own (阿依古丽 · 买买提) stays in the run.
            var han = string.Concat(name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
                .SkipWhile(w => !w.Any(Normalization.TextCleanup.IsHan))
                .TakeWhile(w => w.Any(Normalization.TextCleanup.IsHan) || w.All(c => NameDots.Contains(c))));
            // Figures glued after the name (OCR took the space before a number for one beside a Chinese glyph) end it too.
            var figures = han.AsSpan().IndexOfAnyInRange('0', '9');
            return (figures > 0 ? han[..figures] : han).Trim(ChineseEnds);
        }
        if (!name.Any(char.IsAsciiLetter)) return name;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Any(char.IsAsciiLetterLower) ? w : BarAsI().Replace(w, "I"))
            .Select(w => w.Trim(StrayMarks))
            .Where(w => w.Any(char.IsLetter));
        var cleaned = string.Join(' ', words);
        return cleaned.Length == 0 ? name : cleaned;
    }

    /// <summary>Marks no Chinese name starts or ends with (a comma or quote read from the colon or a speck before it).</summary>
    private static readonly char[] ChineseEnds = ['，', ',', '、', '。', '.', '“', '”', '‘', '’', '"', '\'', '`', '|', '_', '-', '~', '*', ':', '：', ';', '；', '·', '•', '・'];

    /// <summary>The dots between the parts of a minority name (阿依古丽·买买提) as OCR reads them.</summary>
    private const string NameDots = "·•・.";

    /// <summary>
    /// A Chinese name that ran on into the sex label beside it. 性, the label's first glyph, ends no name: with at most one
    /// glyph after it (别, or 别 misread) and two glyphs at least before it, it and what follows leave the name
    /// (<c>司马桂强性</c>, <c>林霞嘉性另</c>, the rest of the label lost). 别 alone may end a name, so it leaves only when the
    /// value read goes on after it with a colon and 男 or 女 (<c>姓名 : 欧阳伟明别 : 男</c>, <c>，郑嘉明别 : 男</c>, 性 lost). A
    /// name of two glyphs is left as it is.
    /// </summary>
    public static ExtractedField WithoutSexLabelTail(ExtractedField name)
    {
        if (name.Normalized is not { Length: >= 3 } text || !text.All(Normalization.TextCleanup.IsHan)) return name;
        var label = text.LastIndexOf('性');
        if (label >= 2 && label >= text.Length - 2) return name with { Normalized = text[..label] };
        if (text[^1] != '别') return name;
        // The sex read with the name (欧阳伟明别 : 男): the value ran on past the label.
        var tail = name.Value.LastIndexOf(text[^1]);
        return tail >= 0 && SexAfter().IsMatch(name.Value[(tail + 1)..]) ? name with { Normalized = text[..^1] } : name;
    }

    [GeneratedRegex(@"^\s*[:：;；]\s*[男女]")]
    private static partial Regex SexAfter();

    /// <summary>
    /// A Chinese name that ran on into the first glyphs of the label after it, the rest of that label lost with its colon
    /// (<c>姓名 : 周怡嘉身份</c> for 周怡嘉 身份证号 : …): when the name ends in two or more glyphs that begin one of
    /// <see cref="LabelsAfterName"/> — words no Chinese given name ends in — and two glyphs at least are left, those glyphs
    /// leave the name.
    /// </summary>
    public static ExtractedField WithoutLabelHead(ExtractedField name)
    {
        if (name.Normalized is not { Length: >= 4 } text || !text.All(Normalization.TextCleanup.IsHan)) return name;
        var cut = LabelsAfterName
            .SelectMany(label => Enumerable.Range(2, label.Length - 1).Select(n => label[..n]))
            .Where(head => text.Length - head.Length >= 2 && text.EndsWith(head, StringComparison.Ordinal))
            .Select(head => head.Length)
            .DefaultIfEmpty(0)
            .Max();
        return cut == 0 ? name : name with { Normalized = text[..^cut] };
    }

    /// <summary>Position strength of a name found before the sex label rather than after its own.</summary>
    public const double BeforeSexLabelStrength = 0.7;

    /// <summary>
    /// A Chinese name whose label OCR lost, found where forms print it: at the start of the line that goes on with the sex
    /// label (<c>梁怡丽性别 : 女年龄 : 63 岁</c> for 姓名 : 梁怡丽 性别 : 女), or after its label read with one glyph wrong and
    /// its colon (<c>上名: 周军性别 : 女</c>). Taken when the sex label is the line's first label, what stands before it (after
    /// such a label) is two to four Chinese characters and nothing else, and they start with a common surname (a lone
    /// department or title word does not); the first such line of the page, trusted at most <see cref="BeforeSexLabelStrength"/>.
    /// </summary>
    public static ExtractedField? BeforeSexLabel(DocumentView view)
    {
        foreach (var line in view.Lines)
        {
            if (view.Labels.On(line) is not [var first, ..] || first.Field != FieldNames.PatientSex || first.Start == 0) continue;
            var span = line.Slice(0, first.Start);
            if (MisreadNameLabel().Match(span.Text) is { Success: true } label && LabelIndex.OneGlyphApart(label.Groups["label"].Value, "姓名"))
                span = line.Slice(label.Length, first.Start);
            var text = span.Text.Trim(ChineseEnds);
            if (text.Length is < 2 or > 4 || !text.All(Normalization.TextCleanup.IsHan)) continue;
            if (Validation.ChineseSurname.Check(text) is not { Passed: true }) continue;
            return LabelledFields.FromSpan(FieldNames.PatientName, span, new ReadValue(span.Text, text, 1), BeforeSexLabelStrength);
        }
        return null;
    }

    // Two glyphs and a colon opening the line: a name label, when they are 姓名 with one glyph misread.
    [GeneratedRegex(@"^\s*(?<label>\p{IsCJKUnifiedIdeographs}{2})\s*[:：;；]")]
    private static partial Regex MisreadNameLabel();

    /// <summary>Labels printed right after a patient's name on Chinese forms.</summary>
    private static readonly string[] LabelsAfterName = ["身份证号", "身份证号码", "性别", "年龄", "住院号", "门诊号", "病历号", "科室", "医保类型", "定点医疗机构"];

    private static readonly char[] StrayMarks = ['‘', '’', '“', '”', '"', '`', '´', '©', '®', '™', '|', '!', '_', '~', '*', '•', '«', '»', ',', ';', ':'];

    // ! or | between two capitals, or ! after a capital at a word's end: the I of a word in capitals. A | at a word's
    // end is a box rule and is trimmed as a mark.
    [GeneratedRegex(@"(?<=[A-Z])[!|](?=[A-Z])|(?<=[A-Z])!$")]
    private static partial Regex BarAsI();

    /// <summary>
    /// A Chinese name read as its surname alone, with the given name read apart as the next fragment of its row
    /// (<c>姓名 : 孙</c> and <c>宇英</c> one pixel to its right): Tesseract splits a line where the glyphs' spacing changes. A
    /// name of one Han character is never whole, so the fragment that starts within one and a half text heights to the
    /// right, on the same row, with one to three Han characters and nothing more of Han (not a label: <c>性别 :</c>, nor a
    /// word any label of the page starts, nor an unlabelled sex 男 or 女), completes it; the box covers both.
    /// </summary>
    public static ExtractedField WithGivenNameBeside(ExtractedField name, DocumentView view)
    {
        if (name.Normalized is not { Length: 1 } surname || !Normalization.TextCleanup.IsHan(surname[0]) || name.Box is not { } box)
            return name;
        var middle = box.Y + box.Height / 2.0;
        var next = view.Lines
            .Where(l => l.Page == name.Page && l.Box.X >= box.Right - box.Height / 2 && l.Box.X - box.Right <= box.Height * 1.5
                        && Math.Abs(l.CenterY - middle) < Math.Min(box.Height, l.Box.Height) * 0.6)
            .OrderBy(l => l.Box.X).FirstOrDefault();
        if (next is null || GivenName().Match(next.Text) is not { Success: true } m) return name;
        var given = m.Groups["given"];
        if (given.Value is "男" or "女" || view.Labels.On(next).Any(h => h.Start < given.Index + given.Length)) return name;
        var span = next.Slice(given.Index, given.Index + given.Length);
        return name with
        {
            Value = name.Value + span.Text,
            Normalized = surname + given.Value,
            Box = BoundingBox.Union(box, span.Box),
            Confidence = Math.Min(name.Confidence, span.Confidence),
        };
    }

    // One to three Han characters opening the fragment, then its end or anything but Han and a label's colon.
    [GeneratedRegex(@"^\s*(?<given>\p{IsCJKUnifiedIdeographs}{1,3})(?=\s*$|\s*[^\p{IsCJKUnifiedIdeographs}:：\s])")]
    private static partial Regex GivenName();

    // A doctor's title as OCR reads a handwriting font: De., De, D-, Dr, Or. before an initial and a capitalised surname.
    [GeneratedRegex(@"^(?:D[er]|Or|D-)[.,]?\s+(?=[A-Z][.,]?\s+[A-Z][a-z])")]
    private static partial Regex MisreadDoctorTitle();

    // The initial after the title, its point lost (Dr. N Wilson).
    [GeneratedRegex(@"^Dr\. ([A-Z]) (?=[A-Z][a-z'])")]
    private static partial Regex InitialWithoutPoint();

    /// <summary>A physician's name with its title in one form: <c>De. D. Moore</c>, <c>D- D. Moore</c> and <c>Dr D. Moore</c>
    /// are <c>Dr. D. Moore</c>, and <c>Dr. N Wilson</c> is <c>Dr. N. Wilson</c>. Only the title and the point of the initial
    /// after it are touched; the name itself is as read.</summary>
    public static string WithDoctorTitle(string name) =>
        InitialWithoutPoint().Replace(MisreadDoctorTitle().Replace(name, "Dr. ", 1), "Dr. $1. ", 1);
}
