using ClaimVision.Synthesis.Rendering;

namespace ClaimVision.Synthesis.Tests;

public class FormatsTests
{
    [Theory]
    [InlineData("1234.56", "壹仟贰佰叁拾肆元伍角陆分")]
    [InlineData("1005", "壹仟零伍元整")]
    [InlineData("10010.07", "壹万零壹拾元零柒分")]
    [InlineData("100000.5", "壹拾万元伍角")]
    [InlineData("20000300", "贰仟万零叁佰元整")]
    [InlineData("100000001", "壹亿零壹元整")]
    [InlineData("0.3", "叁角")]
    public void Chinese_upper_case_amounts(string amount, string expected) =>
        Assert.Equal(expected, Formats.ChineseUpper(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Dates_print_in_several_forms_per_language()
    {
        var d = new DateOnly(2024, 3, 5);
        Assert.Equal("2024年03月05日", Formats.Date(d, "zh", 0));
        Assert.Equal("2024年3月5日", Formats.Date(d, "zh", 3));
        Assert.Equal("03/05/2024", Formats.Date(d, "en", 0));
        Assert.Equal("05-Mar-2024", Formats.Date(d, "en", 1));
        Assert.Equal("¥1,234.50", Formats.Amount(1234.5m, "zh", 1));
        Assert.Equal("USD 1,234.50", Formats.Amount(1234.5m, "en", 2));
    }
}
