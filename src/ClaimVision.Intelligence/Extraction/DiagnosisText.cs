using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// Cleans a diagnosis read after its label: OCR marks before the first word (a stamp's edge, a speck read as «, ¢)
/// or after the last (=, |) are no part of it, and sick-leave advice printed after it (休息7天, rest for 2 weeks) is glued on when OCR lost the
/// advice's label. A diagnosis names a condition; it never prescribes rest.
/// </summary>
public static partial class DiagnosisText
{
    [GeneratedRegex(@"\s*(?:建议|医嘱|嘱)?\s*[:：]?\s*(?:全休|休息|卧床休息|休养)\s*[0-9一二三四五六七八九十两]+\s*(?:天|日|周|个月)\s*$")]
    private static partial Regex ChineseRestAdvice();

    [GeneratedRegex(@"\s*\b(?:Advice\s*:?\s*)?Rest\s+(?:for\s+)?\d+\s+(?:days?|weeks?|months?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishRestAdvice();

    public static void Clean(Dictionary<string, ExtractedField> fields)
    {
        if (!fields.TryGetValue(FieldNames.Diagnosis, out var diagnosis) || diagnosis.Normalized is not { } text) return;
        var clean = Clean(text);
        if (clean == text) return;
        if (clean.Length == 0) fields.Remove(FieldNames.Diagnosis);
        else fields[FieldNames.Diagnosis] = diagnosis with { Value = clean, Normalized = clean };
    }

    /// <summary>The diagnosis without leading marks and trailing rest advice; empty when nothing of a diagnosis is left.</summary>
    public static string Clean(string text)
    {
        var start = 0;
        while (start < text.Length && !char.IsLetterOrDigit(text[start])) start++;
        var rest = text[start..];
        rest = ChineseRestAdvice().Replace(rest, "");
        rest = EnglishRestAdvice().Replace(rest, "");
        rest = WithoutCodeLabel(rest);
        return WithoutTrailingMarks(rest).Trim(' ', ',', '，', ';', '；', '.', '。');
    }

    /// <summary>The text without OCR marks after its last word (the <c>=</c> or <c>|</c> a rule or a label's edge left
    /// before the code's label was cut off); a closing bracket stays (肺炎（右下）).</summary>
    private static string WithoutTrailingMarks(string text)
    {
        var end = text.Length;
        while (end > 0 && !char.IsLetterOrDigit(text[end - 1]) && text[end - 1] is not (')' or '）' or ']' or '】')) end--;
        return text[..end];
    }

    /// <summary>The code's label (疾病编码, 诊断编码) printed after the diagnosis and glued on with one glyph misread and its colon
    /// lost (2 型糖尿病颖病编码): the label finder cuts a value only at a label read whole or one before a colon.</summary>
    private static string WithoutCodeLabel(string text)
    {
        var m = TrailingHanRun().Match(text);
        if (!m.Success) return text;
        var run = m.Groups["run"].Value;
        return CodeLabels.Any(label => label.Length == run.Length && LabelIndex.OneGlyphApart(run, label)) ? text[..m.Index] : text;
    }

    // The code's Chinese labels of four glyphs (疾病编码, 诊断编码), as the lexicon holds them.
    private static readonly string[] CodeLabels =
        [.. FieldLexicon.Labels[FieldNames.DiagnosisCode].Where(l => l.Length == 4 && l.All(Normalization.TextCleanup.IsHan))];

    [GeneratedRegex(@"(?<=\p{IsCJKUnifiedIdeographs}\s*)(?<run>\p{IsCJKUnifiedIdeographs}{4})\s*[:：]?\s*$")]
    private static partial Regex TrailingHanRun();
}
