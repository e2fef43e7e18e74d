using System.Security.Cryptography;
using System.Text;
using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Pipeline.Storage;

namespace ClaimVision.Pipeline.Tests.Storage;

/// <summary>What every <see cref="IClaimStore"/> must do; one derived class per implementation, each on an empty store.</summary>
public abstract class ClaimStoreContract : IAsyncLifetime
{
    protected IClaimStore Store { get; private set; } = null!;

    /// <summary>A fresh, empty store (its schema not yet created).</summary>
    protected abstract Task<IClaimStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.InitializeAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs one SQL statement on the store's database (to make it look like an earlier release's).</summary>
    protected abstract Task ExecuteSqlAsync(string sql);

    [Fact]
    public async Task A_created_claim_reads_back_with_its_pending_documents_in_order()
    {
        var claim = NewClaim(3);

        await Store.CreateClaimAsync(claim);
        var read = await Store.GetClaimAsync(claim.ClaimId);

        Assert.NotNull(read);
        Assert.Equal(ClaimStatus.Processing, read.Status);
        Assert.Equal(claim.Request.Insured.Name, read.Request.Insured.Name);
        Assert.Equal(claim.Request.Insured.Region!.Code, read.Request.Insured.Region!.Code);
        Assert.Equal(claim.Request.PolicyId, read.Request.PolicyId);
        Assert.Equal(claim.SubmittedAt, read.SubmittedAt);
        Assert.Equal(claim.Documents.Select(d => d.DocumentId), read.Documents.Select(d => d.DocumentId));
        Assert.All(read.Documents, d => Assert.Equal(DocumentStatus.Pending, d.Status));
        Assert.Equal(claim.Documents[1] with { Status = DocumentStatus.Pending }, read.Documents[1]);
        Assert.Null(read.Recommendation);
    }

    [Fact]
    public async Task Creating_the_same_claim_twice_keeps_one()
    {
        var claim = NewClaim(2);

        await Store.CreateClaimAsync(claim);
        await Store.CreateClaimAsync(claim);

        Assert.Equal(2, (await Store.GetClaimAsync(claim.ClaimId))!.Documents.Count);
        var outcomes = new[] { await Analyze(claim.Documents[0]), await Analyze(claim.Documents[1]) };
        Assert.True(outcomes[1].ClaimComplete);
    }

    [Fact]
    public async Task A_claim_without_documents_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateClaimAsync(NewClaim(0)));
    }

    [Fact]
    public async Task Unknown_ids_read_as_null()
    {
        Assert.Null(await Store.GetClaimAsync("no-such-claim"));
        Assert.Null(await Store.GetDocumentAsync("no-such-document"));
    }

    [Fact]
    public async Task The_last_first_outcome_completes_the_claim_and_redeliveries_change_nothing()
    {
        var claim = NewClaim(3);
        await Store.CreateClaimAsync(claim);

        Assert.Equal(new OutcomeRecorded(true, false), await Analyze(claim.Documents[0]));
        Assert.Equal(new OutcomeRecorded(true, false),
            await Store.RecordOutcomeAsync(claim.Documents[1].DocumentId, DocumentStatus.Rejected, null, "corrupt-image", "not a JPEG"));
        Assert.Equal(new OutcomeRecorded(false, false), await Analyze(claim.Documents[0]));
        Assert.Equal(new OutcomeRecorded(true, true), await Analyze(claim.Documents[2]));
        Assert.Equal(new OutcomeRecorded(false, false), await Analyze(claim.Documents[2]));

        var rejected = await Store.GetDocumentAsync(claim.Documents[1].DocumentId);
        Assert.Equal(DocumentStatus.Rejected, rejected!.Status);
        Assert.Equal("corrupt-image", rejected.ErrorCode);
        Assert.Equal("not a JPEG", rejected.ErrorMessage);
        var analyzed = await Store.GetDocumentAsync(claim.Documents[0].DocumentId);
        Assert.Equal(DocumentStatus.Analyzed, analyzed!.Status);
        Assert.Equal($"reports/{claim.Documents[0].DocumentId}.json", analyzed.ReportKey);
    }

    [Fact]
    public async Task A_redelivered_outcome_does_not_overwrite_the_first()
    {
        var claim = NewClaim(2);
        await Store.CreateClaimAsync(claim);

        await Analyze(claim.Documents[0]);
        await Store.RecordOutcomeAsync(claim.Documents[0].DocumentId, DocumentStatus.Rejected, null, "late", "second opinion");

        var document = await Store.GetDocumentAsync(claim.Documents[0].DocumentId);
        Assert.Equal(DocumentStatus.Analyzed, document!.Status);
        Assert.Null(document.ErrorCode);
    }

    [Fact]
    public async Task Outcomes_for_unknown_documents_or_pending_status_are_refused()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.RecordOutcomeAsync("no-such-document", DocumentStatus.Analyzed, "r", null, null));
        var claim = NewClaim(1);
        await Store.CreateClaimAsync(claim);
        await Assert.ThrowsAsync<ArgumentException>(() => Store.RecordOutcomeAsync(claim.Documents[0].DocumentId, DocumentStatus.Pending, null, null, null));
    }

    [Fact]
    public async Task Concurrent_completions_and_redeliveries_complete_each_claim_exactly_once()
    {
        const int claims = 6, documentsPerClaim = 8, deliveries = 3;
        var all = Enumerable.Range(0, claims).Select(_ => NewClaim(documentsPerClaim)).ToList();
        foreach (var claim in all) await Store.CreateClaimAsync(claim);
        var work = all.SelectMany(c => c.Documents.SelectMany(d => Enumerable.Repeat(d, deliveries)))
            .OrderBy(_ => Random.Shared.Next()).ToList();
        using var start = new ManualResetEventSlim();

        var tasks = work.Select(d => Task.Run(async () =>
        {
            start.Wait();
            return (d.ClaimId, Outcome: await Analyze(d));
        })).ToList();
        start.Set();
        var results = await Task.WhenAll(tasks);

        foreach (var claim in all)
        {
            var mine = results.Where(r => r.ClaimId == claim.ClaimId).Select(r => r.Outcome).ToList();
            Assert.Equal(documentsPerClaim, mine.Count(o => o.FirstOutcome));
            Assert.Equal(1, mine.Count(o => o.ClaimComplete));
            Assert.All(mine.Where(o => o.ClaimComplete), o => Assert.True(o.FirstOutcome));
        }
    }

    [Fact]
    public async Task A_recommendation_is_saved_once()
    {
        var claim = NewClaim(1);
        await Store.CreateClaimAsync(claim);

        Assert.True(await Store.SaveRecommendationAsync(claim.ClaimId, NewRecommendation(claim.ClaimId, 120.50m)));
        Assert.False(await Store.SaveRecommendationAsync(claim.ClaimId, NewRecommendation(claim.ClaimId, 999m)));

        var read = await Store.GetClaimAsync(claim.ClaimId);
        Assert.Equal(ClaimStatus.Recommended, read!.Status);
        Assert.Equal(120.50m, read.Recommendation!.PayableAmount);
        Assert.Equal(Decision.Partial, read.Recommendation.Decision);
        Assert.Equal("deductible", read.Recommendation.Computation[0].Step);
        Assert.Equal("v1", read.Recommendation.ModelVersions["classifier"]);
    }

    [Fact]
    public async Task A_recommendation_for_an_unknown_claim_is_refused()
    {
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.SaveRecommendationAsync("no-such-claim", NewRecommendation("no-such-claim", 1m)));
    }

    [Fact]
    public async Task The_queue_lists_undecided_recommendations_newest_first_in_pages()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var claim = NewClaim(1);
            await Store.CreateClaimAsync(claim);
            await Store.SaveRecommendationAsync(claim.ClaimId, NewRecommendation(claim.ClaimId, i));
            ids.Add(claim.ClaimId);
            await Task.Delay(10);
        }
        var unrecommended = NewClaim(1);
        await Store.CreateClaimAsync(unrecommended);
        await Store.SaveDecisionAsync(ids[4], NewDecision());
        ids.Reverse(); // newest first

        var page1 = await Store.ListRecommendationsAsync("pending", 1, 2);
        var page2 = await Store.ListRecommendationsAsync("pending", 2, 2);
        var page3 = await Store.ListRecommendationsAsync("pending", 3, 2);

        Assert.Equal(ids[1..3], page1.Select(c => c.ClaimId));
        Assert.Equal(ids[3..5], page2.Select(c => c.ClaimId));
        Assert.Empty(page3);
        Assert.Single(page1[0].Documents);
        Assert.Equal([ids[0]], (await Store.ListRecommendationsAsync("decided", 1, 10)).Select(c => c.ClaimId));
        Assert.Equal(ids, (await Store.ListRecommendationsAsync("all", 1, 10)).Select(c => c.ClaimId));
    }

    [Fact]
    public async Task Bad_queue_arguments_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListRecommendationsAsync("someday", 1, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListRecommendationsAsync("pending", 0, 10));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Store.ListRecommendationsAsync("pending", 1, 0));
    }

    [Fact]
    public async Task A_decision_needs_a_recommendation_and_then_reads_back()
    {
        var claim = NewClaim(1);
        await Store.CreateClaimAsync(claim);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.SaveDecisionAsync(claim.ClaimId, NewDecision()));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => Store.SaveDecisionAsync("no-such-claim", NewDecision()));
        await Store.SaveRecommendationAsync(claim.ClaimId, NewRecommendation(claim.ClaimId, 10m));
        await Store.SaveDecisionAsync(claim.ClaimId, NewDecision());

        var read = await Store.GetClaimAsync(claim.ClaimId);
        Assert.Equal(ClaimStatus.Decided, read!.Status);
        Assert.Equal("override", read.Decision!.Action);
        Assert.Equal(Decision.Reject, read.Decision.Decision);
        Assert.Equal(0m, read.Decision.PayableAmount);
        Assert.Equal("duplicate invoice", read.Decision.Reason);
    }

    [Fact]
    public async Task Ping_reports_a_reachable_store()
    {
        Assert.True(await Store.PingAsync());
    }

    [Fact]
    public async Task History_finds_an_earlier_claim_by_invoice_or_image_and_names_its_document_but_never_the_claim_itself()
    {
        var a = await RecommendAsync(Decision.Approve, 300m, invoice: "5200-2600 31001", image: "AB" + new string('c', 62));

        var byInvoice = await Store.FindHistoryAsync(Lookup("c-new", OtherId, invoices: ["52002600 31001"]));
        var byImage = await Store.FindHistoryAsync(Lookup("c-new", OtherId, images: ["ab" + new string('C', 62)]));
        var itself = await Store.FindHistoryAsync(Lookup(a, PersonId, invoices: ["5200260031001"], images: ["ab" + new string('c', 62)]));

        var prior = Assert.Single(byInvoice.Claims);
        Assert.Equal(a, prior.ClaimId);
        Assert.Equal($"{a}-d0", prior.DocumentWithInvoice("5200260031001")!.DocumentId);
        Assert.Equal("", prior.InsuredIdNumber);
        Assert.Equal(new DateOnly(2026, 3, 2), prior.ServiceDate);
        Assert.Equal(a, byInvoice.FindInvoice("5200-2600-31001", "c-new")!.ClaimId);
        Assert.Equal($"{a}-d1", Assert.Single(byImage.Claims).DocumentWithImage("ab" + new string('c', 62))!.DocumentId);
        Assert.Empty(itself.Claims);
        Assert.Empty((await Store.FindHistoryAsync(Lookup("c-new", OtherId, invoices: ["5200260031002"]))).Claims);
    }

    [Fact]
    public async Task History_keeps_what_each_claim_billed_and_a_store_from_before_that_column_gains_it()
    {
        var billed = await RecommendAsync(Decision.Approve, 300m, billed: 1390.10m);
        var unread = await RecommendAsync(Decision.Approve, 200m);
        var before = await Store.FindHistoryAsync(Lookup("c-new", PersonId));
        // A store written by the release before the column: the next start adds it, and old rows read as not recorded.
        await ExecuteSqlAsync("ALTER TABLE claim_history DROP COLUMN billed_amount");
        await Store.InitializeAsync();
        var later = await RecommendAsync(Decision.Partial, 100m, billed: 55.5m);
        var after = await Store.FindHistoryAsync(Lookup("c-new", PersonId));

        Assert.Equal(1390.10m, before.Claims.Single(c => c.ClaimId == billed).BilledAmount);
        Assert.Null(before.Claims.Single(c => c.ClaimId == unread).BilledAmount);
        Assert.Equal(3, after.Claims.Count);
        Assert.Null(after.Claims.Single(c => c.ClaimId == billed).BilledAmount);
        Assert.Equal(55.5m, after.Claims.Single(c => c.ClaimId == later).BilledAmount);
    }

    [Fact]
    public async Task History_sums_only_what_was_paid_to_the_same_person_under_the_same_policy_in_the_same_year()
    {
        var approved = await RecommendAsync(Decision.Approve, 300m);
        var partial = await RecommendAsync(Decision.Partial, 200.55m, deductible: 500m);
        await RecommendAsync(Decision.Reject, 0m);
        await RecommendAsync(Decision.Review, 0m);
        await RecommendAsync(Decision.Approve, 1000m, serviceDate: new DateOnly(2025, 12, 31));
        await RecommendAsync(Decision.Approve, 1000m, person: OtherId);
        await RecommendAsync(Decision.Approve, 1000m, policy: "other-policy");

        var history = await Store.FindHistoryAsync(Lookup("c-new", PersonId));
        var fromPartial = await Store.FindHistoryAsync(Lookup(partial, PersonId));

        var year = history.InYear(PersonId, Policy, 2026, "c-new").ToList();
        Assert.Equal(new[] { approved, partial }.Order(), year.Select(c => c.ClaimId).Order());
        Assert.Equal(500.55m, year.Sum(c => c.PaidAmount));
        Assert.Equal(500m, year.Sum(c => c.DeductibleApplied));
        Assert.Equal([approved], fromPartial.InYear(PersonId, Policy, 2026, partial).Select(c => c.ClaimId));
        Assert.Empty((await Store.FindHistoryAsync(Lookup("c-new", ""))).Claims);
    }

    [Fact]
    public async Task A_redelivered_recommendation_records_no_second_history()
    {
        var claim = NewClaim(1);
        await Store.CreateClaimAsync(claim);
        Assert.True(await Store.SaveRecommendationAsync(claim.ClaimId, NewRecommendation(claim.ClaimId, 300m, Decision.Approve), History(claim, 300m)));
        Assert.False(await Store.SaveRecommendationAsync(claim.ClaimId, NewRecommendation(claim.ClaimId, 900m, Decision.Approve), History(claim, 900m)));

        var history = await Store.FindHistoryAsync(Lookup("c-new", PersonId, images: [claim.Documents[0].Sha256]));

        Assert.Equal(300m, Assert.Single(history.Claims).PaidAmount);
        Assert.Equal(300m, (await Store.GetClaimAsync(claim.ClaimId))!.Recommendation!.PayableAmount);
    }

    [Fact]
    public async Task An_adjusters_decision_replaces_what_the_history_counts_as_paid()
    {
        var rejected = await RecommendAsync(Decision.Approve, 300m);
        var approved = await RecommendAsync(Decision.Review, 0m);
        await Store.SaveDecisionAsync(rejected, NewDecision());
        await Store.SaveDecisionAsync(approved, NewDecision() with { Decision = Decision.Partial, PayableAmount = 120.40m });

        var year = (await Store.FindHistoryAsync(Lookup("c-new", PersonId))).InYear(PersonId, Policy, 2026, "c-new").ToList();

        Assert.Equal(approved, Assert.Single(year).ClaimId);
        Assert.Equal(120.40m, year[0].PaidAmount);
    }

    [Fact]
    public async Task History_of_another_claim_or_with_unrecorded_invoices_is_refused()
    {
        var claim = NewClaim(1);
        await Store.CreateClaimAsync(claim);

        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveRecommendationAsync(claim.ClaimId, NewRecommendation(claim.ClaimId, 1m), History(claim, 1m) with { ClaimId = "other" }));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.SaveRecommendationAsync(claim.ClaimId, NewRecommendation(claim.ClaimId, 1m), History(claim, 1m) with { InvoiceNumbers = ["999"] }));
        Assert.Null((await Store.GetClaimAsync(claim.ClaimId))!.Recommendation);
    }

    [Fact]
    public async Task A_save_against_unchanged_history_is_stored_and_a_redelivery_records_nothing_even_when_history_grew()
    {
        var earlier = await RecommendAsync(Decision.Approve, 300m, invoice: "INV-0001");
        var claim = await AssessedAsync("INV-0001", OtherId);
        Assert.Equal(earlier, Assert.Single(claim.Check.Seen.Claims).ClaimId);

        Assert.Equal(SaveOutcome.Saved, await SaveAsync(claim, Decision.Reject));
        await RecommendAsync(Decision.Approve, 300m, invoice: "INV-0001");
        Assert.Equal(SaveOutcome.AlreadyRecommended, await SaveAsync(claim, Decision.Approve));

        Assert.Equal(Decision.Reject, (await Store.GetClaimAsync(claim.ClaimId))!.Recommendation!.Decision);
        var recorded = (await Store.FindHistoryAsync(Lookup("c-new", OtherId, invoices: ["INV-0001"]))).Claims.Where(c => c.ClaimId == claim.ClaimId);
        Assert.Equal(0m, Assert.Single(recorded).PaidAmount);
    }

    [Fact]
    public async Task Of_two_claims_sharing_an_invoice_saved_at_the_same_moment_one_is_stored_and_the_other_is_stale()
    {
        for (var pair = 0; pair < 8; pair++)
        {
            var invoice = $"INV-{pair:D4}";
            // No ID number on either: only the invoice number connects the two claims.
            var first = await AssessedAsync(invoice, "");
            var second = await AssessedAsync(invoice, "");
            Assert.Empty(first.Check.Seen.Claims);
            Assert.Empty(second.Check.Seen.Claims);

            var outcomes = await Task.WhenAll(Task.Run(() => SaveAsync(first, Decision.Approve)), Task.Run(() => SaveAsync(second, Decision.Approve)));

            Assert.Equal([SaveOutcome.Saved, SaveOutcome.Stale], outcomes.Order());
            var (stored, stale) = outcomes[0] == SaveOutcome.Saved ? (first, second) : (second, first);
            Assert.Null((await Store.GetClaimAsync(stale.ClaimId))!.Recommendation);
            var fresh = await Store.FindHistoryAsync(stale.Check.Lookup);
            Assert.Equal(stored.ClaimId, fresh.FindInvoice(invoice, stale.ClaimId)!.ClaimId);
        }
    }

    [Fact]
    public async Task Of_two_paying_claims_of_one_person_saved_at_the_same_moment_one_is_stored_and_the_other_is_stale()
    {
        for (var pair = 0; pair < 8; pair++)
        {
            var person = Persons[pair];
            // Different invoices and images: only the person's yearly cap connects the two claims.
            var first = await AssessedAsync($"INV-A-{pair}", person);
            var second = await AssessedAsync($"INV-B-{pair}", person);

            var outcomes = await Task.WhenAll(Task.Run(() => SaveAsync(first, Decision.Approve)), Task.Run(() => SaveAsync(second, Decision.Approve)));

            Assert.Equal([SaveOutcome.Saved, SaveOutcome.Stale], outcomes.Order());
            var stale = outcomes[0] == SaveOutcome.Stale ? first : second;
            Assert.Equal(300m, (await Store.FindHistoryAsync(stale.Check.Lookup)).InYear(person, Policy, 2026, stale.ClaimId).Sum(c => c.PaidAmount));
        }
    }

    [Fact]
    public async Task A_decision_that_changes_what_an_earlier_claim_was_paid_makes_a_save_against_the_old_amount_stale()
    {
        var earlier = await RecommendAsync(Decision.Approve, 300m);
        var claim = await AssessedAsync("INV-0009", PersonId);
        Assert.Equal(300m, Assert.Single(claim.Check.Seen.Claims).PaidAmount);

        await Store.SaveDecisionAsync(earlier, NewDecision() with { Decision = Decision.Partial, PayableAmount = 100m });

        Assert.Equal(SaveOutcome.Stale, await SaveAsync(claim, Decision.Approve));
        var again = claim with { Check = claim.Check with { Seen = await Store.FindHistoryAsync(claim.Check.Lookup) } };
        Assert.Equal(SaveOutcome.Saved, await SaveAsync(again, Decision.Approve));
    }

    /// <summary>ID numbers of eight different people (the store keys people by the number; it does not check it).</summary>
    private static readonly string[] Persons =
    [
        "110101199001011234", "522631197803150428", "11010119800101001X", "110101198001010028",
        "110101198001010036", "110101198001010044", "110101198001010052", "110101198001010060",
    ];

    /// <summary>A created, not yet recommended two-document claim paying 300.00 and the history its assessment saw.</summary>
    protected sealed record Assessed(string ClaimId, PriorClaim History, HistoryCheck Check);

    /// <summary>Creates a claim with an invoice of its own images, and looks its history up as an assessment would.</summary>
    protected async Task<Assessed> AssessedAsync(string invoice, string person)
    {
        var claim = NewClaim(2);
        await Store.CreateClaimAsync(claim);
        var history = History(claim, 300m) with
        {
            InsuredIdNumber = person,
            InvoiceNumbers = [invoice],
            Documents =
            [
                new PriorDocument(claim.Documents[0].DocumentId, "invoice.jpg", claim.Documents[0].Sha256, invoice),
                new PriorDocument(claim.Documents[1].DocumentId, "list.jpg", claim.Documents[1].Sha256, null),
            ],
        };
        var lookup = new HistoryLookup(claim.ClaimId, person, Policy, 2026, [invoice], history.ImageSha256s);
        return new Assessed(claim.ClaimId, history, new HistoryCheck(lookup, await Store.FindHistoryAsync(lookup)));
    }

    protected Task<SaveOutcome> SaveAsync(Assessed claim, Decision decision) =>
        Store.SaveRecommendationIfCurrentAsync(claim.ClaimId, NewRecommendation(claim.ClaimId, decision == Decision.Reject ? 0m : 300m, decision),
            claim.History with { PaidAmount = decision == Decision.Reject ? 0m : 300m }, claim.Check);

    protected const string PersonId = "110101199001011234";
    protected const string OtherId = "522631197803150428";
    protected const string Policy = "rural-2026";

    protected static HistoryLookup Lookup(string claimId, string person, string[]? invoices = null, string[]? images = null) =>
        new(claimId, person, Policy, 2026, invoices ?? [], images ?? []);

    /// <summary>Creates a two-document claim and records its recommendation with its history; returns its id.</summary>
    protected async Task<string> RecommendAsync(Decision decision, decimal paid, string? invoice = null, string? image = null, decimal deductible = 0m,
        DateOnly? serviceDate = null, string person = PersonId, string policy = Policy, decimal? billed = null)
    {
        var claim = NewClaim(2);
        await Store.CreateClaimAsync(claim);
        var history = History(claim, paid) with
        {
            InsuredIdNumber = person,
            PolicyId = policy,
            ServiceDate = serviceDate ?? new DateOnly(2026, 3, 2),
            DeductibleApplied = deductible,
            BilledAmount = billed,
            Documents =
            [
                new PriorDocument(claim.Documents[0].DocumentId, "invoice.jpg", claim.Documents[0].Sha256, invoice),
                new PriorDocument(claim.Documents[1].DocumentId, "list.jpg", image ?? claim.Documents[1].Sha256, null),
            ],
        };
        history = history with { InvoiceNumbers = invoice is null ? [] : [invoice], ImageSha256s = [.. history.Documents.Select(d => d.Sha256)] };
        Assert.True(await Store.SaveRecommendationAsync(claim.ClaimId, NewRecommendation(claim.ClaimId, paid, decision), history));
        return claim.ClaimId;
    }

    private static PriorClaim History(ClaimRecord claim, decimal paid) => new()
    {
        ClaimId = claim.ClaimId,
        PolicyId = Policy,
        InsuredIdNumber = PersonId,
        ServiceDate = new DateOnly(2026, 3, 2),
        ImageSha256s = [.. claim.Documents.Select(d => d.Sha256)],
        Documents = [.. claim.Documents.Select(d => new PriorDocument(d.DocumentId, d.FileName, d.Sha256, null))],
        PaidAmount = paid,
    };

    private Task<OutcomeRecorded> Analyze(DocumentRecord document) =>
        Store.RecordOutcomeAsync(document.DocumentId, DocumentStatus.Analyzed, $"reports/{document.DocumentId}.json", null, null);

    protected static ClaimRecord NewClaim(int documents)
    {
        var claimId = "c-" + Guid.NewGuid().ToString("N");
        return new ClaimRecord
        {
            ClaimId = claimId,
            SubmittedAt = new DateTimeOffset(2026, 12, 1, 18, 30, 15, 123, TimeSpan.FromHours(8)),
            Request = new ClaimRequest
            {
                ClaimId = claimId,
                PolicyId = "rural-2026",
                Insured = new InsuredPerson { Name = "张三", IdNumber = "110101199001011234", Region = new Region { Code = "110101" } },
                Description = "住院 hospital stay",
            },
            Documents = Enumerable.Range(0, documents).Select(i => new DocumentRecord
            {
                DocumentId = $"{claimId}-d{i}",
                ClaimId = claimId,
                FileName = $"page-{i}.jpg",
                BlobKey = $"sha256/00/00/{i:D64}",
                Sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{claimId}-d{i}"))),
            }).ToList(),
        };
    }

    private static Recommendation NewRecommendation(string claimId, decimal payable, Decision decision = Decision.Partial) => new()
    {
        ClaimId = claimId,
        Decision = decision,
        PayableAmount = payable,
        Currency = "CNY",
        Confidence = 0.87,
        PolicyVersion = "2026.1",
        Computation = [new ComputationStep { Step = "deductible", Clause = "§3.1", Amount = -500m }],
        ModelVersions = new Dictionary<string, string> { ["classifier"] = "v1" },
    };

    private static AdjusterDecision NewDecision() => new()
    {
        Adjuster = "adj-7",
        Action = "override",
        Decision = Decision.Reject,
        PayableAmount = 0m,
        Reason = "duplicate invoice",
        DecidedAt = DateTimeOffset.UtcNow,
    };
}
