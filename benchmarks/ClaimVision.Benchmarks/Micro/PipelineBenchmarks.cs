using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ClaimVision.Contracts;
using ClaimVision.Pipeline.Storage;

namespace ClaimVision.Benchmarks.Micro;

/// <summary>The filesystem blob store (content-addressed put, get) with a 200 KB image-sized blob.</summary>
[MemoryDiagnoser]
public class BlobStoreBenchmarks
{
    private string _root = "";
    private FileSystemBlobStore _store = null!;
    private byte[] _blob = [];
    private string _key = "";
    private int _counter;

    [GlobalSetup]
    public async Task Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "claimvision-micro-" + Guid.NewGuid().ToString("N")[..8]);
        _store = new FileSystemBlobStore(_root);
        _blob = new byte[200 * 1024];
        new Random(1).NextBytes(_blob);
        _key = (await _store.PutAsync(_blob, "image/jpeg")).Key;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    /// <summary>A new blob each time (hash, temp file, atomic rename).</summary>
    [Benchmark]
    public async Task<string> PutNew()
    {
        BitConverter.TryWriteBytes(_blob.AsSpan(0, 4), Interlocked.Increment(ref _counter));
        return (await _store.PutAsync(_blob, "image/jpeg")).Key;
    }

    [Benchmark]
    public async Task<int> Get() => (await _store.GetAsync(_key))!.Length;
}

/// <summary>The messages of one document's trip, serialised as MassTransit's System.Text.Json serializer does.</summary>
[MemoryDiagnoser]
public class MessageSerializationBenchmarks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly DocumentAnalyzed _analyzed = new()
    {
        ClaimId = "claim-2026-000123",
        CorrelationId = Guid.NewGuid(),
        DocumentId = "3f2a9c0d1e4b5a6978c0d1e2f3a4b5c6",
        ReportKey = "reports/3f2a9c0d1e4b5a6978c0d1e2f3a4b5c6.json",
        DocumentType = "pharmacy-receipt",
        Confidence = 0.93,
        TimingsMs = new Dictionary<string, double> { ["decode"] = 12, ["preprocess"] = 80, ["classify"] = 3, ["ocr"] = 900, ["extract"] = 2, ["total"] = 1000 },
    };
    private byte[] _bytes = [];

    [GlobalSetup]
    public void Setup() => _bytes = JsonSerializer.SerializeToUtf8Bytes(_analyzed, Json);

    [Benchmark]
    public int Serialize() => JsonSerializer.SerializeToUtf8Bytes(_analyzed, Json).Length;

    [Benchmark]
    public string Deserialize() => JsonSerializer.Deserialize<DocumentAnalyzed>(_bytes, Json)!.DocumentId;
}
