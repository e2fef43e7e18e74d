using ClaimVision.Intelligence.Normalization;

namespace ClaimVision.Intelligence.Tests;

public class DateNormalizerTests
{
    [Theory]
    [InlineData("开票日期：2018年6月12日", "2018-06-12")]
    [InlineData("2018 年 06 月 12 日", "2018-06-12")]
    [InlineData("2018-06-12", "2018-06-12")]
    [InlineData("2018.6.12", "2018-06-12")]
    [InlineData("2018/06/12 14:03", "2018-06-12")]
    [InlineData("DATE: 12/06/2018 8:13:39 PM", "2018-06-12")]
    [InlineData("12-Jun-2018", "2018-06-12")]
    [InlineData("12 June 2018", "2018-06-12")]
    [InlineData("Jun 12, 2018", "2018-06-12")]
    [InlineData("September 3rd, 2019", "2019-09-03")]
    [InlineData("20180612", "2018-06-12")]
    [InlineData("25/12/18", "2018-12-25")]
    [InlineData("2O18-O6-l2", "2018-06-12")]
    [InlineData("１２／０６／２０１８", "2018-06-12")]
    public void Reads_common_forms(string text, string iso) => Assert.Equal(iso, DateNormalizer.ToIso(text));

    [Fact]
    public void Locale_hint_decides_an_ambiguous_numeric_date()
    {
        Assert.Equal(new DateOnly(2018, 6, 12), DateNormalizer.Parse("12/06/2018", DateOrder.DayFirst));
        Assert.Equal(new DateOnly(2018, 12, 6), DateNormalizer.Parse("12/06/2018", DateOrder.MonthFirst));
        Assert.True(DateNormalizer.FindAll("12/06/2018")[0].Ambiguous);
    }

    [Fact]
    public void A_part_above_twelve_overrides_the_hint()
    {
        Assert.Equal(new DateOnly(2018, 6, 25), DateNormalizer.Parse("06/25/2018", DateOrder.DayFirst));
        Assert.False(DateNormalizer.FindAll("06/25/2018")[0].Ambiguous);
    }

    [Theory]
    [InlineData("2018年2月31日")]
    [InlineData("31/02/2018")]
    [InlineData("2018-13-01")]
    [InlineData("31 Feb 2019")]
    [InlineData("total 12.50")]
    [InlineData("TEL 07-3507405")]
    public void Rejects_impossible_or_absent_dates(string text) => Assert.Null(DateNormalizer.Parse(text));

    [Fact]
    public void Finds_every_date_in_reading_order()
    {
        var all = DateNormalizer.FindAll("入院日期 2024年3月1日 出院日期 2024-03-09");
        Assert.Equal([new DateOnly(2024, 3, 1), new DateOnly(2024, 3, 9)], all.Select(d => d.Date));
    }
}

public class AmountNormalizerTests
{
    [Theory]
    [InlineData("¥1,234.56", "1234.56", "CNY")]
    [InlineData("￥ 88.00", "88.00", "CNY")]
    [InlineData("RM 9.00", "9.00", "MYR")]
    [InlineData("$1,050.00", "1050.00", "USD")]
    [InlineData("USD 12", "12.00", "USD")]
    [InlineData("1234.5元", "1234.50", "CNY")]
    [InlineData("1.234,56", "1234.56", null)]
    [InlineData("12,50", "12.50", null)]
    [InlineData("1,234", "1234.00", null)]
    [InlineData("-12.00", "-12.00", null)]
    [InlineData("(12.00)", "-12.00", null)]
    [InlineData("12.00-", "-12.00", null)]
    [InlineData("RM -3.20", "-3.20", "MYR")]
    public void Reads_amounts(string text, string value, string? currency)
    {
        var m = Assert.Single(AmountNormalizer.FindAll(text));
        Assert.Equal(value, AmountNormalizer.Format(m.Value));
        Assert.Equal(currency, m.Currency);
    }

    [Fact]
    public void A_digit_run_glued_to_letters_is_not_money() => Assert.Empty(AmountNormalizer.FindAll("A4 paper"));
}

public class ChineseAmountTests
{
    [Theory]
    [InlineData("壹仟贰佰叁拾肆元伍角陆分", "1234.56")]
    [InlineData("人民币（大写）叁万元整", "30000")]
    [InlineData("壹佰零伍元正", "105")]
    [InlineData("拾伍元", "15")]
    [InlineData("壹万零伍佰元整", "10500")]
    [InlineData("壹拾万零叁元", "100003")]
    [InlineData("伍角", "0.5")]
    [InlineData("贰元零伍分", "2.05")]
    public void Reads_upper_case_amounts(string text, string value) =>
        Assert.Equal(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), ChineseAmount.Parse(text));

    [Theory]
    [InlineData("壹贰元")]         // two digits with no unit between them
    [InlineData("伍佰仟元")]       // units out of order
    [InlineData("元整")]
    [InlineData("合计金额")]
    public void Rejects_malformed_amounts(string text) => Assert.Null(ChineseAmount.Parse(text));

    [Theory]
    [InlineData(1234.56)]
    [InlineData(100005)]
    [InlineData(10000)]
    [InlineData(0.07)]
    [InlineData(30.5)]
    [InlineData(1001.01)]
    public void Format_and_parse_round_trip(double amount)
    {
        var value = (decimal)amount;
        Assert.Equal(value, ChineseAmount.Parse(ChineseAmount.Format(value)));
    }
}

public class TextCleanupTests
{
    [Fact]
    public void Full_width_forms_become_half_width_and_spaces_collapse() =>
        Assert.Equal("合计:¥12.50 (A)", TextCleanup.Clean("  合计：￥１２．５０\u3000 （Ａ） "));
}
