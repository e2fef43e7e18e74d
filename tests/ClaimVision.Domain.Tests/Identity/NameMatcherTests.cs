using ClaimVision.Domain.Identity;

namespace ClaimVision.Domain.Tests.Identity;

public class NameMatcherTests
{
    [Theory]
    [InlineData("杨秀英", "杨秀英", NameMatch.Same)]
    [InlineData("杨 秀 英", "杨秀英", NameMatch.Same)]
    [InlineData("阿依古丽·买买提", "阿依古丽买买提", NameMatch.Same)]
    [InlineData("JOHN CARTER", "John Carter", NameMatch.Same)]
    [InlineData("Ｊｏｈｎ Carter", "John Carter", NameMatch.Same)]
    [InlineData("扬秀英", "杨秀英", NameMatch.Confusable)]
    [InlineData("玉建军", "王建军", NameMatch.Confusable)]
    [InlineData("Wi1son", "Wilson", NameMatch.Confusable)]
    [InlineData("杨秀梅", "杨秀英", NameMatch.Different)]
    [InlineData("扬秀荚", "杨秀英", NameMatch.Different)]
    [InlineData("玉建车", "王建军", NameMatch.Different)] // two look-alikes exceed the default tolerance of one
    [InlineData("杨秀", "杨秀英", NameMatch.Different)]
    [InlineData("", "杨秀英", NameMatch.Different)]
    public void Names_compare_allowing_one_ocr_look_alike(string read, string registered, NameMatch expected) =>
        Assert.Equal(expected, NameMatcher.Compare(read, registered));
}
