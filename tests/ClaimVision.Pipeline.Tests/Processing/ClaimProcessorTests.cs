using System.Text;
using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Policies;
using ClaimVision.Intelligence;
using ClaimVision.Pipeline.Processing;
using ClaimVision.Pipeline.Storage;
using Microsoft.Data.Sqlite;

namespace ClaimVision.Pipeline.Tests.Processing;

public sealed class ClaimProcessorTests : IDisposable
{
    private const string Id = PneumoniaStay.IdNumber;
    private readonly string _root = Directory.CreateTempSubdirectory("claimvision-process-").FullName;

    private static readonly PolicyCatalog Policies = PolicyCatalog.Load([Checkout.Path("samples", "policies")]);
    private static readonly InsuredRegistry Registry = InsuredRegistry.Load(Checkout.Path("samples", "registry", "insured.csv"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void A_claim_directory_is_analysed_and_assessed()
    {
        var dir = WriteClaim("CLM-1", "invoice.jpg", "expenses.jpg", "settlement.jpg", "discharge.jpg");
        var analyzer = new CannedAnalyzer();
        var outcome = Processor(analyzer).Process(dir, ClaimHistory.Empty);

        // The documents are analysed side by side, so in any order; the outcome lists them in name order.
        string[] files = ["discharge.jpg", "expenses.jpg", "invoice.jpg", "settlement.jpg"];
        Assert.Equal(files, analyzer.Seen.Order(StringComparer.Ordinal));
        Assert.Equal(files, outcome.Documents.Select(d => d.FileName));
        Assert.Equal(Decision.Partial, outcome.Recommendation.Decision);
        Assert.Equal(2022.12m, outcome.Recommendation.PayableAmount);
        Assert.Equal("canned-1", outcome.Recommendation.ModelVersions["classifier"]);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), outcome.Recommendation.CreatedAt);
        Assert.All(outcome.Documents, d => Assert.Equal(64, d.Sha256.Length));
    }

    [Fact]
    public void A_corrupt_image_yields_review_naming_it()
    {
        var dir = WriteClaim("CLM-2", "invoice.jpg", "expenses.jpg", "settlement.jpg", "discharge.jpg");
        var outcome = Processor(new CannedAnalyzer { Corrupt = "settlement.jpg" }).Process(dir, ClaimHistory.Empty);
        Assert.Equal(Decision.Review, outcome.Recommendation.Decision);
        Assert.Contains(outcome.Recommendation.ReviewItems, i => i.FileName == "settlement.jpg");
        Assert.Contains(outcome.Recommendation.Reasons, r => r.Contains("settlement.jpg", StringComparison.Ordinal));
    }

    [Fact]
    public void An_analyzer_that_throws_fails_the_document_not_the_claim()
    {
        var dir = WriteClaim("CLM-3", "invoice.jpg", "expenses.jpg", "settlement.jpg", "discharge.jpg");
        var outcome = Processor(new CannedAnalyzer { Throws = "expenses.jpg" }).Process(dir, ClaimHistory.Empty);
        var failed = Assert.Single(outcome.Documents, d => d.Failed);
        Assert.Equal("analysis-failed", failed.Error!.Code);
        Assert.Equal(Decision.Review, outcome.Recommendation.Decision);
    }

    [Fact]
    public void A_listed_document_that_does_not_exist_is_a_failed_document()
    {
        var dir = WriteClaim("CLM-4", "invoice.jpg", "expenses.jpg", "settlement.jpg", "discharge.jpg");
        File.WriteAllText(Path.Combine(dir, "claim.json"), ClaimJsonText("CLM-4", "\"documents\": [\"invoice.jpg\", \"expenses.jpg\", \"settlement.jpg\", \"discharge.jpg\", \"missing.jpg\"],"));
        var outcome = Processor(new CannedAnalyzer()).Process(dir, ClaimHistory.Empty);
        Assert.Equal("unreadable-file", Assert.Single(outcome.Documents, d => d.Failed).Error!.Code);
        Assert.Equal(Decision.Review, outcome.Recommendation.Decision);
    }

    [Fact]
    public void A_second_claim_with_the_same_invoice_in_one_run_is_a_duplicate()
    {
        var first = WriteClaim("CLM-5", "invoice.jpg", "expenses.jpg", "settlement.jpg", "discharge.jpg");
        var second = WriteClaim("CLM-6", "invoice.jpg", "expenses.jpg", "settlement.jpg", "discharge.jpg", salt: "again");
        var results = Processor(new CannedAnalyzer()).ProcessAll([first, second], ClaimHistory.Empty).ToList();
        Assert.Equal(Decision.Partial, results[0].Outcome!.Recommendation.Decision);
        var again = results[1].Outcome!.Recommendation;
        Assert.Equal(Decision.Reject, again.Decision);
        Assert.Contains("CLM-5", again.Reasons[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claims_recorded_in_a_claim_store_by_one_run_are_history_for_the_next_and_are_not_recorded_twice()
    {
        var first = WriteClaim("CLM-5", "invoice.jpg", "expenses.jpg", "settlement.jpg", "discharge.jpg");
        var second = WriteClaim("CLM-6", "invoice.jpg", "expenses.jpg", "settlement.jpg", "discharge.jpg", salt: "again");
        var database = $"Data Source={Path.Combine(_root, "claims.db")}";

        var run1 = await ProcessInNewStoreAsync(database, first);
        var run2 = await ProcessInNewStoreAsync(database, second, first);

        Assert.Equal(Decision.Partial, run1[0].Recommendation.Decision);
        Assert.False(run1[0].RecordedEarlier);
        var again = run2[0].Recommendation;
        Assert.Equal(Decision.Reject, again.Decision);
        Assert.Contains("CLM-5", again.Reasons[0], StringComparison.Ordinal);
        Assert.True(run2[1].RecordedEarlier);
        Assert.Equal(run1[0].Recommendation.PayableAmount, run2[1].Recommendation.PayableAmount);
        var store = new SqliteClaimStore(database);
        Assert.Equal(DocumentStatus.Analyzed, Assert.Single((await store.GetClaimAsync("CLM-5"))!.Documents, d => d.FileName == "invoice.jpg").Status);
        var history = await store.FindHistoryAsync(new HistoryLookup("CLM-7", Id, "cn-poverty-labour-inpatient", 2026, [], []));
        Assert.Equal(["CLM-5"], history.Claims.Select(c => c.ClaimId));
    }

    /// <summary>One run of the processor over a store opened afresh, as one `process --data` invocation.</summary>
    private static async Task<List<ClaimOutcome>> ProcessInNewStoreAsync(string database, params string[] directories)
    {
        var store = new SqliteClaimStore(database);
        await store.InitializeAsync();
        var outcomes = new List<ClaimOutcome>();
        await foreach (var (_, outcome, error) in Processor(new CannedAnalyzer()).ProcessAllAsync(directories, store))
            outcomes.Add(outcome ?? throw new InvalidOperationException(error));
        return outcomes;
    }

    [Fact]
    public void A_bad_claim_file_is_a_specific_error_and_the_other_claims_still_run()
    {
        var bad = Path.Combine(_root, "bad");
        Directory.CreateDirectory(bad);
        File.WriteAllText(Path.Combine(bad, "claim.json"), "{ \"claimId\": \"X\", \"policy\": \"p\" }");
        var good = WriteClaim("CLM-7", "invoice.jpg", "expenses.jpg", "settlement.jpg", "discharge.jpg");
        var results = Processor(new CannedAnalyzer()).ProcessAll([bad, Path.Combine(_root, "nowhere"), good], ClaimHistory.Empty).ToList();
        Assert.Contains("claim.json", results[0].Error, StringComparison.Ordinal);
        Assert.Contains("'policy'", results[0].Error, StringComparison.Ordinal);
        Assert.Contains("no claim.json", results[1].Error, StringComparison.Ordinal);
        Assert.NotNull(results[2].Outcome);
    }

    [Fact]
    public void An_unknown_policy_is_an_error_naming_the_known_ones()
    {
        var dir = WriteClaim("CLM-8", "invoice.jpg");
        File.WriteAllText(Path.Combine(dir, "claim.json"), ClaimJsonText("CLM-8", "", policy: "no-such-policy"));
        var e = Assert.Throws<ClaimDirectoryException>(() => Processor(new CannedAnalyzer()).Process(dir, ClaimHistory.Empty));
        Assert.Contains("no-such-policy", e.Message, StringComparison.Ordinal);
        Assert.Contains("us-outpatient-pharmacy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_expected_outcome_is_compared_with_the_recommendation()
    {
        var dir = WriteClaim("CLM-9", "invoice.jpg", "expenses.jpg", "settlement.jpg", "discharge.jpg");
        var outcome = Processor(new CannedAnalyzer()).Process(dir, ClaimHistory.Empty);
        Assert.Null(ExpectedOutcome.TryLoad(dir));

        File.WriteAllText(Path.Combine(dir, ExpectedOutcome.FileName), """{ "decision": "partial", "payableAmount": 2022.12, "note": "county hospital, 60 %" }""");
        Assert.Null(ExpectedOutcome.TryLoad(dir)!.Mismatch(outcome.Recommendation));

        File.WriteAllText(Path.Combine(dir, ExpectedOutcome.FileName), """{ "decision": "approve", "payableAmount": 3670.20 }""");
        Assert.Equal("decision partial, expected approve; payable 2022.12, expected 3670.20", ExpectedOutcome.TryLoad(dir)!.Mismatch(outcome.Recommendation));

        File.WriteAllText(Path.Combine(dir, ExpectedOutcome.FileName), """{ "decision": "maybe", "payableAmount": 1 }""");
        var e = Assert.Throws<ClaimDirectoryException>(() => ExpectedOutcome.TryLoad(dir));
        Assert.Contains("$.decision", e.Message, StringComparison.Ordinal);
    }

    private static ClaimProcessor Processor(IDocumentAnalyzer analyzer) =>
        new(analyzer, Policies, Registry, new FixedTime(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero)));

    private string WriteClaim(string claimId, params string[] files) => WriteClaim(claimId, files, "");

    private string WriteClaim(string claimId, string f1, string f2, string f3, string f4, string salt) => WriteClaim(claimId, [f1, f2, f3, f4], salt);

    private string WriteClaim(string claimId, string[] files, string salt)
    {
        var dir = Path.Combine(_root, claimId);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "claim.json"), ClaimJsonText(claimId, ""));
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "not a document");
        foreach (var f in files) File.WriteAllBytes(Path.Combine(dir, f), Encoding.UTF8.GetBytes($"image bytes of {f} {claimId} {salt}"));
        return dir;
    }

    private static string ClaimJsonText(string claimId, string extra, string policy = "cn-poverty-labour-inpatient") => $$"""
        {
          "claimId": "{{claimId}}",
          "policyId": "{{policy}}",
          {{extra}}
          "insured": { "name": "杨秀英", "idNumber": "{{Id}}", "region": { "code": "522631" } },
          "description": "肺炎住院"
        }
        """;


    /// <summary>Returns hand-written analysis reports for the four documents of a county-hospital pneumonia stay.</summary>
    private sealed class CannedAnalyzer : IDocumentAnalyzer
    {
        public string? Corrupt { get; init; }
        public string? Throws { get; init; }
        /// <summary>Every file analysed; filled from the processor's parallel analyses, hence concurrent.</summary>
        public System.Collections.Concurrent.ConcurrentQueue<string> Seen { get; } = new();

        public IReadOnlyDictionary<string, string> ModelVersions { get; } = new Dictionary<string, string> { ["classifier"] = "canned-1" };

        public DocumentReport Analyze(string fileName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
        {
            Seen.Enqueue(fileName);
            if (fileName == Throws) throw new InvalidOperationException("model file missing");
            if (fileName == Corrupt) return new DocumentReport { File = fileName, Error = new DocumentError("corrupt-image", "the JPEG data ends prematurely") };
            return PneumoniaStay.Report(fileName, "52002600310012345") ?? PneumoniaStay.Classified(fileName, DocumentType.Other, []);
        }
    }
}
