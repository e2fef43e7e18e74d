using ClaimVision.Domain.Policies;

namespace ClaimVision.Domain.Tests.Policies;

public class PolicyCatalogTests
{
    [Fact]
    public void A_directory_of_policies_is_found_by_id()
    {
        var catalog = PolicyCatalog.Load([Checkout.Path("samples", "policies")]);
        Assert.Equal("USD", catalog.Get("us-outpatient-pharmacy").Currency);
        var e = Assert.Throws<PolicyException>(() => catalog.Get("nope"));
        Assert.Contains("cn-poverty-labour-inpatient", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalogue_path_that_does_not_exist_is_an_error_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), "claimvision-no-such-policies", "policies");
        var e = Assert.Throws<PolicyException>(() => PolicyCatalog.Load([missing]));
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_id_twice_is_an_error_naming_both_files()
    {
        var file = Checkout.Path("samples", "policies", "us-outpatient-pharmacy.json");
        var e = Assert.Throws<PolicyException>(() => PolicyCatalog.Load([Checkout.Path("samples", "policies"), file]));
        Assert.Contains("defined twice", e.Message, StringComparison.Ordinal);
    }
}
