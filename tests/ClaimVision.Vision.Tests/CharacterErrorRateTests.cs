using ClaimVision.Vision.Ocr;

namespace ClaimVision.Vision.Tests;

public class CharacterErrorRateTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("abc", "", 3)]
    [InlineData("合计金额", "合计全额", 1)]
    public void EditDistanceCountsInsertionsDeletionsAndSubstitutions(string a, string b, int expected) =>
        Assert.Equal(expected, CharacterErrorRate.EditDistance(a, b));

    [Fact]
    public void LayoutWhitespaceAndFullWidthPunctuationAreNotErrors() =>
        Assert.Equal(0, CharacterErrorRate.Compute("票据号码 : 0032817\n合 计", "票据号码：0032817 合计"));

    [Fact]
    public void RateIsDistanceOverExpectedLength() =>
        Assert.Equal(0.2, CharacterErrorRate.Compute("Totel", "Total"), 6);

    [Fact]
    public void NothingExpectedAndNothingReadIsPerfectSomethingReadIsWrong()
    {
        Assert.Equal(0, CharacterErrorRate.Compute(" ", ""));
        Assert.Equal(1, CharacterErrorRate.Compute("x", ""));
    }
}
