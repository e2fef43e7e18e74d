namespace ClaimVision.Intelligence.Normalization;

/// <summary>
/// Reads Chinese upper-case (大写) amounts as printed on invoices: 壹仟贰佰叁拾肆元伍角陆分, 叁万元整, 壹佰零伍元正.
/// 零 is a placeholder and carries no value; 整/正 close an amount without jiao and fen. Lower-case numerals
/// (一二三, 十百千) are accepted too, because handwritten and OCR'd forms mix them.
/// </summary>
public static class ChineseAmount
{
    private static readonly Dictionary<char, int> Digits = new()
    {
        ['零'] = 0, ['〇'] = 0, ['壹'] = 1, ['一'] = 1, ['贰'] = 2, ['貳'] = 2, ['二'] = 2, ['两'] = 2, ['叁'] = 3, ['參'] = 3, ['三'] = 3,
        ['肆'] = 4, ['四'] = 4, ['伍'] = 5, ['五'] = 5, ['陆'] = 6, ['陸'] = 6, ['六'] = 6, ['柒'] = 7, ['七'] = 7,
        ['捌'] = 8, ['八'] = 8, ['玖'] = 9, ['九'] = 9,
    };

    private static readonly Dictionary<char, int> SmallUnits = new()
    {
        ['拾'] = 10, ['十'] = 10, ['佰'] = 100, ['百'] = 100, ['仟'] = 1000, ['千'] = 1000,
    };

    private static readonly HashSet<char> Ignored = [.. "人民币(大写)（）:：¥￥ 　圆整正"];

    /// <summary>True when the text contains a 大写 amount (a numeral followed by 元/圆/角/分 or a unit).</summary>
    public static bool LooksLikeAmount(string text) =>
        text.Any(c => c is '元' or '圆' or '角' or '分') && text.Any(c => Digits.ContainsKey(c) && c != '一');

    /// <summary>The value of a 大写 amount, or null when the text is not a well-formed one
    /// (a digit without a unit where one is needed, a unit twice, nothing recognisable).</summary>
    public static decimal? Parse(string text)
    {
        long yuan = 0, section = 0, pendingDigit = -1;
        decimal cents = 0;
        var sawAny = false;
        var inFraction = false;
        var lastSmallUnit = int.MaxValue;
        foreach (var c in text)
        {
            if (Digits.TryGetValue(c, out var d))
            {
                if (pendingDigit > 0 && d != 0) return null; // two significant digits with no unit between them
                pendingDigit = d;
                sawAny = true;
            }
            else if (SmallUnits.TryGetValue(c, out var unit))
            {
                if (inFraction || unit >= lastSmallUnit) return null;
                // 拾 alone at the start of a section means 10 (拾伍元 = 15).
                section += (pendingDigit < 0 ? 1 : pendingDigit) * unit;
                pendingDigit = -1;
                lastSmallUnit = unit;
                sawAny = true;
            }
            else if (c is '万' or '萬' or '亿' or '億')
            {
                if (inFraction) return null;
                section += Math.Max(pendingDigit, 0);
                var scale = c is '万' or '萬' ? 10_000L : 100_000_000L;
                yuan = (yuan + section) * scale;
                section = 0;
                pendingDigit = -1;
                lastSmallUnit = int.MaxValue;
            }
            else if (c is '元' or '圆')
            {
                if (inFraction) return null;
                yuan += section + Math.Max(pendingDigit, 0);
                section = 0;
                pendingDigit = -1;
                inFraction = true;
            }
            else if (c is '角')
            {
                if (pendingDigit < 0) return null;
                cents += pendingDigit * 0.1m;
                pendingDigit = -1;
                inFraction = true;
            }
            else if (c is '分')
            {
                if (pendingDigit < 0) return null;
                cents += pendingDigit * 0.01m;
                pendingDigit = -1;
                inFraction = true;
            }
            else if (!Ignored.Contains(c) && !char.IsWhiteSpace(c))
            {
                return null;
            }
        }
        if (!sawAny) return null;
        if (!inFraction) yuan += section + Math.Max(pendingDigit, 0); // "壹佰" with 元 lost to OCR
        else if (pendingDigit > 0) return null; // a trailing digit after 元 without 角/分
        return yuan + cents;
    }

    /// <summary>
    /// Glyphs chi_sim reads for a 大写 unit or numeral that are never an amount character themselves, each the misreading
    /// of one only (the same radical and a near stroke group): 什 and 任 for 仟 (亻 with 十 or 壬 for 千), 抬 for 拾 (扌 with
    /// 台 for 合), and 参, the simplified form of 參, for 叁. In the twenty 大写 amounts of the tuning sets' invoices 仟 was
    /// read 什 16 times and 任 4 times, 叁 was read 参 15 times in 16, 拾 抬 4 times in 20; none of the four stood for
    /// anything else. Only <see cref="Resembles"/> folds them: it compares with a value found elsewhere on the page,
    /// whereas <see cref="Parse"/> reads a value of its own (a lone 什 after a 大写 label would read as 1000).
    /// </summary>
    private static readonly Dictionary<char, char> Misread = new()
    {
        ['什'] = '仟', ['任'] = '仟', ['抬'] = '拾', ['参'] = '叁',
        // Traditional forms Parse reads as the same numerals; Format writes the simplified ones.
        ['參'] = '叁', ['陸'] = '陆', ['貳'] = '贰', ['萬'] = '万', ['億'] = '亿',
    };

    /// <summary>Marks OCR puts between a label and its amount or around it (a table rule read as a bar, a colon read as a
    /// semicolon, stray quote marks): never an amount character, so never an unreadable glyph of one either.</summary>
    private static readonly HashSet<char> NoGlyph = [.. "():;；|\"“”'‘’"];

    /// <summary>Share of unreadable glyphs below which a damaged 大写 amount still resembles a value: a third.</summary>
    public const double UnreadableShare = 1.0 / 3;

    /// <summary>
    /// Whether an OCR'd 大写 amount that does not parse (参什壹佰臣拾玖元伍角肆分) is still the written form of
    /// <paramref name="value"/>: same length as its canonical form, every numeral or unit that was read agrees with it,
    /// and fewer than <paramref name="unreadableShare"/> of the characters (<see cref="UnreadableShare"/> unless given) are
    /// unreadable (a glyph that is no numeral; the known misreadings of one, <see cref="Misread"/>, count as what they
    /// stand for). A numeral that was read and differs is a contradiction, never a misread.
    /// Used only to confirm a figure found elsewhere on the page.
    /// </summary>
    /// <param name="unreadableShare">The share of unreadable glyphs allowed (below it); a stray bar (|, OCR's reading of a
    /// table rule) is no glyph.</param>
    public static bool Resembles(string text, decimal value, double unreadableShare = UnreadableShare)
    {
        var expected = Format(value);
        var read = string.Concat(Written(text).Where(c => !Ignored.Contains(c) && !char.IsWhiteSpace(c) && !NoGlyph.Contains(c))
            .Select(c => Misread.GetValueOrDefault(c, c)));
        if (expected.EndsWith('整')) expected = expected[..^1];
        if (read.Length != expected.Length) return false;
        var unknown = 0;
        for (var i = 0; i < read.Length; i++)
        {
            if (read[i] == expected[i]) continue;
            if (IsNumeralOrUnit(read[i])) return false;
            unknown++;
        }
        return unknown < read.Length * unreadableShare;
    }

    /// <summary>The text up to the unit that closes a written amount (its last 元, 圆, 角, 分, 整 or 正): what OCR put after
    /// it on the same span (a quote mark, the figure ¥3,036.31 printed beside it) is no part of it. The text as given
    /// when it holds none of them.</summary>
    public static string Written(string text)
    {
        var end = text.LastIndexOfAny(['元', '圆', '角', '分', '整', '正']);
        return end < 0 ? text : text[..(end + 1)];
    }

    private static bool IsNumeralOrUnit(char c) =>
        Digits.ContainsKey(c) || SmallUnits.ContainsKey(c) || c is '万' or '萬' or '亿' or '億' or '元' or '圆' or '角' or '分';

    /// <summary>The 大写 form of an amount (for tests and messages), e.g. 1234.56 → 壹仟贰佰叁拾肆元伍角陆分.</summary>
    public static string Format(decimal amount)
    {
        const string digits = "零壹贰叁肆伍陆柒捌玖";
        var yuan = (long)decimal.Truncate(amount);
        var rest = (int)decimal.Round((amount - yuan) * 100);
        var sb = new System.Text.StringBuilder();
        if (yuan == 0 && rest == 0) return "零元整";
        if (yuan > 0)
        {
            var groups = new[] { (yuan / 100_000_000) % 10_000, (yuan / 10_000) % 10_000, yuan % 10_000 };
            var names = new[] { "亿", "万", "" };
            var needZero = false;
            var started = false;
            for (var g = 0; g < 3; g++)
            {
                var v = groups[g];
                if (v == 0) { if (started) needZero = true; continue; }
                if (started && v < 1000) needZero = true;
                var units = new[] { "仟", "佰", "拾", "" };
                var div = 1000L;
                var localStarted = false;
                for (var u = 0; u < 4; u++, div /= 10)
                {
                    var digit = (int)(v / div % 10);
                    if (digit == 0) { if (localStarted) needZero = true; continue; }
                    if (needZero && (started || localStarted)) sb.Append('零');
                    needZero = false;
                    sb.Append(digits[digit]).Append(units[u]);
                    localStarted = true;
                }
                sb.Append(names[g]);
                started = true;
                needZero = false;
                if (v % 10 == 0) needZero = true;
            }
            sb.Append('元');
        }
        if (rest == 0) return sb.Append('整').ToString();
        var jiao = rest / 10;
        var fen = rest % 10;
        if (jiao > 0) sb.Append(digits[jiao]).Append('角');
        else if (yuan > 0) sb.Append('零');
        if (fen > 0) sb.Append(digits[fen]).Append('分');
        return sb.ToString();
    }
}
