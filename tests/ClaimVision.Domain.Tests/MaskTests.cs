using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Privacy;

namespace ClaimVision.Domain.Tests;

public class MaskTests
{
    [Theory]
    [InlineData("王小明", "王**")]
    [InlineData("欧阳娜娜", "欧***")]
    [InlineData("Jane Doe", "J*******")]
    [InlineData("李", "李*")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Names_keep_only_their_first_character(string? name, string expected) =>
        Assert.Equal(expected, Mask.Name(name));

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("A1234567", "****4567")]
    [InlineData("123", "***")]
    public void Id_numbers_keep_region_and_last_four(string id, string expected) =>
        Assert.Equal(expected, Mask.IdNumber(id));

    [Fact]
    public void A_masked_id_never_contains_the_birth_date()
    {
        var masked = Mask.IdNumber("11010519491231002X");
        Assert.DoesNotContain("19491231", masked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("张三身份证.jpg", "***.jpg")]
    [InlineData("110105194912310021.JPEG", "***.JPEG")]
    [InlineData("张三.身份证", "***")]                       // what follows a dot is no extension unless it is an image type's
    [InlineData("scan.110105194912310021", "***")]
    [InlineData(".jpg", "***")]
    [InlineData("scan", "***")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void File_names_keep_at_most_an_image_extension(string? name, string expected) =>
        Assert.Equal(expected, Mask.FileName(name));

    [Fact]
    public void A_message_about_a_file_masks_every_mention_of_its_name()
    {
        var masked = Mask.FileNameIn("张三身份证.jpg: not a JPEG, PNG or TIFF image (张三身份证.jpg starts with 'GIF8').", "张三身份证.jpg");
        Assert.Equal("***.jpg: not a JPEG, PNG or TIFF image (***.jpg starts with 'GIF8').", masked);
        Assert.Equal("Analysis failed.", Mask.FileNameIn("Analysis failed.", null));
        // A name that is part of a longer word is not masked there.
        Assert.Equal("***: not a JPEG (images are JPEG, PNG or TIFF)", Mask.FileNameIn("image: not a JPEG (images are JPEG, PNG or TIFF)", "image"));
    }

    [Theory]
    [InlineData("6216619956801875586", "621661*********5586")]
    [InlineData("4465 4294 3062 6433", "446542******6433")]
    [InlineData("6222-0202-0011-2233", "622202******2233")]
    [InlineData("123456789012", "********9012")]   // under 13 digits: no issuer prefix shown
    [InlineData("1234", "****")]
    [InlineData(null, "")]
    public void Card_numbers_keep_the_issuer_prefix_and_last_four(string? number, string expected) =>
        Assert.Equal(expected, Mask.CardNumber(number));

    [Theory]
    [InlineData(FieldNames.PatientName, "王小明", "王**")]
    [InlineData(FieldNames.PhysicianName, "Dr. Jane Doe", "D***********")]
    [InlineData(FieldNames.PatientIdNumber, "11010519491231002X", "110105********002X")]
    [InlineData(FieldNames.CardNumber, "6216619956801875586", "621661*********5586")]
    [InlineData(FieldNames.PatientBirthDate, "1949-12-31", "**********")]
    [InlineData(FieldNames.PatientAddress, "北京市朝阳区", "北*****")]
    [InlineData(FieldNames.TotalAmount, "8650.40", "8650.40")]      // not personal: as read
    [InlineData(FieldNames.InvoiceNumber, "NO.0012345", "NO.0012345")]
    public void A_field_value_is_masked_only_when_it_identifies_a_person(string field, string value, string expected) =>
        Assert.Equal(expected, Mask.FieldValue(field, value));
}
