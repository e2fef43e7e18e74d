using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Training;

namespace ClaimVision.Intelligence.Tests;

public sealed class SampleLabellerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cv-label-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Source(string name, params byte[] bytes)
    {
        var folder = Path.Combine(_dir, "source");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Folder => Path.Combine(_dir, "labelled");

    [Fact]
    public void Labelled_images_are_copied_and_read_back_with_their_type()
    {
        var done = SampleLabeller.Label([Source("000.jpg", 1, 2), Source("001.png", 3)], DocumentType.Other, Folder, "sroie-");

        Assert.Equal(2, done.Count);
        Assert.All(done, d => Assert.True(d.Copied));
        var samples = SampleFolder.Read(Folder);
        Assert.Equal(["sroie-000.jpg", "sroie-001.png"], samples.Select(s => Path.GetFileName(s.Path)));
        Assert.All(samples, s => Assert.Equal(DocumentType.Other, s.Label));
        Assert.Equal([1, 2], File.ReadAllBytes(Path.Combine(Folder, "sroie-000.jpg")));
        using var truth = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "sroie-000.json")));
        Assert.Equal("sroie-000.jpg", truth.RootElement.GetProperty("image").GetString());
        Assert.Equal("000.jpg", truth.RootElement.GetProperty("source").GetString()); // the file name, never its folders
    }

    [Fact]
    public void Another_image_with_the_same_stem_keeps_its_label()
    {
        SampleLabeller.Label([Source("000.png", 1)], DocumentType.PharmacyReceipt, Folder, "sroie-");

        Assert.Throws<InvalidDataException>(() => SampleLabeller.Label([Source("000.jpg", 2)], DocumentType.Other, Folder, "sroie-"));

        Assert.Equal(DocumentType.PharmacyReceipt, Assert.Single(SampleFolder.Read(Folder), s => s.Label is not null).Label);
        Assert.False(File.Exists(Path.Combine(Folder, "sroie-000.jpg")));
    }

    [Fact]
    public void Labelling_an_image_again_replaces_its_label_and_says_what_it_was()
    {
        var image = Source("132.jpg", 7);
        SampleLabeller.Label([image], DocumentType.Other, Folder);

        var again = Assert.Single(SampleLabeller.Label([image], DocumentType.PharmacyReceipt, Folder));

        Assert.False(again.Copied);
        Assert.Equal(DocumentType.Other, again.Previous);
        Assert.Equal(DocumentType.PharmacyReceipt, Assert.Single(SampleFolder.Read(Folder)).Label);
    }

    [Fact]
    public void A_different_image_under_a_taken_name_is_refused_and_nothing_is_written()
    {
        SampleLabeller.Label([Source("a.jpg", 1)], DocumentType.Other, Folder);
        var other = Path.Combine(_dir, "elsewhere");
        Directory.CreateDirectory(other);
        File.WriteAllBytes(Path.Combine(other, "a.jpg"), [2]);
        var fresh = Source("b.jpg", 3);

        var e = Assert.Throws<InvalidDataException>(() => SampleLabeller.Label([fresh, Path.Combine(other, "a.jpg")], DocumentType.Other, Folder));

        Assert.Contains("a.jpg", e.Message, StringComparison.Ordinal);
        Assert.Contains("--prefix", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Folder, "b.jpg")), "the first image of the call was copied before the second was refused");
        Assert.Equal([1], File.ReadAllBytes(Path.Combine(Folder, "a.jpg")));
    }

    [Fact]
    public void Generated_ground_truth_with_fields_is_not_overwritten()
    {
        Directory.CreateDirectory(Folder);
        var image = Path.Combine(Folder, "000001-lab-report-en.jpg");
        File.WriteAllBytes(image, [5]);
        File.WriteAllText(Path.ChangeExtension(image, ".json"), """{"image":"000001-lab-report-en.jpg","type":"lab-report","fields":{"testName":{"value":"CBC"}}}""");

        var e = Assert.Throws<InvalidDataException>(() => SampleLabeller.Label([image], DocumentType.Other, Folder));

        Assert.Contains("fields", e.Message, StringComparison.Ordinal);
        Assert.Equal(DocumentType.LabReport, Assert.Single(SampleFolder.Read(Folder)).Label);
    }

    [Theory]
    [InlineData("Other")]
    [InlineData("pharmacy receipt")]
    [InlineData("-other")]
    public void A_label_that_is_not_kebab_case_is_refused(string label) =>
        Assert.Throws<ArgumentException>(() => SampleLabeller.Label([Source("x.jpg", 1)], new DocumentType(label), Folder));

    [Fact]
    public void Non_images_missing_files_and_two_images_of_one_name_are_refused()
    {
        Assert.Throws<InvalidDataException>(() => SampleLabeller.Label([Source("notes.txt", 1)], DocumentType.Other, Folder));
        Assert.Throws<FileNotFoundException>(() => SampleLabeller.Label([Path.Combine(_dir, "gone.jpg")], DocumentType.Other, Folder));
        var twin = Path.Combine(_dir, "twin");
        Directory.CreateDirectory(twin);
        File.WriteAllBytes(Path.Combine(twin, "same.png"), [1]);
        Assert.Throws<InvalidDataException>(() => SampleLabeller.Label([Source("same.jpg", 1), Path.Combine(twin, "same.png")], DocumentType.Other, Folder));
        Assert.False(Directory.Exists(Folder));
    }
}
