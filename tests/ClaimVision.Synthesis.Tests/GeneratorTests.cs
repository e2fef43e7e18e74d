using ClaimVision.Domain.Documents;

namespace ClaimVision.Synthesis.Tests;

public sealed class GeneratorTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cv-synth-" + Guid.NewGuid().ToString("n"));

    private SampleSetOptions Options(string name, int threads) => new()
    {
        Count = 8, Seed = 2024, OutputDirectory = Path.Combine(_root, name), Threads = threads, Severity = 0.7,
        Types = [DocumentType.InpatientInvoice, DocumentType.IdCard, DocumentType.Other, DocumentType.LabReport],
    };

    [Fact]
    public void Same_seed_gives_the_same_files_whatever_the_thread_count()
    {
        SampleGenerator.Generate(Options("one", 1));
        SampleGenerator.Generate(Options("two", 2));

        var one = Directory.GetFiles(Path.Combine(_root, "one")).Select(Path.GetFileName).Order().ToList();
        var two = Directory.GetFiles(Path.Combine(_root, "two")).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(one, two);
        Assert.Equal(8 * 2 + 1, one.Count);
        foreach (var f in one)
            Assert.Equal(File.ReadAllBytes(Path.Combine(_root, "one", f!)), File.ReadAllBytes(Path.Combine(_root, "two", f!)));
    }

    [Fact]
    public void Index_lists_every_document_balanced_over_types_and_one_case_per_claim()
    {
        var entries = SampleGenerator.Generate(Options("set", 2));
        var loaded = GroundTruthJson.LoadFolder(Path.Combine(_root, "set"));

        Assert.Equal(8, loaded.Count);
        Assert.All(loaded, l => Assert.True(File.Exists(l.ImagePath), l.ImagePath));
        Assert.All(entries.GroupBy(e => e.Type), g => Assert.Equal(2, g.Count()));
        // Claim 0 is Chinese, claim 1 English; all documents of a claim share its case.
        Assert.Single(entries.Take(4).Select(e => e.CaseId).Distinct());
        Assert.Equal(["zh", "en"], entries.Select(e => e.Language).Distinct());
        var invoice = loaded[0].Truth;
        var idCard = loaded[1].Truth;
        Assert.Equal(invoice.Field(FieldNames.PatientName)!.Normalized, idCard.Field(FieldNames.PatientName)!.Normalized);
    }

    [Fact]
    public void Bad_options_are_refused_with_what_is_wrong()
    {
        var e = Assert.Throws<ArgumentException>(() => SampleGenerator.Generate(Options("bad", 1) with { Types = [new DocumentType("fax")] }));
        Assert.Contains("fax", e.Message);
        Assert.Throws<ArgumentException>(() => SampleGenerator.Generate(Options("bad", 1) with { Languages = ["fr"] }));
        Assert.Throws<ArgumentOutOfRangeException>(() => SampleGenerator.Generate(Options("bad", 1) with { Count = 0 }));
        var missing = Assert.Throws<FileNotFoundException>(() => GroundTruthJson.LoadFolder(_root));
        Assert.Contains("index.jsonl", missing.Message);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
