using ClaimVision.Domain.Identity;
using FsCheck;
using FsCheck.Fluent;

namespace ClaimVision.Domain.Tests.Identity;

public class ResidentIdTests
{
    [Theory]
    [InlineData("11010519491231002X", "110105", 1949, 12, 31)] // GB 11643's own example, check character X
    [InlineData("522631197803150428", "522631", 1978, 3, 15)]
    [InlineData("52260119900405051x", "522601", 1990, 4, 5)]   // lower-case x is accepted
    [InlineData("５２２６３１１９７８０３１５０４２８", "522631", 1978, 3, 15)] // full-width digits as OCR sometimes returns them
    public void Valid_numbers_yield_region_and_birth_date(string text, string region, int y, int m, int d)
    {
        Assert.True(ResidentId.TryParse(text, out var id, out var error), error);
        Assert.Equal(region, id!.RegionCode);
        Assert.Equal(new DateOnly(y, m, d), id.BirthDate);
    }

    [Theory]
    [InlineData("522631197803150429", "check digit")]
    [InlineData("52263119780315042", "17 characters")]
    [InlineData("522631197802300428", "birth date")]
    [InlineData("52263119780315O428", "not a digit")]
    public void Invalid_numbers_say_which_rule_failed(string text, string expected)
    {
        Assert.False(ResidentId.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_single_character_misread_is_caught_by_the_check_digit()
    {
        const string valid = "522631197803150428";
        var gen = Gen.Choose(0, 16).SelectMany(pos => Gen.Choose(1, 9).Select(delta => (pos, delta)));
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var chars = valid.ToCharArray();
            chars[t.pos] = (char)('0' + (chars[t.pos] - '0' + t.delta) % 10);
            return !ResidentId.TryParse(new string(chars), out _, out _);
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("1978-03-15", "2026-03-14", 47)]
    [InlineData("1978-03-15", "2026-03-15", 48)]
    [InlineData("2008-02-29", "2026-02-28", 17)]
    [InlineData("2008-02-29", "2026-03-01", 18)]
    public void Age_counts_full_years(string birth, string day, int age) =>
        Assert.Equal(age, ResidentId.AgeOn(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("520000", "522631", true)]
    [InlineData("522600", "522631", true)]
    [InlineData("522631", "522631", true)]
    [InlineData("522631", "522632", false)]
    [InlineData("522600", "522731", false)]
    [InlineData("510000", "522631", false)]
    [InlineData("52263", "522631", false)]
    public void Region_codes_cover_their_subdivisions(string area, string code, bool covered) =>
        Assert.Equal(covered, RegionCode.Covers(area, code));
}
