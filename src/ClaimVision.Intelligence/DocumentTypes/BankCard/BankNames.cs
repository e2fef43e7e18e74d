namespace ClaimVision.Intelligence.DocumentTypes.BankCard;

/// <summary>
/// Names of banks that issue the cards claims are paid to: the large Chinese banks (every name on a mainland card ends in
/// 银行 or names a rural co-operative) and the large card issuers in the English-speaking markets the product reads.
/// A name read one glyph off a known one (召商银行) is folded to it; any other 银行 name or "… Bank …" is taken as read.
/// </summary>
public static class BankNames
{
    public static readonly IReadOnlyList<string> Chinese =
    [
        "中国工商银行", "中国建设银行", "中国农业银行", "中国银行", "交通银行", "中国邮政储蓄银行", "招商银行", "兴业银行", "中信银行",
        "上海浦东发展银行", "浦发银行", "中国民生银行", "民生银行", "中国光大银行", "光大银行", "平安银行", "华夏银行", "广发银行",
        "北京银行", "上海银行", "江苏银行", "浙商银行", "渤海银行", "恒丰银行", "农村信用社", "农村商业银行", "农商银行",
    ];

    public static readonly IReadOnlyList<string> English =
    [
        "Bank of America", "Chase", "JPMorgan Chase", "Wells Fargo", "Citibank", "Capital One", "U.S. Bank", "PNC Bank", "Truist",
        "TD Bank", "HSBC", "Barclays", "Standard Chartered", "Bank of China", "ICBC", "China Construction Bank",
        "Agricultural Bank of China", "China Merchants Bank", "Bank of Communications", "Maybank", "CIMB Bank", "Public Bank",
        "RHB Bank", "Hong Leong Bank", "DBS Bank", "OCBC Bank", "UOB",
    ];

    /// <summary>The known name <paramref name="read"/> is, allowing OCR damage: equal ignoring case and spaces, or within
    /// one edit (two for names of eight or more characters) of exactly one known name of the same script.</summary>
    public static string? Match(string read)
    {
        var key = Key(read);
        if (key.Length < 2) return null;
        var names = key.Any(c => c >= 0x3400) ? Chinese : English;
        var exact = names.FirstOrDefault(n => Key(n) == key);
        if (exact is not null) return exact;
        var near = names.Where(n => Key(n).Length >= 4 && Vision.Ocr.CharacterErrorRate.EditDistance(Key(n), key) <= (Key(n).Length >= 8 ? 2 : 1)).ToList();
        return near.Count == 1 ? near[0] : null;
    }

    private static string Key(string s) => string.Concat(s.Where(c => !char.IsWhiteSpace(c) && c != '.')).ToUpperInvariant();
}
