using System.Text;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence;
using ClaimVision.Pipeline.Assessment;
using ClaimVision.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimVision.TestWorker;

/// <summary>Registers the test doubles; <c>ClaimVision:Test:AnalysisDelayMs</c> makes analysis hold a message that long.</summary>
public static class TestEngines
{
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<IDocumentAnalyzer>(sp =>
            new ScriptedAnalyzer(sp.GetRequiredService<IConfiguration>().GetValue("ClaimVision:Test:AnalysisDelayMs", 0)));
        services.AddSingleton<IClaimAssessment, SumAssessment>();
    }
}

/// <summary>
/// An analyser whose result the test controls through the bytes: a PNG/JPEG header is a document whose
/// total amount is the ASCII number after the 8-byte header; "POISON" throws every time (a message that can
/// never succeed); anything else is a corrupt image.
/// </summary>
public sealed class ScriptedAnalyzer(int delayMs) : IDocumentAnalyzer
{
    public static readonly byte[] PngHeader = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public IReadOnlyDictionary<string, string> ModelVersions { get; } = new Dictionary<string, string> { ["test"] = "1" };

    /// <summary>A fake image the analyser reads as a document with that total.</summary>
    public static byte[] Document(decimal total, string salt = "") =>
        [.. PngHeader, .. Encoding.ASCII.GetBytes(total.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + salt)];

    public static byte[] Poison(string salt = "") => Encoding.ASCII.GetBytes("POISON" + salt);

    private int _calls;
    private int _callsOnPoolThreads;

    /// <summary>Analyses run so far.</summary>
    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Analyses that ran on a thread-pool thread: a real analysis holds its thread for seconds of CPU.</summary>
    public int CallsOnPoolThreads => Volatile.Read(ref _callsOnPoolThreads);

    public DocumentReport Analyze(string fileName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        if (Thread.CurrentThread.IsThreadPoolThread) Interlocked.Increment(ref _callsOnPoolThreads);
        var span = bytes.Span;
        if (span.StartsWith("POISON"u8))
            throw new InvalidOperationException($"{fileName}: the analyser crashed on this document");
        if (!span.StartsWith(PngHeader))
            return new DocumentReport { File = fileName, Error = new DocumentError("corrupt-image", $"{fileName}: the bytes are not a PNG or JPEG image") };
        if (delayMs > 0) Task.Delay(delayMs, cancellationToken).GetAwaiter().GetResult();
        var text = Encoding.ASCII.GetString(span[PngHeader.Length..]);
        var total = decimal.Parse(text.Split('|')[0], System.Globalization.CultureInfo.InvariantCulture);
        var box = new BoundingBox(40, 60, 200, 30);
        return new DocumentReport
        {
            File = fileName,
            Width = 800,
            Height = 600,
            PageCount = 1,
            MeanConfidence = 0.9,
            Text = $"合计 {total}",
            Lines = [new ReportLine($"合计 {total}", 0.9, box)],
            DocumentType = new DocumentClassification(DocumentType.InpatientInvoice, 0.95, []),
            Fields = new Dictionary<string, ExtractedField>
            {
                [FieldNames.TotalAmount] = new() { Name = FieldNames.TotalAmount, Value = text.Split('|')[0], Normalized = text.Split('|')[0], Confidence = 0.9, Box = box },
            },
            TimingsMs = new StageTimings { Decode = 1, Ocr = 2, Total = 3 },
        };
    }
}

/// <summary>
/// Pays the sum of the documents' total amounts; any failed document sends the claim to review; a document totalling
/// <see cref="CrashingTotal"/> makes the assessment throw every time (an assessment that can never succeed).
/// </summary>
public sealed class SumAssessment : IClaimAssessment
{
    public const decimal CrashingTotal = 666.66m;

    public Task<Recommendation> AssessAsync(ClaimRecord claim, IReadOnlyList<AnalyzedDocument> documents, CancellationToken ct = default)
    {
        var amounts = documents.Where(d => !d.Failed).Select(d => decimal.Parse(d.Field(FieldNames.TotalAmount)!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        if (amounts.Contains(CrashingTotal))
            throw new InvalidOperationException($"the assessment crashed on claim {claim.ClaimId}");
        var failed = documents.Where(d => d.Failed).ToList();
        var total = amounts.Sum();
        return Task.FromResult(new Recommendation
        {
            ClaimId = claim.ClaimId,
            Decision = failed.Count > 0 ? Decision.Review : Decision.Approve,
            PayableAmount = total,
            Currency = "CNY",
            Confidence = failed.Count > 0 ? 0.5 : 0.9,
            PolicyVersion = "test-1",
            Factors =
            [
                new Factor
                {
                    Name = "documents-readable",
                    Status = failed.Count > 0 ? FactorStatus.Fail : FactorStatus.Pass,
                    Effect = failed.Count > 0 ? "review" : "none",
                    Reason = failed.Count > 0 ? $"{failed.Count} document(s) could not be read" : "every document was read",
                    Evidence = [.. documents.Where(d => !d.Failed).Select(d => new Evidence
                    {
                        DocumentId = d.DocumentId.Value, FileName = d.FileName, Field = FieldNames.TotalAmount,
                        Value = d.Field(FieldNames.TotalAmount)!.Value, Box = d.Field(FieldNames.TotalAmount)!.Box,
                    })],
                },
            ],
            Reasons = [$"payable is the sum of {amounts.Count} invoice total(s)"],
            Computation = [new ComputationStep { Step = "sum of totals", Clause = "test §1", Amount = total }],
            CreatedAt = DateTimeOffset.UtcNow,
        });
    }
}
