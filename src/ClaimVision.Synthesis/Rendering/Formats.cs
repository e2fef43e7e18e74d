using System.Globalization;
using System.Text;

namespace ClaimVision.Synthesis.Rendering;

/// <summary>The printed forms of dates and amounts found on Chinese and English paperwork, and their normalised forms.</summary>
internal static class Formats
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string IsoDate(DateOnly d) => d.ToString("yyyy-MM-dd", Invariant);

    public static string Decimal(decimal v) => v.ToString("0.00", Invariant);

    public static string Date(DateOnly d, string language, int variant) => language == "zh"
        ? (variant % 4) switch
        {
            0 => d.ToString("yyyy年MM月dd日", Invariant),
            1 => d.ToString("yyyy-MM-dd", Invariant),
            2 => d.ToString("yyyy.MM.dd", Invariant),
            _ => $"{d.Year}年{d.Month}月{d.Day}日",
        }
        : (variant % 4) switch
        {
            0 => d.ToString("MM/dd/yyyy", Invariant),
            1 => d.ToString("dd-MMM-yyyy", Invariant),
            2 => d.ToString("MMMM d, yyyy", Invariant),
            _ => d.ToString("yyyy-MM-dd", Invariant),
        };

    public static string Amount(decimal v, string language, int variant) => language == "zh"
        ? (variant % 3) switch
        {
            0 => v.ToString("#,##0.00", Invariant),
            1 => "¥" + v.ToString("#,##0.00", Invariant),
            _ => v.ToString("0.00", Invariant),
        }
        : (variant % 3) switch
        {
            0 => "$" + v.ToString("#,##0.00", Invariant),
            1 => v.ToString("#,##0.00", Invariant),
            _ => "USD " + v.ToString("#,##0.00", Invariant),
        };

    public static string Quantity(decimal q) => q == decimal.Truncate(q) ? q.ToString("0", Invariant) : q.ToString("0.##", Invariant);

    private const string Digits = "零壹贰叁肆伍陆柒捌玖";
    private static readonly string[] Units = ["", "拾", "佰", "仟"];
    private static readonly string[] GroupUnits = ["", "万", "亿"];

    /// <summary>Chinese upper-case amount as printed on invoices: 1234.56 → 壹仟贰佰叁拾肆元伍角陆分.</summary>
    public static string ChineseUpper(decimal amount)
    {
        if (amount < 0 || amount >= 1_000_000_000_000m) throw new ArgumentOutOfRangeException(nameof(amount), "Upper-case amounts are written for 0 to under a trillion yuan.");
        var cents = (long)Math.Round(amount * 100, MidpointRounding.AwayFromZero);
        var yuan = cents / 100;
        var (jiao, fen) = ((int)(cents / 10 % 10), (int)(cents % 10));
        var sb = new StringBuilder();
        if (yuan > 0)
        {
            AppendInteger(sb, yuan);
            sb.Append('元');
        }
        if (jiao == 0 && fen == 0)
        {
            if (yuan == 0) sb.Append("零元");
            sb.Append('整');
            return sb.ToString();
        }
        if (jiao > 0) sb.Append(Digits[jiao]).Append('角');
        else if (yuan > 0) sb.Append('零');
        if (fen > 0) sb.Append(Digits[fen]).Append('分');
        return sb.ToString();
    }

    private static void AppendInteger(StringBuilder sb, long n)
    {
        var groups = new List<int>();
        for (var v = n; v > 0; v /= 10000) groups.Add((int)(v % 10000));
        var pendingZero = false;
        for (var g = groups.Count - 1; g >= 0; g--)
        {
            var value = groups[g];
            if (value == 0)
            {
                pendingZero = sb.Length > 0;
                continue;
            }
            if (sb.Length > 0 && (pendingZero || value < 1000)) sb.Append('零');
            pendingZero = false;
            var started = false;
            var zero = false;
            for (var pos = 3; pos >= 0; pos--)
            {
                var d = value / (int)Math.Pow(10, pos) % 10;
                if (d == 0)
                {
                    zero |= started;
                    continue;
                }
                if (zero) sb.Append('零');
                zero = false;
                sb.Append(Digits[d]).Append(Units[pos]);
                started = true;
            }
            sb.Append(GroupUnits[g]);
        }
    }
}
