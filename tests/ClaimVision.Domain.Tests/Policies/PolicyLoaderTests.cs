using ClaimVision.Domain.Policies;

namespace ClaimVision.Domain.Tests.Policies;

public class PolicyLoaderTests
{
    private static readonly string CnPath = Checkout.Path("samples", "policies", "cn-poverty-labour-inpatient.json");

    [Fact]
    public void The_chinese_sample_policy_loads_with_its_rules()
    {
        var p = PolicyLoader.Load(CnPath);
        Assert.Equal("cn-poverty-labour-inpatient", p.Id);
        Assert.Equal(ExpenseBasis.ResidualAfterBasicAndCritical, p.ExpenseBasis);
        Assert.Equal((18, 60), (p.Insurable.MinAge, p.Insurable.MaxAge));
        Assert.Equal(0.60m, p.Ratio.For("county"));
        Assert.Equal(0.50m, p.Ratio.For("unknown-level"));
        Assert.Equal(DeductiblePer.Claim, p.Deductible.Per);
        Assert.Contains(p.RequiredDocuments, r => r.AnyOf.Count == 2);
        Assert.Equal(0.85, p.Quality.ThresholdFor("totalAmount"));
        Assert.Equal(0.80, p.Quality.ThresholdFor("diagnosis"));
    }

    [Fact]
    public void The_english_sample_policy_loads()
    {
        var p = PolicyLoader.Load(Checkout.Path("samples", "policies", "us-outpatient-pharmacy.json"));
        Assert.Equal("USD", p.Currency);
        Assert.Equal(DeductiblePer.Year, p.Deductible.Per);
        Assert.Empty(p.Insurable.Regions);
    }

    [Fact]
    public void An_unknown_property_is_an_error_naming_file_and_path()
    {
        var text = File.ReadAllText(CnPath).Replace("\"perClaim\"", "\"perClaimm\"", StringComparison.Ordinal);
        var e = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(text, "my-policy.json"));
        Assert.Contains("my-policy.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("$.caps.perClaimm", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_required_property_is_an_error_naming_it()
    {
        var text = File.ReadAllText(CnPath).Replace("\"currency\": \"CNY\",", "", StringComparison.Ordinal);
        var e = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(text, "my-policy.json"));
        Assert.Contains("currency", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"county\": 0.60", "\"county\": 60", "$.ratio.byHospitalLevel.county")]
    [InlineData("\"minAge\": 18", "\"minAge\": 70", "$.insurable")]
    [InlineData("\"code\": \"522631\"", "\"code\": \"5226\"", "$.insurable.regions[0].code")]
    [InlineData("\"amount\": 300.00", "\"amount\": 300.005", "$.deductible.amount")]
    [InlineData("\"residual-after-basic-and-critical\"", "\"residual\"", "$.expenseBasis")]
    [InlineData("\"per\": \"claim\"", "\"per\": 0", "$.deductible.per")]
    public void Impossible_values_are_errors_naming_the_path(string find, string replace, string path)
    {
        var text = File.ReadAllText(CnPath);
        Assert.Contains(find, text, StringComparison.Ordinal);
        var e = Assert.Throws<PolicyException>(() => PolicyLoader.Parse(text.Replace(find, replace, StringComparison.Ordinal), "p.json"));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_a_policy_error()
    {
        var e = Assert.Throws<PolicyException>(() => PolicyLoader.Load("/nonexistent/policy.json"));
        Assert.Contains("/nonexistent/policy.json", e.Message, StringComparison.Ordinal);
    }
}
