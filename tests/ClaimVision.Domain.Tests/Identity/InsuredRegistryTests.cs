using ClaimVision.Domain.Identity;

namespace ClaimVision.Domain.Tests.Identity;

public class InsuredRegistryTests
{
    private const string Header = "name,idNumber,birthDate,householdId,countyCode,policyId,from,to\n";

    [Fact]
    public void The_sample_registry_loads_and_looks_people_up_by_id_and_household()
    {
        var registry = InsuredRegistry.Load(Checkout.Path("samples", "registry", "insured.csv"));
        var entry = registry.Find("522631197803150428", "cn-poverty-labour-inpatient");
        Assert.NotNull(entry);
        Assert.Equal("杨秀英", entry.Name);
        Assert.Equal(new DateOnly(1978, 3, 15), entry.BirthDate);
        Assert.Equal("insured.csv line 2", entry.Source);
        Assert.Equal(["王建军", "王秀兰"], registry.ByHousehold("HH-522634-0005").Select(e => e.Name).Order());
        Assert.Null(registry.Find("522631197803150428", "us-outpatient-pharmacy"));
        Assert.Single(registry.ByIdNumber("usm-100234"));
    }

    [Fact]
    public void A_wrong_check_digit_is_an_error_naming_file_and_line_without_the_number()
    {
        var e = Assert.Throws<RegistryException>(() => InsuredRegistry.Parse(Header +
            "杨秀英,522631197803150428,1978-03-15,HH-1,522631,p,2026-01-01,2026-12-31\n" +
            "吴国华,522632198507020170,1985-07-02,HH-2,522632,p,2026-01-01,2026-12-31\n", "reg.csv"));
        Assert.Contains("'reg.csv' line 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("check digit", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("198507020170", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("杨秀英,522631197803150428,1978-03-16,HH-1,522631,p,2026-01-01,2026-12-31", "disagrees with the birth date")]
    [InlineData("杨秀英,522631197803150428,1978-03-15,HH-1,5226,p,2026-01-01,2026-12-31", "countyCode")]
    [InlineData("杨秀英,522631197803150428,1978-03-15,HH-1,522631,p,2026-12-01,2026-01-31", "'from' is after 'to'")]
    [InlineData("杨秀英,522631197803150428,1978-03-15,HH-1,522631,p,2026-01-01", "7 columns")]
    [InlineData("杨秀英,522631197803150428,15/03/1978,HH-1,522631,p,2026-01-01,2026-12-31", "birthDate '**********' is not a date")]
    [InlineData("杨秀英,522631197803150428,1978-03-15,HH-1,522631,p,1/1/2026,2026-12-31", "from '1/1/2026' is not a date")]
    public void Bad_rows_are_specific_errors(string row, string expected)
    {
        var e = Assert.Throws<RegistryException>(() => InsuredRegistry.Parse(Header + row, "reg.csv"));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    // Registry errors stop a host at start-up and reach its log: a birth date in them is personal data, as in reasons.
    [Theory]
    [InlineData("杨秀英,522631197803150428,1978-03-16,HH-1,522631,p,2026-01-01,2026-12-31", "1978-03-16")]
    [InlineData("杨秀英,522631197803150428,15/03/1978,HH-1,522631,p,2026-01-01,2026-12-31", "15/03/1978")]
    public void Errors_about_a_birth_date_do_not_quote_it(string row, string birthDate)
    {
        var e = Assert.Throws<RegistryException>(() => InsuredRegistry.Parse(Header + row, "reg.csv"));
        Assert.DoesNotContain(birthDate, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("19780315", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_header_is_an_error()
    {
        var e = Assert.Throws<RegistryException>(() => InsuredRegistry.Parse("name,id\n", "reg.csv"));
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
    }
}
