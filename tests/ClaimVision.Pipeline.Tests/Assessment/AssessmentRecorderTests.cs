using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Pipeline.Assessment;
using ClaimVision.Pipeline.Storage;
using Microsoft.Data.Sqlite;

namespace ClaimVision.Pipeline.Tests.Assessment;

/// <summary>The re-assessment loop over a real (SQLite) store: a stale save is assessed again, a hopeless one fails after three tries.</summary>
public sealed class AssessmentRecorderTests : IAsyncLifetime
{
    private const string Invoice = "INV-7";
    private readonly string _folder = Directory.CreateTempSubdirectory("cv-recorder-").FullName;
    private SqliteClaimStore _store = null!;

    public async Task InitializeAsync()
    {
        _store = new SqliteClaimStore($"Data Source={Path.Combine(_folder, "claims.db")}");
        await _store.InitializeAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_claim_whose_earlier_claims_changed_before_its_save_is_assessed_again_and_stored_against_them()
    {
        var claim = await CreateClaimAsync("CLM-2");
        // Between the first assessment's lookup and its save, another worker stores a claim with the same invoice.
        var assessment = new InvoiceAssessment(_store, beforeReturning: attempt => attempt == 1 ? RecordOtherClaimAsync("CLM-1") : Task.CompletedTask);

        var recorded = await AssessmentRecorder.AssessAndSaveAsync(assessment, _store, claim, []);

        Assert.Equal(SaveOutcome.Saved, recorded.Outcome);
        Assert.Equal(2, recorded.Attempts);
        Assert.Equal(Decision.Reject, recorded.Recommendation.Decision);
        Assert.Equal(Decision.Reject, (await _store.GetClaimAsync("CLM-2"))!.Recommendation!.Decision);
    }

    [Fact]
    public async Task A_claim_whose_earlier_claims_change_before_every_save_fails_loudly_after_three_assessments_and_stores_nothing()
    {
        var claim = await CreateClaimAsync("CLM-9");
        var assessment = new InvoiceAssessment(_store, beforeReturning: attempt => RecordOtherClaimAsync($"CLM-{attempt}"));

        var error = await Assert.ThrowsAsync<StaleHistoryException>(() => AssessmentRecorder.AssessAndSaveAsync(assessment, _store, claim, []));

        Assert.Contains("CLM-9", error.Message, StringComparison.Ordinal);
        Assert.Equal(AssessmentRecorder.MaxAttempts, assessment.Attempts);
        Assert.Null((await _store.GetClaimAsync("CLM-9"))!.Recommendation);
    }

    [Fact]
    public async Task A_redelivered_claim_is_reported_as_already_recommended_and_keeps_its_first_recommendation()
    {
        var claim = await CreateClaimAsync("CLM-3");
        var assessment = new InvoiceAssessment(_store, beforeReturning: _ => Task.CompletedTask);
        await AssessmentRecorder.AssessAndSaveAsync(assessment, _store, claim, []);
        await RecordOtherClaimAsync("CLM-4");

        var again = await AssessmentRecorder.AssessAndSaveAsync(assessment, _store, claim, []);

        Assert.Equal(SaveOutcome.AlreadyRecommended, again.Outcome);
        Assert.Equal(Decision.Approve, (await _store.GetClaimAsync("CLM-3"))!.Recommendation!.Decision);
    }

    private async Task<ClaimRecord> CreateClaimAsync(string claimId)
    {
        var claim = new ClaimRecord
        {
            ClaimId = claimId,
            Request = new ClaimRequest { ClaimId = claimId, PolicyId = "p", Insured = new InsuredPerson { Name = "Test", IdNumber = "" } },
            Documents = [new DocumentRecord { DocumentId = $"{claimId}-d0", ClaimId = claimId, FileName = "invoice.jpg", BlobKey = "k", Sha256 = "" }],
        };
        await _store.CreateClaimAsync(claim);
        return claim;
    }

    /// <summary>Another claim carrying <see cref="Invoice"/>, recommended and recorded in the store.</summary>
    private async Task RecordOtherClaimAsync(string claimId)
    {
        await CreateClaimAsync(claimId);
        var history = new PriorClaim
        {
            ClaimId = claimId, PolicyId = "p", InsuredIdNumber = "", InvoiceNumbers = [Invoice],
            Documents = [new PriorDocument($"{claimId}-d0", "invoice.jpg", "", Invoice)], PaidAmount = 100m,
        };
        Assert.True(await _store.SaveRecommendationAsync(claimId, InvoiceAssessment.Recommend(claimId, Decision.Approve), history));
    }

    /// <summary>Rejects the claim when an earlier claim carried <see cref="Invoice"/>, else approves it; counts its assessments.</summary>
    private sealed class InvoiceAssessment(IClaimStore store, Func<int, Task> beforeReturning) : IClaimAssessment
    {
        public int Attempts { get; private set; }

        public async Task<Recommendation> AssessAsync(ClaimRecord claim, IReadOnlyList<AnalyzedDocument> documents, CancellationToken ct = default) =>
            (await AssessWithHistoryAsync(claim, documents, ct)).Recommendation;

        public async Task<AssessedClaim> AssessWithHistoryAsync(ClaimRecord claim, IReadOnlyList<AnalyzedDocument> documents, CancellationToken ct = default)
        {
            Attempts++;
            var lookup = new HistoryLookup(claim.ClaimId, "", "p", 2026, [Invoice], []);
            var seen = await store.FindHistoryAsync(lookup, ct);
            await beforeReturning(Attempts);
            var decision = seen.FindInvoice(Invoice, claim.ClaimId) is null ? Decision.Approve : Decision.Reject;
            return new AssessedClaim(Recommend(claim.ClaimId, decision), new HistoryCheck(lookup, seen));
        }

        public static Recommendation Recommend(string claimId, Decision decision) => new()
        {
            ClaimId = claimId, Decision = decision, PayableAmount = decision == Decision.Approve ? 100m : 0m,
            Currency = "CNY", Confidence = 0.9, PolicyVersion = "p@1",
        };
    }
}
