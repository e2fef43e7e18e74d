using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Normalization;

namespace ClaimVision.Intelligence.Validation;

/// <summary>
/// A doubt signal for Chinese names: the first character (or two, for a compound surname) should be a common surname.
/// The 257 single surnames listed (and 17 compound ones) cover the great majority of people in China, so a name that
/// starts otherwise (深海 for 梁海, 证 for 唐) is more likely a misread glyph than a rare surname. The check only lowers
/// confidence; it never changes the name.
/// </summary>
public static class ChineseSurname
{
    /// <summary>Name of the check recorded on a Chinese patient name.</summary>
    public const string CommonSurname = "commonSurname";

    private static readonly HashSet<char> Single =
    [
        .. "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝洪鞠",
    ];

    private static readonly string[] Compound =
        ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "端木", "司徒", "长孙", "宇文", "南宫", "西门"];

    /// <summary>The check for a name of two to four Chinese characters; null for any other name (Latin script, one character).</summary>
    public static FieldCheck? Check(string name)
    {
        if (name.Length is < 2 or > 4 || !name.All(TextCleanup.IsHan)) return null;
        var common = Single.Contains(name[0]) || Compound.Any(c => name.Length > c.Length && name.StartsWith(c, StringComparison.Ordinal));
        // The message names no character of the name: checks are shown and logged, names are personal data.
        return new FieldCheck(CommonSurname, common, common
            ? "the name starts with a common Chinese surname"
            : "the name does not start with a common Chinese surname: a misread first character is likely");
    }
}
