using ClaimVision.Integration.Tests.Runtime;

namespace ClaimVision.Integration.Tests;

/// <summary>`claimvision explain` with the committed classifier on a sample claim's document, in a process of its own.</summary>
public sealed class ExplainCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cv-explain-" + Guid.NewGuid().ToString("N"));

    public ExplainCommandTests()
    {
        Directory.CreateDirectory(_dir);
        File.Copy(Path.Combine(Checkout.Root, "samples", "claims", "03-en-partial-deductible", "1-outpatient-invoice.jpg"),
            Path.Combine(_dir, "bill.jpg"));
    }

    [Fact]
    public async Task Explains_the_call_with_cues_both_ways_and_writes_nothing_beside_the_image()
    {
        var (exit, output) = await ClaimVisionCli.RunAsync(["explain", Path.Combine(_dir, "bill.jpg"), "--top", "3"]);

        Assert.True(exit == 0, output);
        Assert.Matches(@"bill\.jpg: outpatient-invoice [01]\.\d{3}; runners-up ", output);
        Assert.Matches(@"outpatient-invoice: probability [01]\.\d{3}, margin [+-]\d+\.\d\d = bias [+-]\d+\.\d\d", output);
        Assert.Matches(@"\n    for      \+\d+\.\d\d  \S", output);
        Assert.Matches(@"\n    against  -\d+\.\d\d  \S", output);
        Assert.Equal(["bill.jpg"], Directory.EnumerateFileSystemEntries(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_type_the_model_does_not_have_is_refused_naming_those_it_has()
    {
        var (exit, output) = await ClaimVisionCli.RunAsync(["explain", Path.Combine(_dir, "bill.jpg"), "--as", "invoice"]);

        Assert.Equal(2, exit);
        Assert.Contains("--as invoice", output, StringComparison.Ordinal);
        Assert.Contains("outpatient-invoice", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--as", " ")]
    [InlineData("--top", "0")]
    public async Task A_blank_type_or_no_cues_to_list_is_refused(string option, string value)
    {
        var (exit, output) = await ClaimVisionCli.RunAsync(["explain", Path.Combine(_dir, "bill.jpg"), option, value]);

        Assert.Equal(2, exit);
        Assert.Contains(option, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_images_is_refused_naming_it()
    {
        var empty = Path.Combine(_dir, "empty");
        Directory.CreateDirectory(empty);

        var (exit, output) = await ClaimVisionCli.RunAsync(["explain", empty]);

        Assert.Equal(2, exit);
        Assert.Contains(empty, output, StringComparison.Ordinal);
        Assert.Contains("no images", output, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
