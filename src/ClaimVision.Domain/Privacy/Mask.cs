using ClaimVision.Domain.Documents;

namespace ClaimVision.Domain.Privacy;

/// <summary>
/// Masks personal data before it reaches a log, a metric label or an exception message.
/// Names keep their first character, ID numbers their region prefix and last four characters —
/// enough for an operator to tell two people apart in a log, not enough to identify anyone.
/// </summary>
public static class Mask
{
    public static string Name(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var trimmed = name.Trim();
        var first = char.IsSurrogate(trimmed[0]) && trimmed.Length > 1 ? trimmed[..2] : trimmed[..1];
        return first + new string('*', Math.Max(1, System.Globalization.StringInfo.ParseCombiningCharacters(trimmed).Length - 1));
    }

    public static string IdNumber(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return "";
        var s = id.Trim();
        if (s.Length <= 4) return new string('*', s.Length);
        // Chinese resident IDs: 6-digit region code + birth date + sequence + check digit.
        var head = s.Length >= 15 ? s[..6] : "";
        var tail = s[^4..];
        return head + new string('*', s.Length - head.Length - tail.Length) + tail;
    }

    /// <summary>True for the fields that identify a person: names, ID, card and account numbers, addresses, birth dates.</summary>
    public static bool IsPersonal(string field) => field is FieldNames.PatientName or FieldNames.PhysicianName or FieldNames.PatientIdNumber
        or FieldNames.CardNumber or FieldNames.PatientAddress or FieldNames.PatientBirthDate;

    /// <summary>A field's value as a reason, a log line or a console may quote it: a personal field masked (names keep their
    /// first character, ID numbers their region and last four, card numbers their issuer and last four, addresses their
    /// first character, birth dates nothing), any other field as read.</summary>
    public static string FieldValue(string field, string? value) => field switch
    {
        FieldNames.PatientIdNumber => IdNumber(value),
        FieldNames.CardNumber => CardNumber(value),
        FieldNames.PatientBirthDate => new string('*', value?.Length ?? 0),
        _ when IsPersonal(field) => Name(value),
        _ => value ?? "",
    };

    /// <summary>Image file extensions a masked file name keeps: what kind of file it was, nothing about whom.</summary>
    private static readonly HashSet<string> ImageExtensions = new(StringComparer.OrdinalIgnoreCase)
        { ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".gif", ".webp", ".heic", ".pdf" };

    /// <summary>An uploaded file's name as a log may show it: <c>***</c> and its extension when that is an image type's
    /// (<c>***.jpg</c>), else <c>***</c>. People name their photos after whom or what they show (张三身份证.jpg,
    /// 110105194912310021.jpg, 张三.身份证), so a log names a document by its id and shows its file name only masked;
    /// the mask is the same length for every name, so its length does not tell an ID number from a name either.</summary>
    public static string FileName(string? fileName)
    {
        if (string.IsNullOrEmpty(fileName)) return "";
        var extension = Path.GetExtension(fileName);
        return ImageExtensions.Contains(extension) && extension.Length < fileName.Length ? "***" + extension : "***";
    }

    /// <summary><paramref name="text"/> (an error message, a rejection reason) with every mention of
    /// <paramref name="fileName"/> masked as <see cref="FileName"/> masks it; for a log line about that file. A mention
    /// is the name not run into other letters or digits (a file named <c>image</c> leaves "images" alone).</summary>
    public static string FileNameIn(string text, string? fileName) =>
        string.IsNullOrEmpty(fileName)
            ? text
            : System.Text.RegularExpressions.Regex.Replace(text, $@"(?<![\p{{L}}\p{{N}}]){System.Text.RegularExpressions.Regex.Escape(fileName)}(?![\p{{L}}\p{{N}}])",
                FileName(fileName).Replace("$", "$$", StringComparison.Ordinal));

    /// <summary>A payment card or bank account number as card schemes allow it to be shown: the issuer's first six
    /// digits and the last four (fewer than 13 characters: the last four only); spaces and dashes dropped.</summary>
    public static string CardNumber(string? number)
    {
        if (string.IsNullOrWhiteSpace(number)) return "";
        var s = string.Concat(number.Where(c => c is not (' ' or '-')));
        if (s.Length <= 4) return new string('*', s.Length);
        var head = s.Length >= 13 ? s[..6] : "";
        return head + new string('*', s.Length - head.Length - 4) + s[^4..];
    }
}
