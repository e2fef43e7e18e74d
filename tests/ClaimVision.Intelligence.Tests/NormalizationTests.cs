using ClaimVision.Domain.Documents;
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
    [InlineData("开具日期 : 2022 年 1] 月 19 日", "2022-11-19")]   // chi_sim reads a 1 as ]
    [InlineData("出院日期 : 2022 年 ] 月 2 日", "2022-01-02")]
    [InlineData("打印日期 : 2022 年 11] 月 27 日", "2022-11-27")]   // and sets a stray bracket after two digits
    [InlineData("打印日期 : 2022 年 11 月 27] 日", "2022-11-27")]
    [InlineData("开具日期 : 2024 年 7j 5 日", "2024-07-05")]          // 月 misread, framed by 年 and 日
    [InlineData("开票日期 : 2021.03-08", "2021-03-08")]                // separators read differently after a year
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
    [InlineData("2024 年 7j 5")]        // a misread 月 needs 日 after the day
    [InlineData("2024 年 7 5 日")]      // and a glyph where it stood
    [InlineData("08-03.2021")]          // mixed separators without the year first say no order
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
    [InlineData("HK$1,280.00", "1280.00", "HKD")] // a Hong Kong hospital's dollars are not US dollars
    [InlineData("HK$ 96.50", "96.50", "HKD")]
    [InlineData("S$ 20.00", "20.00", "SGD")]
    [InlineData("NT$450", "450.00", "TWD")]
    [InlineData("MOP$ 75.00", "75.00", "MOP")]
    [InlineData("AU$ 310.00", "310.00", "AUD")]
    [InlineData("CA$ 42.10", "42.10", "CAD")]
    [InlineData("US$ 75.00", "75.00", "USD")]
    [InlineData("Items$ 5.00", "5.00", "USD")]   // a word ending in s before a bare $ names no currency of its own
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

public class OcrAmountRepairTests
{
    [Theory]
    [InlineData("TOTAL: 190. 00", "190.00", null)]        // thermal receipts: the cents spaced off the point
    [InlineData("TOTAL : RM 39. 80", "39.80", "MYR")]
    [InlineData("Total RM 1,190. 00", "1190.00", "MYR")]
    [InlineData("申请金额 : 5,229 .94", "5229.94", null)]  // chi_sim splits the figure before the point
    [InlineData("申请金额 : 8800 .57", "8800.57", null)]
    public void Reads_cents_spaced_off_the_point(string text, string value, string? currency)
    {
        var m = Assert.Single(AmountNormalizer.FindAll(text));
        Assert.Equal(value, AmountNormalizer.Format(m.Value));
        Assert.True(m.HasDecimals);
        Assert.Equal(currency, m.Currency);
    }

    [Theory]
    [InlineData("2 SR 9556296307411 1. 12.81 12.51", "1.12")] // an item count, then the figures
    [InlineData("12. 06. 2018", "12.06")]                      // a date spaced the same way
    [InlineData("1. 123", "1.12")]                             // three digits are no cents
    [InlineData("12 .06.2018", "12.06")]                       // a date split before its first point
    [InlineData("1 .123", "1.12")]
    public void Does_not_join_a_point_and_digits_that_go_on(string text, string notValue) =>
        Assert.DoesNotContain(AmountNormalizer.FindAll(text), m => AmountNormalizer.Format(m.Value) == notValue);

    [Theory]
    [InlineData("Net Amt : §3.55", "53.55")]
    [InlineData("Payment : §0.00", "50.00")]
    [InlineData("Visa -§38.00", "-538.00")]
    public void Reads_a_five_misread_as_a_section_sign_glued_to_a_figure(string text, string value) =>
        Assert.Equal(value, AmountNormalizer.Format(Assert.Single(AmountNormalizer.FindAll(text)).Value));

    [Fact]
    public void A_section_sign_set_apart_from_a_figure_or_before_a_law_s_number_stays_a_section_sign()
    {
        Assert.Equal("3.55", AmountNormalizer.Format(Assert.Single(AmountNormalizer.FindAll("§ 3.55")).Value));
        Assert.DoesNotContain(AmountNormalizer.FindAll("steuerfrei gem. §4 Nr. 14 UStG"), a => a.Value == 54);
        Assert.DoesNotContain(AmountNormalizer.FindAll("§19 UStG"), a => a.Value == 519);
    }

    [Fact]
    public void A_section_sign_read_as_five_keeps_the_section_sign_as_printed() =>
        Assert.Equal("§3.55", Assert.Single(AmountNormalizer.FindAll("Net Amt : §3.55")).Printed);

    [Theory]
    [InlineData("合计 : Y255.22", "255.22")]
    [InlineData("医疗费用总额 : Y9,656.92", "9656.92")]
    [InlineData("合计 (小写 ): 9,.656.92", "9656.92")]
    [InlineData("申请金额 : 4 ,062.04", "4062.04")]     // chi_sim split ¥4,062.04 at the comma
    [InlineData("个人支付 : 12 ,345,678.90", "12345678.90")]
    [InlineData("合计 : 1,234 ,567.00", "1234567.00")]
    [InlineData("个人支付 : ¥4 244.35", "4244.35")]     // the comma read as a space, right after the sign
    [InlineData("Balance: $12 345,678.90", "12345678.90")]
    public void Reads_a_yen_sign_read_as_Y_and_a_separator_doubled_or_spaced_off(string text, string value)
    {
        var m = Assert.Single(AmountNormalizer.FindAll(text));
        Assert.Equal(value, AmountNormalizer.Format(m.Value));
        Assert.Null(m.Damage);
    }

    [Theory]
    [InlineData("数量 4 , 062.04", "62.04")]            // a comma set apart on both sides separates two things
    [InlineData("x2 ,06.50", "6.50")]                   // two digits after the comma: no thousands group
    [InlineData("1234 ,567.00", "567.00")]             // four digits before it: no group either
    [InlineData("西药费 4 244.35", "244.35")]           // no sign before it: a count and a price
    [InlineData("¥4 244.3", "244.30")]                 // one decimal: no amount read whole
    [InlineData("¥1234 244.35", "244.35")]             // four digits before the space: no group
    public void A_spaced_comma_that_is_no_thousands_separator_does_not_join(string text, string last) =>
        Assert.Equal(last, AmountNormalizer.Format(AmountNormalizer.FindAll(text)[^1].Value));

    [Fact]
    public void A_Y_in_a_word_or_before_a_bare_integer_is_no_currency()
    {
        Assert.Empty(AmountNormalizer.FindAll("KEY12"));
        Assert.Null(Assert.Single(AmountNormalizer.FindAll("Y 2024")).Currency);
    }

    [Theory]
    [InlineData("习 ,521.92")]   // ¥1,521.92: sign and first digit merged into one glyph, the rest reads 521.92
    [InlineData("丰 6.52")]      // ¥66.52
    [InlineData(",607.62")]
    public void A_figure_that_lost_its_leading_digits_is_marked_damaged(string text) =>
        Assert.NotNull(AmountNormalizer.FindAll(text)[0].Damage);

    [Theory]
    [InlineData("护理费 231.00")]
    [InlineData("¥1,521.92")]
    [InlineData("TOTAL RM 9.00")]
    [InlineData("个人支付金额 : 1607.62")]
    public void An_item_name_or_a_label_before_a_figure_is_no_damage(string text) =>
        Assert.Null(AmountNormalizer.FindAll(text)[^1].Damage);
}

public class OcrTextRepairTests
{
    [Theory]
    [InlineData("2 型糖尿病", "2型糖尿病")]
    [InlineData("新华路 113 号 4 栋", "新华路113号4栋")]
    [InlineData("Type 2 diabetes", "Type 2 diabetes")]
    [InlineData("急性阑尾炎 K35.8", "急性阑尾炎 K35.8")]
    public void Spaces_beside_Chinese_characters_are_dropped(string text, string expected) =>
        Assert.Equal(expected, TextCleanup.RemoveSpacesBesideHan(text));

    [Theory]
    [InlineData("SITI THOMAS", "Siti Thomas")]
    [InlineData("O'NEIL-SMITH", "O'Neil-Smith")]
    [InlineData("James McDonald", "James McDonald")]
    [InlineData("黄明刚", "黄明刚")]
    [InlineData("ICU 3", "ICU 3")]
    public void Capitalised_latin_names_get_their_usual_spelling(string text, string expected) =>
        Assert.Equal(expected, TextCleanup.NameCase(text));

    [Theory]
    [InlineData("SARAH JACKSON ©", "SARAH JACKSON")]        // the card's texture read as a symbol
    [InlineData("JESSICA ‘TAYLOR", "JESSICA TAYLOR")]
    [InlineData("WE! LEE", "WEI LEE")]                      // ! for I in a word of capitals
    [InlineData("PR|YA WONG", "PRIYA WONG")]
    [InlineData("PRIYA | WONG", "PRIYA WONG")]              // a box rule between the words
    [InlineData("SARAH| JACKSON", "SARAH JACKSON")]         // a box rule against a word's end is no I
    [InlineData("J. O'NEIL-SMITH", "J. O'NEIL-SMITH")]      // points, apostrophes and hyphens are a name's own
    [InlineData("Hello! Kitty", "Hello Kitty")]             // in lower case ! is no I, only a mark
    [InlineData("”和孙平平", "和孙平平")]                    // no Chinese name starts or ends with a mark
    [InlineData("，郑嘉明", "郑嘉明")]
    [InlineData("阿依古丽·买买提", "阿依古丽·买买提")]        // the middle dot of a name is its own
    [InlineData("阿依古丽 · 买买提", "阿依古丽·买买提")]      // also read as a word of its own
    [InlineData("王芳(之子)", "王芳(之子)")]                  // brackets are not trimmed off one end
    [InlineData("杨玲艳 -", "杨玲艳")]                        // a rule beside a Chinese name read as a dash
    [InlineData("Rs 郭强玲 Rs", "郭强玲")]                   // texture read as letters on either side
    [InlineData("李文军 E 别 : 女", "李文军")]                // a word without Chinese ends the name
    [InlineData("欧阳 伟明", "欧阳伟明")]
    [InlineData("©", "©")]                                  // nothing left: unchanged
    public void A_latin_name_loses_the_marks_OCR_added(string text, string expected) =>
        Assert.Equal(expected, ClaimVision.Intelligence.Extraction.PersonName.WithoutStrayMarks(text));

    [Theory]
    [InlineData("参什壹佰臣拾玖元伍角肆分", "3129.54", true)]   // 叁仟壹佰贰拾玖元伍角肆分 with three glyphs misread
    [InlineData("叁仟壹佰贰拾玖元伍角肆分", "3129.54", true)]
    [InlineData("参什壹佰臣拾玖元伍角肆分 ¥3,129.54", "3129.54", true)] // the figure beside it and a stray quote mark are no part of it
    [InlineData("参什壹佰臣拾玖元伍角肆分 ”", "3129.54", true)]
    [InlineData("; 参什壹佰臣拾玖元伍角肆分", "3129.54", true)]          // a colon read as a semicolon before it
    [InlineData("參仟壹佰貳拾玖元伍角肆分", "3129.54", true)]            // traditional numerals are the same numerals
    [InlineData("参什壹佰伍拾玖元伍角肆分", "3129.54", false)]  // 伍 was read and contradicts 贰
    [InlineData("参什壹佰臣拾玖元伍角", "3129.54", false)]      // length differs: a character was lost
    [InlineData("会仁喜佰臣拾玖元伍角肆分", "3129.54", false)]  // too much unreadable to confirm anything
    [InlineData("壹什玖佰参抬伍元伍角址分", "1935.52", true)]   // 什 仟, 参 叁, 抬 拾 read as what they stand for: only 址 unreadable
    [InlineData("壹什玖佰参抬伍元伍角址分", "2935.52", false)]  // 壹 was read and contradicts 贰
    [InlineData("壹什玖佰参拾伍元伍角贰分", "1955.52", false)]  // 参 stands for 叁, never a glyph left unread: it contradicts 伍
    public void A_damaged_upper_case_amount_confirms_only_the_figure_it_can_still_be(string text, string value, bool expected) =>
        Assert.Equal(expected, ChineseAmount.Resembles(text, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("会什 | 陆佰起拾揭元玖角喜分", "3628.91", 1.0 / 3, false)] // four of twelve unreadable: too many to confirm a figure alone
    [InlineData("会什 | 陆佰起拾揭元玖角喜分", "3628.91", 0.5, true)]      // enough to tell a total's length (the bar is no glyph)
    [InlineData("会什 | 陆佰起拾揭元玖角喜分", "628.91", 0.5, false)]      // twelve characters are not 628.91's ten
    [InlineData("会仁喜佰臣拾揭元喜角肆分", "3129.54", 0.5, false)]        // half unreadable
    public void How_much_of_an_upper_case_amount_may_be_unreadable_is_the_callers_choice(string text, string value, double share, bool expected) =>
        Assert.Equal(expected, ChineseAmount.Resembles(text, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), share));
}
