using System.Diagnostics.Metrics;
using System.Text;
using ClaimVision.Contracts;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Policies;
using ClaimVision.Intelligence;
using ClaimVision.Pipeline.Assessment;
using ClaimVision.Pipeline.Hosting;
using ClaimVision.Pipeline.Storage;
using ClaimVision.Pipeline.Tests.Storage;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace ClaimVision.Pipeline.Tests.Messaging;

/// <summary>
/// The hosts' path (claim store + blobs + in-memory bus + consumers, as <c>claimvision serve</c> runs them) with the real
/// policy assessment over a scripted analyzer: earlier claims recorded in the store are duplicates and count toward the
/// yearly cap of later ones. The policy is the shipped inpatient one with its yearly cap lowered to 3,000.00.
/// One derived class per claim store.
/// </summary>
public abstract class ClaimHistoryPipelineTests : IAsyncLifetime
{
    private const string Id = PneumoniaStay.IdNumber;
    // What the scripted stay pays on its own: the personal part 3,670.20 less the 300.00 deductible, at 60 % (county hospital).
    private const decimal Payable = 2022.12m;
    private const decimal YearlyCap = 3000.00m;
    /// <summary>Admission of a second stay of the same person in the same year: a claim for the same day would be a
    /// possible duplicate (DuplicateRule), which is not what these tests are about.</summary>
    private const string LaterStay = "2026-03-15";

    /// <summary>The store settings of the host ("ClaimVision:Store:*"); the data directory is given.</summary>
    protected abstract Task<Dictionary<string, string?>> StoreSettingsAsync(string dataDirectory);

    /// <summary>The store class those settings select.</summary>
    protected abstract Type StoreType { get; }

    /// <summary>Removes what <see cref="StoreSettingsAsync"/> created, after the host stopped.</summary>
    protected virtual Task DropStoreAsync() => Task.CompletedTask;

    private readonly string _data = Directory.CreateTempSubdirectory("claimvision-history-").FullName;
    private readonly ScriptedStayAnalyzer _analyzer = new();
    private PolicyCatalog _catalog = null!;
    private InsuredRegistry _registry = null!;
    private Dictionary<string, string?> _settings = null!;
    private readonly List<IHost> _workers = [];
    private IHost _host = null!;
    private IClaimStore _store = null!;
    private IBlobStore _blobs = null!;

    public async Task InitializeAsync()
    {
        var policies = Path.Combine(_data, "policies");
        Directory.CreateDirectory(policies);
        var shipped = await File.ReadAllTextAsync(Checkout.Path("samples", "policies", "cn-poverty-labour-inpatient.json"));
        Assert.Contains("\"perYear\": 50000.00", shipped, StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(policies, "cn.json"), shipped.Replace("\"perYear\": 50000.00", $"\"perYear\": {YearlyCap:0.00}", StringComparison.Ordinal));
        _catalog = PolicyCatalog.Load([policies]);
        _registry = InsuredRegistry.Load(Checkout.Path("samples", "registry", "insured.csv"));
        _settings = await StoreSettingsAsync(Path.Combine(_data, "data"));
        _settings["ClaimVision:DataDirectory"] = Path.Combine(_data, "data");
        _settings["ClaimVision:Retry:Limit"] = "1";
        _host = await StartHostAsync(store => store);
        _store = _host.Services.GetRequiredService<IClaimStore>();
        Assert.IsType(StoreType, _store);
        _blobs = _host.Services.GetRequiredService<IBlobStore>();
    }

    /// <summary>A host over the shared store and data directory whose assessment reads history through <paramref name="historyReader"/>.</summary>
    private async Task<IHost> StartHostAsync(Func<IClaimStore, IClaimStore> historyReader)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // Added after the environment variables, so a test that sets ClaimVision__Store__Provider meanwhile changes nothing here.
        builder.Configuration.AddInMemoryCollection(_settings);
        builder.Services.AddSingleton<IDocumentAnalyzer>(_analyzer);
        builder.Services.AddSingleton<IClaimAssessment>(sp => new PolicyClaimAssessment(_catalog, _registry, historyReader(sp.GetRequiredService<IClaimStore>()),
            _analyzer.ModelVersions, new FixedTime(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero))));
        builder.Services.AddClaimVisionRuntime(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _workers.Prepend(_host))
        {
            await host.StopAsync();
            host.Dispose();
        }
        await DropStoreAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task A_later_claim_with_an_invoice_number_claimed_before_is_rejected_naming_the_earlier_claim_and_document()
    {
        var first = await SubmitAndWaitAsync("CLM-A", invoice: "52002600310012345");
        var again = await SubmitAndWaitAsync("CLM-B", invoice: "5200 2600 3100 12345");

        Assert.Equal(Decision.Partial, first.Decision);
        Assert.Equal(Decision.Reject, again.Decision);
        Assert.Equal(0m, again.PayableAmount);
        var duplicate = again.Factors.Single(f => f.Name == "duplicate");
        Assert.Equal(FactorStatus.Fail, duplicate.Status);
        Assert.Contains("claim CLM-A (invoice.jpg, document CLM-A-invoice.jpg)", duplicate.Reason, StringComparison.Ordinal);
        Assert.Contains(duplicate.Evidence, e => e.Source == "earlier claim CLM-A" && e.DocumentId == "CLM-A-invoice.jpg");
        Assert.Contains(again.Reasons, r => r.Contains("CLM-A", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_later_claim_of_the_same_person_is_capped_at_what_the_earlier_one_left_of_the_yearly_cap()
    {
        var first = await SubmitAndWaitAsync("CLM-A", invoice: "52002600310000001");
        var second = await SubmitAndWaitAsync("CLM-B", invoice: "52002600310000002", admission: LaterStay);

        Assert.Equal(Payable, first.PayableAmount);
        Assert.Equal(Decision.Partial, second.Decision);
        Assert.Equal(YearlyCap - Payable, second.PayableAmount);
        Assert.Equal("pass", second.Factors.Single(f => f.Name == "duplicate").Status.ToString().ToLowerInvariant());
    }

    [Fact]
    public async Task A_redelivered_claim_is_neither_its_own_duplicate_nor_counted_twice_toward_the_cap()
    {
        var first = await SubmitAndWaitAsync("CLM-A", invoice: "52002600310000001");
        // Redelivery: the same submission and the same assessment request arrive again after the recommendation.
        using var redelivered = new RedeliveryCounter(_host.Services.GetRequiredService<IMeterFactory>());
        var bus = _host.Services.GetRequiredService<IBus>();
        await bus.Publish(await SubmissionAsync("CLM-A", "52002600310000001"));
        await bus.Publish(new AssessClaim { ClaimId = "CLM-A", CorrelationId = NewId.NextGuid() });
        await redelivered.WaitAsync(analyses: 4, assessments: 1);
        var second = await SubmitAndWaitAsync("CLM-B", invoice: "52002600310000002", admission: LaterStay);

        var stored = (await _store.GetClaimAsync("CLM-A"))!.Recommendation!;
        Assert.Equal(first.CreatedAt, stored.CreatedAt);
        Assert.Equal(Decision.Partial, stored.Decision);
        var history = await _store.FindHistoryAsync(new Domain.Assessment.HistoryLookup("CLM-C", Id, "cn-poverty-labour-inpatient", 2026, [], []));
        Assert.Equal(["CLM-A", "CLM-B"], history.Claims.Select(c => c.ClaimId));
        Assert.Equal(YearlyCap - Payable, second.PayableAmount);
    }

    [Fact]
    public async Task Two_claims_with_one_invoice_assessed_at_the_same_moment_by_two_workers_pay_once_and_the_other_is_rejected_naming_the_first()
    {
        var (gate, first, second) = await TwoWorkersAsync();

        var results = await Task.WhenAll(
            SubmitAndWaitAsync("CLM-A", invoice: "52002600310012345", first),
            SubmitAndWaitAsync("CLM-B", invoice: "5200 2600 3100 12345", second));

        var paid = Assert.Single(results, r => r.PayableAmount > 0);
        Assert.Equal(Payable, paid.PayableAmount);
        var rejected = Assert.Single(results, r => r.Decision == Decision.Reject);
        Assert.Equal(0m, rejected.PayableAmount);
        var duplicate = rejected.Factors.Single(f => f.Name == "duplicate");
        Assert.Equal(FactorStatus.Fail, duplicate.Status);
        Assert.Contains($"claim {paid.ClaimId} (invoice.jpg, document {paid.ClaimId}-invoice.jpg)", duplicate.Reason, StringComparison.Ordinal);
        // Both assessments read the history before either was stored, and the later one read it again.
        Assert.Equal(3, gate.Lookups);
    }

    [Fact]
    public async Task Two_claims_of_one_person_assessed_at_the_same_moment_by_two_workers_are_paid_no_more_than_the_yearly_cap_together()
    {
        var (gate, first, second) = await TwoWorkersAsync();

        var results = await Task.WhenAll(
            SubmitAndWaitAsync("CLM-A", invoice: "52002600310000001", first),
            SubmitAndWaitAsync("CLM-B", invoice: "52002600310000002", second, LaterStay));

        Assert.Equal(YearlyCap, results.Sum(r => r.PayableAmount));
        Assert.Equal([YearlyCap - Payable, Payable], results.Select(r => r.PayableAmount).Order());
        var history = await _store.FindHistoryAsync(new Domain.Assessment.HistoryLookup("CLM-C", Id, "cn-poverty-labour-inpatient", 2026, [], []));
        Assert.Equal(YearlyCap, history.Claims.Sum(c => c.PaidAmount));
        Assert.Equal(3, gate.Lookups);
    }

    [Fact]
    public async Task A_diagnosis_read_doubtfully_keeps_its_alternatives_through_the_stored_report_so_the_claims_code_settles_it_for_review()
    {
        // The discharge summary's report carries the doubtful diagnosis and its catalogue alternatives; the assessment
        // reads it back from the blob store as JSON, so the alternatives must survive that for the code (J18.9) to settle it.
        var r = await SubmitAndWaitAsync("CLM-DX", invoice: "52002600310000001", variant: ScriptedStayAnalyzer.DoubtfulDiagnosis);

        // Settled by the code, the reading is still no surer than it was printed: a person looks at it.
        Assert.Equal(Decision.Review, r.Decision);
        Assert.Contains("diagnosis on discharge.jpg", r.Factors.Single(f => f.Name == "quality").Reason, StringComparison.Ordinal);
        var exclusions = r.Factors.Single(f => f.Name == "exclusions");
        Assert.Equal(FactorStatus.Pass, exclusions.Status);
        Assert.Contains("'社区获得性肺' on discharge.jpg as '社区获得性肺炎'", exclusions.Reason, StringComparison.Ordinal);
        var stored = await _blobs.GetAsync(ClaimVision.Pipeline.Messaging.PipelineJson.ReportKey("CLM-DX-discharge.jpg"));
        var report = System.Text.Json.JsonSerializer.Deserialize<DocumentReport>(stored!, ClaimVision.Pipeline.Messaging.PipelineJson.Options)!;
        Assert.Equal(["社区获得性肺炎", "社区获得性肺脓肿"], report.Fields![FieldNames.Diagnosis].Alternatives!.Select(a => a.Normalized));
    }

    /// <summary>Two more hosts on the same store, as two workers; their first two history lookups wait for each other.</summary>
    private async Task<(LookupGate Gate, IHost First, IHost Second)> TwoWorkersAsync()
    {
        var gate = new LookupGate(2);
        for (var i = 0; i < 2; i++) _workers.Add(await StartHostAsync(store => new GatedHistoryStore(store, gate)));
        return (gate, _workers[^2], _workers[^1]);
    }

    /// <summary>Stores the claim's images and record and publishes ClaimSubmitted, as the API's intake does; waits for the recommendation.</summary>
    private async Task<Recommendation> SubmitAndWaitAsync(string claimId, string invoice, IHost? worker = null, string admission = "2026-03-02", string variant = "")
    {
        var submitted = await SubmissionAsync(claimId, invoice, admission, variant);
        await _store.CreateClaimAsync(new ClaimRecord
        {
            ClaimId = claimId,
            SubmittedAt = DateTimeOffset.UtcNow,
            Request = new ClaimRequest
            {
                ClaimId = claimId,
                PolicyId = "cn-poverty-labour-inpatient",
                Insured = new InsuredPerson { Name = "杨秀英", IdNumber = Id, Region = new Region { Code = "522631" } },
                Description = "肺炎住院",
            },
            Documents = [.. submitted.Documents.Select(d => new DocumentRecord { DocumentId = d.DocumentId, ClaimId = claimId, FileName = d.FileName, BlobKey = d.BlobKey, Sha256 = d.Sha256 })],
        });
        await (worker ?? _host).Services.GetRequiredService<IBus>().Publish(submitted);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await _store.GetClaimAsync(claimId))?.Recommendation is { } recommendation) return recommendation;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Claim {claimId} got no recommendation within 30 s.");
    }

    private async Task<ClaimSubmitted> SubmissionAsync(string claimId, string invoice, string admission = "2026-03-02", string variant = "")
    {
        var documents = new List<DocumentRef>();
        foreach (var file in PneumoniaStay.Files)
        {
            var blob = await _blobs.PutAsync(Encoding.UTF8.GetBytes($"{file}|{invoice}|{claimId}|{admission}|{variant}"), "image/jpeg");
            documents.Add(new DocumentRef { DocumentId = $"{claimId}-{file}", FileName = file, BlobKey = blob.Key, Sha256 = blob.Sha256 });
        }
        return new ClaimSubmitted { ClaimId = claimId, CorrelationId = NewId.NextGuid(), Documents = documents, SubmittedAt = DateTimeOffset.UtcNow };
    }

    /// <summary>
    /// Holds the first <paramref name="count"/> history lookups until all of them have read the store, so each of those
    /// assessments sees the history as it was before any of them was stored; later lookups (re-assessments) pass.
    /// </summary>
    private sealed class LookupGate(int count)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _lookups;

        public int Lookups => Volatile.Read(ref _lookups);

        public async Task PassAsync(CancellationToken ct)
        {
            var arrived = Interlocked.Increment(ref _lookups);
            if (arrived > count) return;
            if (arrived == count) _all.SetResult();
            await _all.Task.WaitAsync(TimeSpan.FromSeconds(20), ct);
        }
    }

    /// <summary>The claim store, with <see cref="IClaimStore.FindHistoryAsync"/> held at a <see cref="LookupGate"/> after reading.</summary>
    private sealed class GatedHistoryStore(IClaimStore store, LookupGate gate) : IClaimStore
    {
        public async Task<Domain.Assessment.ClaimHistory> FindHistoryAsync(Domain.Assessment.HistoryLookup lookup, CancellationToken ct = default)
        {
            var history = await store.FindHistoryAsync(lookup, ct);
            await gate.PassAsync(ct);
            return history;
        }

        public Task InitializeAsync(CancellationToken ct = default) => store.InitializeAsync(ct);
        public Task CreateClaimAsync(ClaimRecord claim, CancellationToken ct = default) => store.CreateClaimAsync(claim, ct);
        public Task<ClaimRecord?> GetClaimAsync(string claimId, CancellationToken ct = default) => store.GetClaimAsync(claimId, ct);
        public Task<DocumentRecord?> GetDocumentAsync(string documentId, CancellationToken ct = default) => store.GetDocumentAsync(documentId, ct);
        public Task<OutcomeRecorded> RecordOutcomeAsync(string documentId, DocumentStatus status, string? reportKey, string? errorCode, string? errorMessage, CancellationToken ct = default) =>
            store.RecordOutcomeAsync(documentId, status, reportKey, errorCode, errorMessage, ct);
        public Task<bool> SaveRecommendationAsync(string claimId, Recommendation recommendation, CancellationToken ct = default) =>
            store.SaveRecommendationAsync(claimId, recommendation, ct);
        public Task<bool> SaveRecommendationAsync(string claimId, Recommendation recommendation, Domain.Assessment.PriorClaim history, CancellationToken ct = default) =>
            store.SaveRecommendationAsync(claimId, recommendation, history, ct);
        public Task<SaveOutcome> SaveRecommendationIfCurrentAsync(string claimId, Recommendation recommendation, Domain.Assessment.PriorClaim history, HistoryCheck? check, CancellationToken ct = default) =>
            store.SaveRecommendationIfCurrentAsync(claimId, recommendation, history, check, ct);
        public Task<IReadOnlyList<ClaimRecord>> ListRecommendationsAsync(string status, int page, int pageSize, CancellationToken ct = default) =>
            store.ListRecommendationsAsync(status, page, pageSize, ct);
        public Task SaveDecisionAsync(string claimId, AdjusterDecision decision, CancellationToken ct = default) => store.SaveDecisionAsync(claimId, decision, ct);
        public Task<bool> PingAsync(CancellationToken ct = default) => store.PingAsync(ct);
    }

    /// <summary>Counts the messages the consumers of this host found already done, to wait until redeliveries were consumed.</summary>
    private sealed class RedeliveryCounter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private int _analyses;
        private int _assessments;

        public RedeliveryCounter(IMeterFactory meters)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == "claimvision.messages.redelivered") listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag.Key != "message") continue;
                    if (tag.Value as string == nameof(AnalyzeDocument)) Interlocked.Add(ref _analyses, (int)value);
                    if (tag.Value as string == nameof(AssessClaim)) Interlocked.Add(ref _assessments, (int)value);
                }
            });
            _listener.Start();
        }

        public async Task WaitAsync(int analyses, int assessments)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (Volatile.Read(ref _analyses) < analyses || Volatile.Read(ref _assessments) < assessments)
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"Saw {_analyses} redelivered analyses and {_assessments} assessments in 30 s, expected {analyses} and {assessments}.");
                await Task.Delay(20);
            }
        }

        public void Dispose() => _listener.Dispose();
    }


    /// <summary>
    /// The four documents of a county-hospital pneumonia stay, read off the file name; the invoice number is the text
    /// after the first '|' of the bytes, so each test chooses whether two claims share it, and the admission date the
    /// fourth field. No OCR runs. A fifth field of <see cref="DoubtfulDiagnosis"/> reads the discharge summary's
    /// diagnosis a glyph short, as near to two catalogue names.
    /// </summary>
    private sealed class ScriptedStayAnalyzer : IDocumentAnalyzer
    {
        public const string DoubtfulDiagnosis = "doubtful-diagnosis";

        public IReadOnlyDictionary<string, string> ModelVersions { get; } = new Dictionary<string, string> { ["classifier"] = "scripted-1" };

        public DocumentReport Analyze(string fileName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
        {
            var parts = Encoding.UTF8.GetString(bytes.Span).Split('|');
            var report = PneumoniaStay.Report(fileName, parts[1], parts[3]) ?? throw new ArgumentException($"The scripted stay has no document '{fileName}'.", nameof(fileName));
            if (parts[4] != DoubtfulDiagnosis || report.Fields!.GetValueOrDefault(FieldNames.Diagnosis) is not { } diagnosis) return report;
            var doubtful = diagnosis with
            {
                Value = "社区获得性肺",
                Normalized = "社区获得性肺",
                Confidence = 0.5,
                Alternatives = [new FieldAlternative("社区获得性肺炎", "J18.9"), new FieldAlternative("社区获得性肺脓肿", "J85.1")],
            };
            return report with { Fields = new Dictionary<string, ExtractedField>(report.Fields!) { [FieldNames.Diagnosis] = doubtful } };
        }
    }
}

/// <summary>The embedded host's store: SQLite in the data directory.</summary>
public sealed class SqliteClaimHistoryPipelineTests : ClaimHistoryPipelineTests
{
    protected override Type StoreType => typeof(SqliteClaimStore);

    protected override Task<Dictionary<string, string?>> StoreSettingsAsync(string dataDirectory) =>
        Task.FromResult(new Dictionary<string, string?> { ["ClaimVision:Store:Provider"] = "sqlite" });
}

/// <summary>The scaled-out hosts' store: PostgreSQL from scripts/services.sh, in a schema of its own per test.</summary>
public sealed class PostgresClaimHistoryPipelineTests : ClaimHistoryPipelineTests
{
    private readonly string _schema = "h_" + Guid.NewGuid().ToString("N");

    protected override Type StoreType => typeof(PostgresClaimStore);

    protected override async Task<Dictionary<string, string?>> StoreSettingsAsync(string dataDirectory)
    {
        await using (var connection = new NpgsqlConnection(TestServers.Postgres))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new Dictionary<string, string?>
        {
            ["ClaimVision:Store:Provider"] = "postgres",
            ["ClaimVision:Store:ConnectionString"] = new NpgsqlConnectionStringBuilder(TestServers.Postgres) { SearchPath = _schema }.ConnectionString,
        };
    }

    protected override async Task DropStoreAsync()
    {
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
