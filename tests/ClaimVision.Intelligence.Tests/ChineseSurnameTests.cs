using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Validation;
using static ClaimVision.Intelligence.Tests.Pages;

namespace ClaimVision.Intelligence.Tests;

public class ChineseSurnameTests
{
    [Theory]
    [InlineData("梁海", true)]
    [InlineData("欧阳娜娜", true)]    // compound surname
    [InlineData("司马志", true)]
    [InlineData("深海", false)]       // 梁 misread as 深
    [InlineData("证芳", false)]       // 唐 misread as 证
    public void A_chinese_name_is_doubted_when_it_does_not_start_with_a_common_surname(string name, bool passed)
    {
        var check = ChineseSurname.Check(name);
        Assert.NotNull(check);
        Assert.Equal(passed, check.Passed);
        Assert.DoesNotContain(name[0], check.Message); // checks are logged: no character of the name in the message
    }

    [Theory]
    [InlineData("Siti Moore")]  // Latin names are not judged
    [InlineData("王")]          // one character is no full name
    [InlineData("司马")]        // a compound surname alone is no name either: judged as 司 + 马
    public void Only_chinese_names_of_two_to_four_characters_are_judged(string name)
    {
        var check = ChineseSurname.Check(name);
        Assert.True(check is null || check.Passed, check?.Message);
    }

    [Fact]
    public void A_doubted_surname_lowers_the_names_confidence_but_keeps_the_name()
    {
        var extractor = new FieldExtractor();
        ExtractedField Name(string name) => extractor.Extract(DocumentType.OutpatientInvoice, Doc(
            Row("医疗门诊收费票据 (电子 )"),
            Row($"姓名 : {name}", "性别 : 女@400"))).Fields[FieldNames.PatientName];
        var clean = Name("梁海");
        var doubted = Name("深海");
        Assert.Equal("深海", doubted.Normalized);
        Assert.Contains(doubted.Checks, c => c.Name == ChineseSurname.CommonSurname && !c.Passed);
        Assert.Contains(clean.Checks, c => c.Name == ChineseSurname.CommonSurname && c.Passed);
        Assert.True(doubted.Confidence < clean.Confidence * 0.6, $"{doubted.Confidence} vs {clean.Confidence}");
    }
}
