using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Training;

namespace ClaimVision.Intelligence.Tests;

public sealed class TrainingDataTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cv-samples-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class CountingReader(string version) : IVisionReader
    {
        public int Calls { get; private set; }
        public string Version => version;

        public VisionResult Read(string fileName, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
        {
            Calls++;
            return ClassifierPages.Vision($"住院收费票据 {fileName} {bytes.Length}");
        }
    }

    [Fact]
    public void Ground_truth_gives_labels_plain_images_none_and_ocr_caches_are_not_truth()
    {
        File.WriteAllBytes(Path.Combine(_dir, "000001-lab-report-en.jpg"), [1, 2, 3]);
        File.WriteAllText(Path.Combine(_dir, "000001-lab-report-en.json"), """{"id":"000001-lab-report-en","image":"000001-lab-report-en.jpg","type":"lab-report","fields":{}}""");
        File.WriteAllBytes(Path.Combine(_dir, "photo.png"), [4, 5]);
        File.WriteAllText(Path.Combine(_dir, "photo.ocr.json"), """{"image":"photo.png","type":"other"}""");
        var samples = SampleFolder.Read(_dir);
        Assert.Equal(2, samples.Count);
        Assert.Equal(DocumentType.LabReport, samples.Single(s => s.Path.EndsWith(".jpg", StringComparison.Ordinal)).Label);
        Assert.Null(samples.Single(s => s.Path.EndsWith(".png", StringComparison.Ordinal)).Label);
    }

    [Fact]
    public void Several_folders_train_together_but_not_one_twice_or_one_without_labels()
    {
        var generated = Path.Combine(_dir, "generated");
        var real = Path.Combine(_dir, "real");
        var plain = Path.Combine(_dir, "plain");
        foreach (var d in new[] { generated, real, plain }) Directory.CreateDirectory(d);
        File.WriteAllBytes(Path.Combine(generated, "000001-lab-report-en.jpg"), [1]);
        File.WriteAllText(Path.Combine(generated, "000001-lab-report-en.json"), """{"image":"000001-lab-report-en.jpg","type":"lab-report","fields":{}}""");
        File.WriteAllBytes(Path.Combine(real, "r.jpg"), [2]);
        File.WriteAllText(Path.Combine(real, "r.json"), """{"image":"r.jpg","type":"other"}""");
        File.WriteAllBytes(Path.Combine(real, "unlabelled.jpg"), [3]);
        File.WriteAllBytes(Path.Combine(plain, "p.jpg"), [4]);

        var both = SampleFolder.ReadLabelled([generated, real]);
        Assert.Equal([DocumentType.LabReport, DocumentType.Other], both.Select(s => s.Label!.Value));

        Assert.Contains("twice", Assert.Throws<InvalidDataException>(() => SampleFolder.ReadLabelled([generated, real, generated + "/"])).Message, StringComparison.Ordinal);
        Assert.Contains(plain, Assert.Throws<InvalidDataException>(() => SampleFolder.ReadLabelled([generated, plain])).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_ground_truth_names_the_file()
    {
        File.WriteAllText(Path.Combine(_dir, "x.json"), "{ broken");
        var e = Assert.Throws<InvalidDataException>(() => SampleFolder.Read(_dir));
        Assert.Contains("x.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_is_a_clear_error() =>
        Assert.Throws<DirectoryNotFoundException>(() => SampleFolder.Read(Path.Combine(_dir, "nope")));

    [Fact]
    public void Ocr_is_cached_by_hash_and_version_and_redone_when_either_changes()
    {
        var image = Path.Combine(_dir, "a.png");
        File.WriteAllBytes(image, [1, 2, 3]);
        var reader = new CountingReader("tess-5.3/v1");
        var cache = new OcrCache(reader);

        var (first, hit1) = cache.Get(image, default);
        var (second, hit2) = cache.Get(image, default);
        Assert.False(hit1);
        Assert.True(hit2);
        Assert.Equal(1, reader.Calls);
        Assert.True(File.Exists(Path.Combine(_dir, "a.ocr.json")));
        Assert.Equal(first.Sha256, second.Sha256);
        Assert.Equal(first.Vision.Pages[0].Text, second.Vision.Pages[0].Text);
        Assert.Equal(first.Vision.Statistics[0], second.Vision.Statistics[0]);

        File.WriteAllBytes(image, [1, 2, 3, 4]);
        Assert.False(cache.Get(image, default).Hit);
        Assert.False(new OcrCache(new CountingReader("tess-5.3/v2")).Get(image, default).Hit);
    }

    [Fact]
    public void A_cache_that_does_not_write_back_uses_valid_entries_and_leaves_the_folder_as_it_was()
    {
        var image = Path.Combine(_dir, "c.png");
        File.WriteAllBytes(image, [4, 5, 6]);
        var reader = new CountingReader("v1");
        var looking = new OcrCache(reader, writeBack: false);

        Assert.False(looking.Get(image, default).Hit);
        Assert.False(looking.Get(image, default).Hit);
        Assert.Equal(2, reader.Calls);
        Assert.Equal(["c.png"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName));

        new OcrCache(reader).Get(image, default); // written by a command that caches (train, evaluate classifier)
        Assert.True(looking.Get(image, default).Hit);
        Assert.Equal(3, reader.Calls);
    }

    [Fact]
    public void A_damaged_cache_entry_is_read_again()
    {
        var image = Path.Combine(_dir, "b.png");
        File.WriteAllBytes(image, [9]);
        File.WriteAllText(OcrCache.PathFor(image), "{ not json");
        var reader = new CountingReader("v");
        Assert.False(new OcrCache(reader).Get(image, default).Hit);
        Assert.Equal(1, reader.Calls);
    }
}
