using System.Collections.Concurrent;
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
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClaimVision.Pipeline.Tests.Messaging;

/// <summary>
/// People name the photos they upload after whom they show (张三身份证.jpg). A document that fails names its file in the
/// reason the uploader and the adjuster read; the hosts' log lines about it name the document by its id and show the
/// file name masked. Both ways a document fails are covered: an analysis that reports an error (a corrupt image) and one
/// that throws on every retry (the fault consumer). The host's log writers are behind the personal-data scrubber, as the
/// real hosts' are, so MassTransit's own retry and fault lines, which quote the exception as thrown, show the ID masked.
/// </summary>
public sealed class DocumentLogPrivacyTests : IAsyncLifetime
{
    private const string Rejected = "张三身份证.jpg";
    private const string Throws = "11010519491231002X.jpg";   // a valid ID number: the scrubber recognises it

    private readonly string _data = Directory.CreateTempSubdirectory("claimvision-logs-").FullName;
    private readonly ConcurrentQueue<string> _logLines = new();
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Logging.AddProvider(new CapturedLogs(_logLines));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ClaimVision:DataDirectory"] = _data,
            ["ClaimVision:Store:Provider"] = "sqlite",
            ["ClaimVision:Retry:Limit"] = "1",
        });
        var catalog = PolicyCatalog.Load([Checkout.Path("samples", "policies")]);
        var registry = InsuredRegistry.Load(Checkout.Path("samples", "registry", "insured.csv"));
        var analyzer = new FailingAnalyzer();
        builder.Services.AddSingleton<IDocumentAnalyzer>(analyzer);
        builder.Services.AddSingleton<IClaimAssessment>(sp => new PolicyClaimAssessment(catalog, registry, sp.GetRequiredService<IClaimStore>(),
            analyzer.ModelVersions, TimeProvider.System));
        builder.Services.AddClaimVisionRuntime(builder.Configuration);
        builder.Services.AddPersonalDataScrubbing();   // last, as WorkerHost and ClaimVisionServer call it
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Log_lines_about_a_failed_document_show_its_file_name_masked_and_its_id()
    {
        var store = _host.Services.GetRequiredService<IClaimStore>();
        var blobs = _host.Services.GetRequiredService<IBlobStore>();
        var documents = new List<DocumentRef>();
        foreach (var file in new[] { Rejected, Throws })
        {
            var blob = await blobs.PutAsync(Encoding.UTF8.GetBytes(file), "image/jpeg");
            documents.Add(new DocumentRef { DocumentId = $"doc-{documents.Count + 1}", FileName = file, BlobKey = blob.Key, Sha256 = blob.Sha256 });
        }
        await store.CreateClaimAsync(new ClaimRecord
        {
            ClaimId = "CLM-LOG",
            SubmittedAt = DateTimeOffset.UtcNow,
            Request = new ClaimRequest
            {
                ClaimId = "CLM-LOG",
                PolicyId = "cn-poverty-labour-inpatient",
                Insured = new InsuredPerson { Name = "杨秀英", IdNumber = "522631197803150428", Region = new Region { Code = "522631" } },
            },
            Documents = [.. documents.Select(d => new DocumentRecord { DocumentId = d.DocumentId, ClaimId = "CLM-LOG", FileName = d.FileName, BlobKey = d.BlobKey, Sha256 = d.Sha256 })],
        });
        await _host.Services.GetRequiredService<IBus>().Publish(new ClaimSubmitted
        {
            ClaimId = "CLM-LOG", CorrelationId = NewId.NextGuid(), Documents = documents, SubmittedAt = DateTimeOffset.UtcNow,
        });

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await store.GetClaimAsync("CLM-LOG"))?.Recommendation is null)
        {
            Assert.True(DateTime.UtcNow < deadline, "The claim got no recommendation within 30 s.");
            await Task.Delay(50);
        }

        // The stored reasons name the files, for the uploader and the adjuster.
        Assert.Contains(Rejected, (await store.GetDocumentAsync("doc-1"))!.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(Throws, (await store.GetDocumentAsync("doc-2"))!.ErrorMessage, StringComparison.Ordinal);
        // The hosts' log lines say which documents failed and why, without the names. (MassTransit's own fault log quotes
        // the exception as thrown; the real analyzer throws none that names a file: it reports them, as doc-1's analysis does.)
        // A consumer logs after publishing its outcome, so the lines may follow the recommendation by a moment.
        List<string> Lines() => [.. _logLines.Where(l => l.StartsWith("ClaimVision.", StringComparison.Ordinal))];
        static bool Rejection(string line) => line.Contains("doc-1", StringComparison.Ordinal) && line.Contains("***.jpg: not a JPEG", StringComparison.Ordinal);
        static bool Fault(string line) => line.Contains("doc-2", StringComparison.Ordinal) && line.Contains("***.jpg could not be read", StringComparison.Ordinal);
        while (!(Lines().Any(Rejection) && Lines().Any(Fault)) && DateTime.UtcNow < deadline) await Task.Delay(50);
        var lines = Lines();
        Assert.Contains(lines, Rejection);
        Assert.Contains(lines, Fault);
        Assert.DoesNotContain(lines, l => l.Contains("张三", StringComparison.Ordinal) || l.Contains("11010519491231002X", StringComparison.Ordinal));
        // MassTransit's own lines quote the exception as thrown, file name and all; the scrubber masks the ID in them
        // (a name it would not: see docs/runtime.md, "Personal data in logs").
        var massTransit = _logLines.Where(l => l.StartsWith("MassTransit", StringComparison.Ordinal)).ToList();
        Assert.Contains(massTransit, l => l.Contains("110105********002X.jpg could not be read", StringComparison.Ordinal));
        Assert.DoesNotContain(_logLines, l => l.Contains("11010519491231002X", StringComparison.Ordinal));
    }

    /// <summary>Reports a corrupt image for <see cref="Rejected"/>; throws, naming the file, for <see cref="Throws"/>.</summary>
    private sealed class FailingAnalyzer : IDocumentAnalyzer
    {
        public IReadOnlyDictionary<string, string> ModelVersions { get; } = new Dictionary<string, string> { ["classifier"] = "none" };

        public DocumentReport Analyze(string fileName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
            fileName == Rejected
                ? new DocumentReport { File = fileName, Error = new DocumentError("not-an-image", $"{fileName}: not a JPEG, PNG or TIFF image.") }
                : throw new IOException($"{fileName} could not be read.");
    }

    /// <summary>Every log line with its category, as a console logger would print it.</summary>
    private sealed class CapturedLogs(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose() { }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
        }
    }
}
