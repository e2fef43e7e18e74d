using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.DocumentTypes.BankCard;
using ClaimVision.Intelligence.Extraction;
using ClaimVision.Intelligence.Validation;
using static ClaimVision.Intelligence.Tests.Pages;

namespace ClaimVision.Intelligence.Tests.Extraction;

public sealed class BankCardExtractorTests
{
    private static readonly FieldExtractor Extractor = new(new FixedTime(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static FieldExtraction Card(params string[][] rows) => Extractor.Extract(DocumentType.BankCard, Doc(rows));

    private static string? N(FieldExtraction r, string field) => r.Fields.TryGetValue(field, out var f) ? f.Normalized : null;

    [Fact]
    public void An_english_card_without_labels_gives_every_field_by_its_shape()
    {
        var r = Card(
            Row("Citibank"),
            Row("4465 4294 3062 6433"),
            Row("er 06/31 j@350"),
            Row("SARAH JACKSON VISA"));

        Assert.Equal("4465429430626433", N(r, FieldNames.CardNumber));
        Assert.Equal("Citibank", N(r, FieldNames.BankName));
        Assert.Equal("2031-06", N(r, FieldNames.ExpiryDate));
        Assert.Equal("Sarah Jackson", N(r, FieldNames.PatientName));
        var number = r.Fields[FieldNames.CardNumber];
        Assert.Contains(number.Checks, c => c.Name == CardNumberCheck.Name && c.Passed);
        Assert.Equal("4465 4294 3062 6433", number.Value);
    }

    [Fact]
    public void A_chinese_card_reads_a_nineteen_digit_number_split_by_ocr_and_its_bank()
    {
        var r = Card(
            Row("中国工商银行"),
            Row("622202 9968076 836898"),
            Row("VALID THRU 09/28@350"),
            Row("银联 UnionPay@600"));

        Assert.Equal("6222029968076836898", N(r, FieldNames.CardNumber));
        Assert.Equal("中国工商银行", N(r, FieldNames.BankName));
        Assert.Equal("2028-09", N(r, FieldNames.ExpiryDate));
        Assert.Null(N(r, FieldNames.PatientName));
    }

    [Fact]
    public void A_misread_digit_fails_the_luhn_check_and_lowers_the_confidence()
    {
        var good = Card(Row("4003 4442 8355 9911")).Fields[FieldNames.CardNumber];
        var misread = Card(Row("4063 4442 8355 9911")).Fields[FieldNames.CardNumber];

        Assert.Equal("4063444283559911", misread.Normalized);
        Assert.Contains(misread.Checks, c => c.Name == CardNumberCheck.Name && !c.Passed);
        Assert.True(misread.Confidence < 0.5 * good.Confidence, $"{misread.Confidence} vs {good.Confidence}");
    }

    [Fact]
    public void A_number_that_passes_the_check_is_preferred_to_one_that_does_not()
    {
        var r = Card(Row("4003 4442 8355 9912"), Row("4003 4442 8355 9911"));
        Assert.Equal("4003444283559911", N(r, FieldNames.CardNumber));
    }

    [Theory]
    [InlineData("4465 4294 3062", null)]                 // twelve digits: a group lost
    [InlineData("4465 4201 4 和 52 4041", null)]          // a glyph inside the number
    [InlineData("6216619956801875586 2031", null)]       // twenty-three digits: no single card
    [InlineData("6216-6199-5680-1875-586", "6216619956801875586")]
    public void Only_a_whole_number_of_13_to_19_digits_is_a_card_number(string line, string? expected) =>
        Assert.Equal(expected, N(Card(Row(line)), FieldNames.CardNumber));

    [Theory]
    [InlineData("mau 03/26", "2026-03")]
    [InlineData("VALID THRU 11/2029", "2029-11")]
    [InlineData("rary 93/26", "2026-03")]    // the dotted zero read as 9
    [InlineData("vauo 3/26", "2026-03")]     // the zero lost
    [InlineData("= 65/28", "2028-05")]       // the dotted zero read as 6
    [InlineData("部 63/27", "2027-03")]
    [InlineData("各 16/27", "2027-10")]       // ... as the second digit
    [InlineData("= 13/28", null)]            // no zero look-alike: no month 13
    [InlineData("ee 16/27/", null)]
    public void Expiry_month(string line, string? expected) =>
        Assert.Equal(expected, N(Card(Row("4465 4294 3062 6433"), Row(line + "@350")), FieldNames.ExpiryDate));

    [Fact]
    public void An_expiry_month_read_as_printed_goes_before_a_later_one_mended_from_a_misread_zero() =>
        Assert.Equal("2026-03", N(Card(Row("4465 4294 3062 6433"), Row("03/26@350"), Row("19/26@350")), FieldNames.ExpiryDate));

    [Fact]
    public void An_expiry_read_with_a_repaired_month_is_trusted_less()
    {
        var clean = Card(Row("4465 4294 3062 6433"), Row("03/26@350")).Fields[FieldNames.ExpiryDate];
        var repaired = Card(Row("4465 4294 3062 6433"), Row("93/26@350")).Fields[FieldNames.ExpiryDate];
        Assert.True(repaired.Confidence < clean.Confidence);
        var six = Card(Row("4465 4294 3062 6433"), Row("63/26@350")).Fields[FieldNames.ExpiryDate];
        Assert.Equal(repaired.Confidence, six.Confidence);
    }

    [Theory]
    [InlineData("召商银行", "召商银行")]           // one glyph off two known banks (招商, 浙商): kept as read
    [InlineData("中国农亚银行", "中国农业银行")]    // one glyph off one known bank: folded to it
    [InlineData("Barik of America", "Bank of America")]
    [InlineData("Wells Fargo ~", "Wells Fargo")]
    [InlineData("Hong Leong Bank", "Hong Leong Bank")]
    [InlineData("宁波鄞州农村合作银行", "宁波鄞州农村合作银行")] // unknown, but a 银行 name
    [InlineData("First Valley Bank", "First Valley Bank")]
    public void Bank_name(string line, string expected) =>
        Assert.Equal(expected, N(Card(Row(line), Row("4465 4294 3062 6433")), FieldNames.BankName));

    [Theory]
    [InlineData("Bank")]
    [InlineData("mastercard")]
    [InlineData("银联 UnionPay")]
    public void No_bank_from_a_network_name_or_a_lone_word(string line) =>
        Assert.Null(N(Card(Row(line), Row("4465 4294 3062 6433")), FieldNames.BankName));

    [Theory]
    [InlineData("ELIZABETH SMITH mastercard", "Elizabeth Smith")]
    [InlineData("NANCY RODRIGUEz mastercard", "Nancy Rodriguez")]
    [InlineData("\"ELIZABETH WILSON", "Elizabeth Wilson")]
    [InlineData("DANIEL O'BRIEN mastercard", "Daniel O'Brien")]
    [InlineData("DAVID R@BRIGUEZ", null)]       // a name not read whole is no name
    [InlineData("VALID THRU", null)]
    [InlineData("MICHAEL", null)]
    public void Holder_name_below_the_number(string line, string? expected) =>
        Assert.Equal(expected, N(Card(Row("Chase"), Row("4465 4294 3062 6433"), Row(line)), FieldNames.PatientName));

    [Theory]
    [InlineData("MARY SMITH-JONES VISA", "Mary Smith-Jones")]
    [InlineData("MR JOHN SMITH", "John Smith")]
    public void Holder_names_with_hyphens_and_titles(string line, string expected) =>
        Assert.Equal(expected, N(Card(Row("Chase"), Row("4465 4294 3062 6433"), Row(line)), FieldNames.PatientName));

    [Fact]
    public void Member_since_is_no_holder()
    {
        var r = Card(Row("FIRST VALLEY BANK"), Row("4465 4294 3062 6433"), Row("MEMBER SINCE@40", "2019@400"), Row("JOHN SMITH"));
        Assert.Equal("John Smith", N(r, FieldNames.PatientName));
        Assert.Equal("FIRST VALLEY BANK", N(r, FieldNames.BankName));
    }

    [Fact]
    public void A_card_printing_valid_from_and_thru_expires_in_the_later_month()
    {
        var r = Card(Row("4465 4294 3062 6433"), Row("VALID FROM 08/21@100", "THRU 08/26@500"));
        Assert.Equal("2026-08", N(r, FieldNames.ExpiryDate));
    }

    [Fact]
    public void Without_a_card_number_no_line_is_taken_for_the_holder()
    {
        var r = Card(Row("FOR LOST OR STOLEN"), Row("CALL CUSTOMER SERVICE"));
        Assert.Null(N(r, FieldNames.PatientName));
    }

    [Fact]
    public void A_social_security_card_number_label_does_not_cut_the_name_before_it()
    {
        var r = Extractor.Extract(DocumentType.InsuranceCard, Doc(Row("姓名 张三 医保卡号 A12345678")));
        Assert.Equal("张三", N(r, FieldNames.PatientName));
    }

    [Fact]
    public void A_name_above_the_number_is_not_the_holder()
    {
        var r = Card(Row("PLATINUM REWARDS"), Row("JOHN SMITH"), Row("4465 4294 3062 6433"));
        Assert.Null(N(r, FieldNames.PatientName));
    }

    [Fact]
    public void A_claim_form_reads_the_account_to_pay_by_its_labels()
    {
        var r = Extractor.Extract(DocumentType.ClaimForm, Doc(
            Row("理赔申请书"),
            Row("被保险人：张三"),
            Row("开户银行：中国建设银行", "银行账号：6217 0049 4525 2120 270@600"),
            Row("申请日期：2024-03-20")));

        Assert.Equal("中国建设银行", N(r, FieldNames.BankName));
        Assert.Equal("6217004945252120270", N(r, FieldNames.CardNumber));
        Assert.Contains(r.Fields[FieldNames.CardNumber].Checks, c => c.Name == CardNumberCheck.Name);
        Assert.Equal("张三", N(r, FieldNames.PatientName));
    }

    [Theory]
    [InlineData("中国农业银行", "中国农业银行")]
    [InlineData("中国 农业银行", "中国农业银行")]   // spaces are no part of a name
    [InlineData("CHASE", "Chase")]
    [InlineData("Citibamk", "Citibank")]
    [InlineData("Chest", null)]                    // two edits from Chase: too far for a five-letter name
    [InlineData("中信银行", "中信银行")]
    [InlineData("中X银行", null)]                   // one glyph off both 中国银行 and 中信银行
    public void Known_bank_names(string read, string? expected) => Assert.Equal(expected, BankNames.Match(read));
}
