using ClaimVision.Domain.Documents;
using ClaimVision.Synthesis.Cases;

namespace ClaimVision.Synthesis;

/// <summary>What <c>claimvision samples generate</c> makes.</summary>
public sealed record SampleSetOptions
{
    public required int Count { get; init; }
    public required int Seed { get; init; }
    public required string OutputDirectory { get; init; }
    /// <summary>Types to cycle through; empty means every built-in type.</summary>
    public IReadOnlyList<DocumentType> Types { get; init; } = [];
    /// <summary><c>zh</c>, <c>en</c> or both (alternating per claim).</summary>
    public IReadOnlyList<string> Languages { get; init; } = ["zh", "en"];
    /// <summary>0 writes clean PNGs; otherwise the upper bound of the phone-photo effects.</summary>
    public double Severity { get; init; } = 0.5;
    public int Threads { get; init; } = Environment.ProcessorCount;
}

/// <summary>
/// Writes a labelled sample set: image + ground-truth JSON per document, and <c>index.jsonl</c> in document
/// order. Document <c>i</c> is type <c>i mod T</c> of claim <c>i div T</c>, so types are balanced and every
/// claim holds one document of each type, all drawn from one case. Each document depends only on the seed
/// and its index, so the bytes are the same whatever the thread count.
/// </summary>
public static class SampleGenerator
{
    public static IReadOnlyList<GroundTruthIndexEntry> Generate(SampleSetOptions options, Action? documentDone = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count < 1) throw new ArgumentOutOfRangeException(nameof(options), $"Count must be at least 1, not {options.Count}.");
        if (options.Threads < 1) throw new ArgumentOutOfRangeException(nameof(options), $"Threads must be at least 1, not {options.Threads}.");
        var types = options.Types.Count > 0 ? options.Types : DocumentType.BuiltIn;
        var unknown = types.Where(t => !DocumentType.BuiltIn.Contains(t)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException($"Unknown document type(s) {string.Join(", ", unknown)}; known: {string.Join(", ", DocumentType.BuiltIn)}.", nameof(options));
        var bad = options.Languages.Where(l => l is not ("zh" or "en")).ToList();
        if (options.Languages.Count == 0 || bad.Count > 0)
            throw new ArgumentException($"Languages must be zh and/or en, not '{string.Join(",", options.Languages)}'.", nameof(options));

        Directory.CreateDirectory(options.OutputDirectory);
        var entries = new GroundTruthIndexEntry[options.Count];
        var cases = new System.Collections.Concurrent.ConcurrentDictionary<int, MedicalCase>();
        Parallel.For(0, options.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads, CancellationToken = cancellationToken }, i =>
        {
            var claim = i / types.Count;
            var type = types[i % types.Count];
            var language = options.Languages[claim % options.Languages.Count];
            var medicalCase = cases.GetOrAdd(claim, k => CaseGenerator.Generate(Mix(options.Seed, k, 0x5EED), language));
            var id = $"{i:000000}-{type}-{language}";
            var document = DocumentRenderer.Render(medicalCase, type, new RenderOptions { Id = id, Severity = options.Severity }, Mix(options.Seed, i, 0xD0C));
            File.WriteAllBytes(Path.Combine(options.OutputDirectory, document.Truth.Image), document.Image);
            File.WriteAllText(Path.Combine(options.OutputDirectory, id + ".json"), GroundTruthJson.Serialize(document.Truth));
            entries[i] = new GroundTruthIndexEntry(id, document.Truth.Image, id + ".json", type, language, medicalCase.CaseId);
            // A claim's case is only needed by its own documents; drop it once the last one is drawn.
            if (i % types.Count == types.Count - 1) cases.TryRemove(claim, out _);
            documentDone?.Invoke();
        });
        File.WriteAllLines(Path.Combine(options.OutputDirectory, GroundTruthJson.IndexFileName), entries.Select(GroundTruthJson.SerializeIndexLine));
        return entries;
    }

    /// <summary>A well-spread 31-bit seed from the run seed, an index and a purpose tag (SplitMix64 finaliser).</summary>
    internal static int Mix(int seed, int index, int purpose)
    {
        var z = unchecked((ulong)(uint)seed << 32 | (uint)index) ^ ((ulong)(uint)purpose * 0x9E3779B97F4A7C15UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
    }
}
