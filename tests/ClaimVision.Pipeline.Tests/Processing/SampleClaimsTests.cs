using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Policies;
using ClaimVision.Pipeline.Processing;

namespace ClaimVision.Pipeline.Tests.Processing;

/// <summary>
/// Runs every shipped sample claim (samples/claims, copied beside the tests) through the real pipeline — OCR, the
/// committed classifier, the field extractors and the assessor — once, in directory order as <c>claimvision process
/// samples/claims/*</c> does (later claims see earlier ones as history), and checks each against its expected.json.
/// </summary>
public sealed class SampleClaimsFixture : IDisposable
{
    /// <summary>The samples' "today": after every sample's dates, inside the policies' year.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 31, 12, 0, 0, TimeSpan.Zero);

    public static string Root => Path.Combine(AppContext.BaseDirectory, "samples");
    public static string ClaimsDirectory => Path.Combine(Root, "claims");

    private readonly ProductionAnalyzer _analyzer;

    public SampleClaimsFixture()
    {
        var time = new FixedTime(Now);
        _analyzer = DocumentAnalyzerFactory.Create(new AnalyzerSettings
        {
            ModelsDirectory = Path.Combine(AppContext.BaseDirectory, DocumentAnalyzerFactory.ModelsFolder),
            Engines = 2,
            Time = time,
        });
        var processor = new ClaimProcessor(_analyzer,
            PolicyCatalog.Load([Path.Combine(Root, "policies")]),
            InsuredRegistry.Load(Path.Combine(Root, "registry", "insured.csv")),
            time);
        Outcomes = processor.ProcessAll(ClaimDirectories(), ClaimHistory.Empty)
            .ToDictionary(r => Path.GetFileName(r.Directory), r => r.Outcome ?? throw new InvalidOperationException($"{r.Directory}: {r.Error}"));
    }

    public IReadOnlyDictionary<string, ClaimOutcome> Outcomes { get; }

    public static IEnumerable<string> ClaimDirectories() =>
        Directory.EnumerateDirectories(ClaimsDirectory).Order(StringComparer.Ordinal);

    public void Dispose() => _analyzer.Dispose();
}

public sealed class SampleClaimsTests(SampleClaimsFixture fixture) : IClassFixture<SampleClaimsFixture>
{
    /// <summary>Every sample claim: each must match its expected.json end to end (12 of 12 since 2026-12-02).</summary>
    public static TheoryData<string> Claims() => [.. SampleClaimsFixture.ClaimDirectories().Select(Path.GetFileName).OfType<string>()];

    [Fact]
    public void Ships_at_least_a_dozen_sample_claims_each_with_an_expected_outcome()
    {
        var dirs = SampleClaimsFixture.ClaimDirectories().ToList();
        Assert.True(dirs.Count >= 12, $"only {dirs.Count} sample claims");
        Assert.All(dirs, d => Assert.NotNull(ExpectedOutcome.TryLoad(d)));
    }

    [Theory]
    [MemberData(nameof(Claims))]
    public void Sample_claim_gets_its_expected_decision_and_payable_amount(string claim)
    {
        var outcome = fixture.Outcomes[claim];
        var expected = ExpectedOutcome.TryLoad(outcome.Directory)!;
        var r = outcome.Recommendation;
        Assert.True(expected.Mismatch(r) is null,
            $"{claim}: {expected.Mismatch(r)}. Expected because: {expected.Reason}\nGot: {string.Join(" | ", r.Reasons)}");
    }

    [Fact]
    public void The_claim_with_a_corrupt_image_is_reviewed_naming_the_missing_document()
    {
        var outcome = fixture.Outcomes.Values.Single(o => o.Documents.Any(d => d.Failed));
        var r = outcome.Recommendation;
        Assert.Equal(Domain.Claims.Decision.Review, r.Decision);
        Assert.Contains(r.Reasons, reason => reason.Contains("出院小结", StringComparison.Ordinal));
        Assert.Contains(r.ReviewItems, item => item.FileName == outcome.Documents.Single(d => d.Failed).FileName);
    }
}
