using ClaimVision.Domain.Privacy;

namespace ClaimVision.Domain.Tests;

public class PersonalDataScrubberTests
{
    [Theory]
    [InlineData("Insured 11010519491231002X not found in the registry.", "Insured 110105********002X not found in the registry.")]
    [InlineData("ID 522631197803150428, claim CLM-1", "ID 522631********0428, claim CLM-1")]
    [InlineData("52260119900405051x", "522601********051x")]                  // lower-case x, the whole text
    [InlineData("身份证号522631197803150428有误", "身份证号522631********0428有误")]  // Chinese text runs into numbers without spaces
    [InlineData("a: 11010519491231002X; b: 522631197803150428", "a: 110105********002X; b: 522631********0428")]
    public void A_valid_resident_id_is_masked_to_its_region_and_last_four(string text, string expected) =>
        Assert.Equal(expected, PersonalDataScrubber.Scrub(text));

    [Fact]
    public void A_full_width_resident_id_is_masked_too() =>
        Assert.Equal("ID ５２２６３１********０４２８.", PersonalDataScrubber.Scrub("ID ５２２６３１１９７８０３１５０４２８."));

    [Theory]
    [InlineData("110105194912310021")]   // the check character should be X
    [InlineData("522631197803150429")]   // one digit off: the check digit catches it
    [InlineData("522631197802300428")]   // 30 February
    public void An_id_that_fails_its_check_is_left(string id)
    {
        var text = $"File {id}.jpg could not be read.";
        Assert.Same(text, PersonalDataScrubber.Scrub(text));
    }

    /// <summary>An ID glued to a label or a file name is still an ID: letters around a number do not protect it.</summary>
    [Theory]
    [InlineData("ABC11010519491231002X", "ABC110105********002X")]
    [InlineData("522631197803150428.jpg could not be read", "522631********0428.jpg could not be read")]
    [InlineData("id=522631197803150428&x", "id=522631********0428&x")]
    public void An_id_run_into_letters_is_masked(string text, string expected) =>
        Assert.Equal(expected, PersonalDataScrubber.Scrub(text));

    [Theory]
    [InlineData("Invoice 00123456789012345678 totals 8650.40 CNY")]
    [InlineData("Amount 12345678.90, paid 2024-03-15, due 2024-04-15T10:30:00+08:00")]
    [InlineData("Claim 3f2504e0-4f89-11d3-9a0c-0305e82c3301 (CLM-20240315-0001) queued")]
    [InlineData("Order 4465-4294-3062-6433-1234 grouped in five")]      // five groups of four: no card, whatever its parts
    [InlineData("15-digit first-generation ID 110105491231002 is not recognised")]
    public void Other_numbers_are_left(string text) =>
        Assert.Same(text, PersonalDataScrubber.Scrub(text));

    [Fact]
    public void A_20_digit_number_is_left_though_it_holds_an_id_and_a_card_number()
    {
        // Its first 18 digits are a valid ID and its last 19 pass the Luhn check: neither is a number of its own.
        const string invoice = "52263119780315042801";
        Assert.True(ClaimVision.Domain.Identity.ResidentId.TryParse(invoice[..18], out _, out _));
        Assert.True(ClaimVision.Domain.Payments.PaymentCard.PassesLuhn(invoice.AsSpan(1)));
        var text = $"Invoice No. {invoice} totals 8650.40 CNY";

        Assert.Same(text, PersonalDataScrubber.Scrub(text));
    }

    [Theory]
    [InlineData("Card 4465 4294 3062 6433 declined", "Card 446542******6433 declined")]
    [InlineData("Card 4465-4294-3062-6433.", "Card 446542******6433.")]
    [InlineData("Card 4465429430626433", "Card 446542******6433")]
    [InlineData("卡号6216619956801875586", "卡号621661*********5586")]                     // 19 digits
    [InlineData("account 6216 6199 5680 1875 586 at 中国银行", "account 621661*********5586 at 中国银行")] // 4-4-4-4-3
    public void A_luhn_valid_card_number_is_masked(string text, string expected) =>
        Assert.Equal(expected, PersonalDataScrubber.Scrub(text));

    [Theory]
    [InlineData("Card 4465 4294 3062 6434 declined")]
    [InlineData("Card 4465429430626434")]
    [InlineData("Card 4465 4294-3062 6433")]   // mixed separators: not one grouped number
    public void A_card_number_that_fails_the_luhn_check_or_grouping_is_left(string text) =>
        Assert.Same(text, PersonalDataScrubber.Scrub(text));

    [Theory]
    [InlineData("Bus started on rabbitmq://localhost/")]
    [InlineData("Claim CLM-42 has 3 documents, 1234 5678 pages")]
    [InlineData("")]
    public void Text_without_a_long_number_is_returned_as_the_same_instance(string text) =>
        Assert.Same(text, PersonalDataScrubber.Scrub(text));

    [Fact]
    public void Null_gives_empty() => Assert.Equal("", PersonalDataScrubber.Scrub(null));

    [Fact]
    public void Scrubbing_twice_changes_nothing_more()
    {
        var once = PersonalDataScrubber.Scrub("11010519491231002X and 4465 4294 3062 6433");
        Assert.Same(once, PersonalDataScrubber.Scrub(once));
    }
}
