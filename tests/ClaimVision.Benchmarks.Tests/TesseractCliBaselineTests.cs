using ClaimVision.Benchmarks.Baselines;

namespace ClaimVision.Benchmarks.Tests;

public sealed class TesseractCliBaselineTests : IDisposable
{
    // A 32×32 white PNG: tesseract reads it and finds no text (exit code 0).
    private static readonly byte[] WhitePng = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAACAAAAAgCAAAAABWESUoAAAAFklEQVR4nGP4TwAwjCoYVTCqYKQqAAA/aPwuq5iY/wAAAABJRU5ErkJggg==");

    private readonly string _folder = Directory.CreateTempSubdirectory("cv-cli-baseline-").FullName;

    [Fact]
    public async Task A_failing_file_is_counted_and_named_while_the_others_go_on()
    {
        var good = Write("white.png", WhitePng);
        var bad = Write("corrupt.png", "not an image"u8.ToArray());
        var result = await new TesseractCliBaseline().RunAsync([new CliJob(good, "eng"), new CliJob(bad, "eng"), new CliJob(good, "eng")], parallelism: 2);
        Assert.Equal(3, result.Documents);
        Assert.Equal(1, result.Failed);
        Assert.Equal(2, result.Pages);
        var error = Assert.Single(result.Errors);
        Assert.StartsWith("corrupt.png: exit code", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_tool_fails_every_file_with_a_clear_message()
    {
        var good = Write("white.png", WhitePng);
        var result = await new TesseractCliBaseline("/nonexistent/tesseract").RunAsync([new CliJob(good, "eng")], parallelism: 1);
        Assert.Equal(1, result.Failed);
        Assert.Equal(0, result.DocumentsPerSecond);
        Assert.Contains("cannot run '/nonexistent/tesseract'", Assert.Single(result.Errors), StringComparison.Ordinal);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
