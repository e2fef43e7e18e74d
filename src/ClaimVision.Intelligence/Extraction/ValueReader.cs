using System.Globalization;
using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Normalization;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>A value read from text: the part as printed, its normalised form, and how clean the read was (0–1).
/// <paramref name="Damage"/> says why the read is probably wrong (a figure that lost digits); the extractor records it
/// as a failed check, so the field is reported with lowered confidence instead of as a confident value.</summary>
public sealed record ReadValue(string Printed, string Normalized, double Strength, string? Damage = null);

/// <summary>Reads a value of a given <see cref="FieldKind"/> out of the text found for a label.</summary>
public static partial class ValueReader
{
    [GeneratedRegex(@"[1-9Il][0-9OoIl]{5}(?:19|20)[0-9Oo]{2}[0-9OoIl]{4}[0-9OoIl]{3}[0-9OoIlXx]|[1-9][0-9]{14}(?![0-9])")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\b(?=(?:[A-Z]*\d){6})[A-Z0-9]{8,20}\b")]
    private static partial Regex MemberIdPattern();

    [GeneratedRegex("^(证明书|证明|报告单?|清单|明细|票据|收据|小结|记录|书|单)$")]
    private static partial Regex TitleNoun();

    // One capitalised word, or one and a lower-case one (Group:, Patient name:), right before a colon.
    [GeneratedRegex(@" [A-Z][A-Za-z.']*(?: [a-z][A-Za-z.']*)?: ")]
    private static partial Regex InlineLabel();

    [GeneratedRegex(@"\b[A-Z][0-9]{2}(?:\.[0-9A-Z]{1,4})?\b")]
    private static partial Regex IcdPattern();

    [GeneratedRegex(@"[A-Za-z0-9][A-Za-z0-9\-/]{2,}[0-9A-Za-z]")]
    private static partial Regex IdentifierPattern();

    private static readonly System.Buffers.SearchValues<char> NumeralStart = System.Buffers.SearchValues.Create("零壹贰叁肆伍陆柒捌玖拾佰仟万亿");

    public static ReadValue? Read(FieldKind kind, string text, DateOrder order) => kind switch
    {
        FieldKind.Date => ReadDate(text, order),
        FieldKind.RangeEnd => ReadRangeEnd(text, order),
        FieldKind.Amount => ReadAmount(text),
        FieldKind.AmountInWords => ReadWords(text),
        FieldKind.IdNumber => ReadId(text),
        FieldKind.DiagnosisCode => ReadIcd(text),
        FieldKind.Identifier => IdentifierPattern().Matches(text).FirstOrDefault(m => m.Value.Any(char.IsAsciiDigit)) is { } m ? WithSplitDigits(text, m) : null,
        FieldKind.Sex => ReadSex(text),
        FieldKind.CardNumber => ReadCardNumber(text),
        FieldKind.MonthYear => ReadMonthYear(text),
        _ => ReadText(text),
    };

    // Digit groups separated by single spaces or dashes (4465 4294 3062 6433, 621661 9956801875586, 6216-6199-…).
    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9]+(?:[ -][0-9]+)*(?![0-9A-Za-z])")]
    private static partial Regex DigitGroups();

    /// <summary>A card or account number: the first run of digit groups holding 13–19 digits, preferring one that passes
    /// the Luhn check. A run of more digits is two numbers (or a number and a date) and is not taken apart.</summary>
    private static ReadValue? ReadCardNumber(string text) =>
        Domain.Payments.PaymentCard.PreferValid(
            DigitGroups().Matches(text).Select(m => Domain.Payments.PaymentCard.Normalize(m.Value) is { } digits ? new ReadValue(m.Value, digits, 1) : null).OfType<ReadValue>(),
            r => r.Normalized);

    // MM/YY or MM/YYYY (06/30, 06 / 2030, 06-30); the month may be any two digits here, it is checked below.
    [GeneratedRegex(@"(?<![0-9])(?<m>[0-9]{1,2}) ?[/-] ?(?<y>20[0-9]{2}|[0-9]{2})(?![0-9/-])")]
    private static partial Regex MonthYearPattern();

    /// <summary>A card's expiry month → yyyy-MM. Two-digit years are 20YY. Read less surely: a month past 12 that one
    /// zero read as a 6, 8 or 9 explains (card faces print the zero slashed or dotted: 93/26 and 63/26 for 03/26, 16/27
    /// for 10/27), and a month of one digit (its zero lost: 3/26).</summary>
    private static ReadValue? ReadMonthYear(string text)
    {
        foreach (Match m in MonthYearPattern().Matches(text))
        {
            var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
            var year = m.Groups["y"].Value is { Length: 2 } yy ? 2000 + int.Parse(yy, CultureInfo.InvariantCulture) : int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
            var strength = m.Groups["m"].Length == 1 ? OneDigitMonthStrength : 1.0;
            if (month > 12 && DottedZero(m.Groups["m"].Value) is { } mended)
            {
                month = mended;
                strength = DottedZeroStrength;
            }
            if (month is < 1 or > 12) continue;
            return new ReadValue(m.Value, string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}"), strength);
        }
        return null;
    }

    /// <summary>The one month 01–12 that <paramref name="digits"/> is with one of its 6s, 8s or 9s read back as the zero it
    /// was; null when none or two are.</summary>
    private static int? DottedZero(string digits)
    {
        var months = Enumerable.Range(0, digits.Length)
            .Where(i => digits[i] is '6' or '8' or '9')
            .Select(i => int.Parse(string.Concat(digits.AsSpan(0, i), "0", digits.AsSpan(i + 1)), CultureInfo.InvariantCulture))
            .Where(month => month is >= 1 and <= 12).Distinct().ToList();
        return months.Count == 1 ? months[0] : null;
    }

    /// <summary>How much a month printed with one digit (or whose zero OCR lost) is trusted.</summary>
    private const double OneDigitMonthStrength = 0.7;

    /// <summary>How much a month read with its leading zero as a 9 is trusted.</summary>
    private const double DottedZeroStrength = 0.6;

    private static ReadValue? ReadDate(string text, DateOrder order) => DateValue(DateNormalizer.FindAll(text, order) is [var first, ..] ? first : null);

    private static ReadValue? ReadRangeEnd(string text, DateOrder order) => DateValue(DateNormalizer.FindAll(text, order).MaxBy(d => d.Date));

    /// <summary>A date found in a value's text as ISO 8601; one both orders read differently is trusted less.</summary>
    private static ReadValue? DateValue(DateMatch? m) =>
        m is null ? null : new ReadValue(m.Printed, m.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), m.Ambiguous ? 0.85 : 1);

    private static ReadValue? ReadAmount(string text)
    {
        var all = AmountNormalizer.FindAll(text);
        // Prefer a figure with decimals: a bare integer next to a label is as often a count or a code.
        var m = all.FirstOrDefault(a => a.HasDecimals) ?? (all.Count > 0 ? all[0] : null);
        // "支付 : 14,569.00" after 合计(小写): the figure follows a label of its own that was not recognised (its first
        // characters lost), so it is that label's value, not this one's.
        if (m is null || BehindAnotherLabel(text.AsSpan(0, m.Index))) return null;
        return new ReadValue(m.Printed, AmountNormalizer.Format(m.Value), m.HasDecimals ? 1 : 0.8, m.Damage);
    }

    /// <summary>The text before a value holds a word ending in a colon (a letter or Han character, then a colon).</summary>
    private static bool BehindAnotherLabel(ReadOnlySpan<char> before)
    {
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] is not (':' or '：')) continue;
            var j = i - 1;
            while (j >= 0 && before[j] == ' ') j--;
            if (j >= 0 && char.IsLetter(before[j])) return true;
        }
        return false;
    }

    private static ReadValue? ReadWords(string text)
    {
        var start = text.AsSpan().IndexOfAny(NumeralStart);
        if (start < 0) return null;
        var end = start;
        while (end < text.Length && "零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正〇貳參陸萬億 ".Contains(text[end], StringComparison.Ordinal)) end++;
        var printed = text[start..end].Trim();
        if (ChineseAmount.Parse(printed) is not { } v) return null;
        // An unreadable glyph glued to the run (参什壹佰臣拾玖元 → 壹佰) means only a fragment was read.
        var before = text[..start].TrimEnd();
        var after = text[end..].TrimStart();
        var damage = before.Length > 0 && TextCleanup.IsHan(before[^1]) || after.Length > 0 && TextCleanup.IsHan(after[0])
            ? $"大写 amount {text.Trim()} holds unreadable characters; only {printed} was read" : null;
        return new ReadValue(printed, AmountNormalizer.Format(v), 1, damage);
    }

    /// <summary>An ICD-10 code, with its point or without it (E119, as claim forms print codes), or its point read as a space
    /// before a last digit (S52 5); a code whose chapter letter
    /// OCR read as a digit or sign (163.9 for I63.9, 110 for I10, $52.5 for S52.5) is repaired only where a code must stand
    /// (the text after an ICD label) and read less surely.</summary>
    private static ReadValue? ReadIcd(string text)
    {
        var upper = text.ToUpperInvariant();
        // The point OCR moved or read as a comma (J44 .1, J44. 1, J44,1): the code and its subcategory, less surely.
        if (SplitIcd().Match(upper) is { Success: true } split)
            return new ReadValue(split.Value, $"{split.Groups["code"].Value}.{split.Groups["sub"].Value}", 0.9);
        // The point read as a space, the subcategory's one digit ending the text (S52 5): less surely still, since a
        // category may stand alone with a figure after it.
        if (SpacedIcd().Match(upper.Trim()) is { Success: true } spaced)
            return new ReadValue(spaced.Value, $"{spaced.Groups["code"].Value}.{spaced.Groups["sub"].Value}", 0.8);
        if (IcdPattern().Match(upper) is { Success: true } m) return new ReadValue(m.Value, m.Value, 1);
        // Printed without its point, as a CMS-1500 prints codes (or the point lost in OCR): E119 is E11.9, the one way to
        // read it, but less surely.
        if (PointlessIcd().Match(upper) is { Success: true } bare)
            return new ReadValue(bare.Value, $"{bare.Groups["code"].Value}.{bare.Groups["sub"].Value}", 0.9);
        var misread = MisreadIcd().Match(upper.Trim());
        if (!misread.Success) return null;
        var letter = misread.Value[0] switch { '1' => 'I', '5' or '$' => 'S', '2' => 'Z', '8' => 'B', '0' => 'O', _ => '?' };
        return letter == '?' ? null : new ReadValue(misread.Value, letter + misread.Value[1..], 0.7);
    }

    [GeneratedRegex(@"^[0-9$][0-9]{2}(?:\.[0-9A-Z]{1,4})?$")]
    private static partial Regex MisreadIcd();

    [GeneratedRegex(@"\b(?<code>[A-Z][0-9]{2})(?<sub>[0-9][0-9A-Z]{0,3})\b")]
    private static partial Regex PointlessIcd();

    [GeneratedRegex(@"^(?<code>[A-Z][0-9]{2}) (?<sub>[0-9])$")]
    private static partial Regex SpacedIcd();

    // A comma only when a digit follows it directly (J44, I10 is a list of two codes).
    [GeneratedRegex(@"\b(?<code>[A-Z][0-9]{2})(?: \.|\. |,)(?<sub>[0-9][0-9A-Z]{0,3})\b")]
    private static partial Regex SplitIcd();

    private static ReadValue? ReadId(string text)
    {
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var m = IdPattern().Match(compact);
        if (!m.Success)
        {
            // Not a resident ID: a member / insured ID (letters and at least six digits) as printed, read less surely.
            var upper = text.ToUpperInvariant();
            var member = MemberIdPattern().Match(upper);
            var split = SplitNumber().Match(upper);
            if (split.Success && (!member.Success || member.Index == split.Index)
                && MemberIdPattern().Match(split.Groups["head"].Value + split.Groups["tail"].Value) is { Success: true } joined)
                return new ReadValue(split.Value, joined.Value, 0.7 * JoinedStrength);
            return member.Success ? new ReadValue(member.Value, member.Value, 0.7) : null;
        }
        return new ReadValue(m.Value, Validation.ResidentIdValidator.Normalize(m.Value).Replace('I', '1').Replace('L', '1'), 1);
    }

    // The rest of a number OCR split off with a space (GRP-89 319, XVT326 004448: the form's wide figures): three or more
    // digits right after a run that ends in a digit, and then the value's end or another code (11c. PLAN NAME). Two digits
    // may be an age or a count; digits followed by a date separator, a unit or a currency (2024-03-15, 302床, 350 元), and a
    // year on either side of the gap (110105 1949, 2024 0315), are another value, not the rest of this one.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(?!(?:19|20)[0-9]{2} )(?<head>[0-9A-Za-z][0-9A-Za-z\-/]*[0-9]) (?!(?:19|20)[0-9]{2}(?![0-9]))(?<tail>[0-9]{3,})(?=\s*$|\s+[0-9A-Za-z])")]
    private static partial Regex SplitNumber();

    /// <summary>How much less a number joined across a gap is trusted than one read whole.</summary>
    private const double JoinedStrength = 0.75;

    /// <summary>The identifier read at <paramref name="identifier"/>, joined with the rest OCR split off it, if any.</summary>
    private static ReadValue WithSplitDigits(string text, Match identifier)
    {
        var split = SplitNumber().Match(text, identifier.Index);
        if (!split.Success || split.Index != identifier.Index || split.Groups["head"].Length != identifier.Length)
            return new ReadValue(identifier.Value, identifier.Value.ToUpperInvariant(), 1);
        var joined = identifier.Value + split.Groups["tail"].Value;
        return new ReadValue(split.Value, joined.ToUpperInvariant(), JoinedStrength);
    }

    private static ReadValue? ReadSex(string text)
    {
        // chi_sim reads the gap after 性别 on ID cards as a quote mark (性别 ” 男民族汉) or an ideographic full stop or
        // comma (性别。男民族汉), and a full-width colon as a semicolon (性别 ; 男年龄 : 67 岁), which text values are trimmed of too.
        var t = text.Trim().TrimStart('"', '“', '”', '‘', '’', '\'', ':', '：', ';', ' ', '。', '，', '、', ',');
        if (t.StartsWith('男') || t.StartsWith("Male", StringComparison.OrdinalIgnoreCase) || t is "M") return new ReadValue(t.StartsWith('男') ? "男" : t.Split(' ')[0], "M", 1);
        if (t.StartsWith('女') || t.StartsWith("Female", StringComparison.OrdinalIgnoreCase) || t is "F") return new ReadValue(t.StartsWith('女') ? "女" : t.Split(' ')[0], "F", 1);
        return null;
    }

    private static ReadValue? ReadText(string text)
    {
        var clean = TextCleanup.RemoveSpacesBesideHan(TextCleanup.CollapseWhitespace(text));
        // An English label the lexicon does not know still ends the value (… Hospital Group: GRP-68462).
        if (InlineLabel().Match(clean) is { Success: true, Index: > 0 } label) clean = clean[..label.Index];
        clean = clean.Trim(' ', ':', '：', ',', ';', '"', '“', '”', '‘', '’');
        if (clean.Length is 0 or > 200 || !clean.Any(char.IsLetter)) return null;
        // A label inside a title (疾病诊断证明书, 检验报告单) leaves only the document's noun: that is no value.
        if (TitleNoun().IsMatch(clean)) return null;
        // A date in a name's slot (a column of values read beside the wrong label) is no name.
        if (IsOnlyDates(clean)) return null;
        return new ReadValue(clean, clean, 1);
    }

    private static bool IsOnlyDates(string text)
    {
        var dates = DateNormalizer.FindAll(text);
        if (dates.Count == 0) return false;
        var rest = text;
        foreach (var d in dates.OrderByDescending(d => d.Index)) rest = rest.Remove(d.Index, d.Length);
        return !rest.Any(char.IsLetter);
    }
}
