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

    [Fact]
    public void LineMatchedCerIgnoresLineOrderAndUnexpectedLines()
    {
        const string expected = "TOTAL 9.00\nCASHIER\n: HASSAN\n01/02/2018";
        const string read = "01/02/2018\n*****\nCASHIER : HASSAN\nTOTAL 9.00";
        Assert.Equal(0, CharacterErrorRate.LineMatched(read, expected));
        Assert.True(CharacterErrorRate.Compute(read, expected) > 0.3);
    }

    [Fact]
    public void LineMatchedCerCountsMisreadAndMissingLines()
    {
        // "TOTEL" is one substitution in 5 + 4 expected characters; the missing "9.00" costs its 4.
        Assert.Equal(1.0 / 9, CharacterErrorRate.LineMatched("TOTEL\n9.00", "TOTAL\n9.00"), 6);
        Assert.Equal(4.0 / 9, CharacterErrorRate.LineMatched("TOTAL", "TOTAL\n9.00"), 6);
        Assert.Equal(1, CharacterErrorRate.LineMatched("", "TOTAL"));
    }

    [Theory]
    [InlineData("abc", "xxabcxx", 0)]
    [InlineData("abc", "xxabxx", 1)]
    [InlineData("abc", "", 3)]
    public void SubstringEditDistanceLeavesSurroundingTextFree(string pattern, string text, int expected) =>
        Assert.Equal(expected, CharacterErrorRate.SubstringEditDistance(pattern, text));
}
