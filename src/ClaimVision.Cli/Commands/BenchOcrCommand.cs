using System.CommandLine;
using System.Globalization;
using ClaimVision.Benchmarks;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Cli.Commands;

/// <summary>
/// <c>claimvision bench ocr --input DIR [--threads N] [--lang L] [--limit N]</c>: pages/s of analyze against the
/// tesseract CLI on the same files in the same run, and their ratio.
/// </summary>
public static class BenchOcrCommand
{
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".tif", ".tiff"];

    /// <summary>The <c>bench</c> command (<see cref="BenchCommand"/>), which holds <c>ocr</c> among its subcommands.</summary>
    public static Command Create() => BenchCommand.Create();

    /// <summary>The <c>ocr</c> subcommand of <c>bench</c>.</summary>
    public static Command CreateOcr()
    {
        var input = new Option<string>("--input") { Description = "Folder of images (JPEG, PNG, TIFF).", Required = true };
        var threads = new Option<int>("--threads") { Description = "Engines / CLI processes at once (default: cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var language = new Option<string>("--lang") { Description = "Model for both sides (default eng; auto adds OSD to analyze only).", DefaultValueFactory = _ => "eng" };
        var limit = new Option<int?>("--limit") { Description = "Use only the first N files." };
        var ocr = new Command("ocr", "Pages per second of analyze against the tesseract CLI on the same files.") { input, threads, language, limit };
        ocr.SetAction((parse, ct) => RunAsync(parse.GetValue(input)!, parse.GetValue(threads), parse.GetValue(language)!, parse.GetValue(limit), ct));
        return ocr;
    }

    private static async Task<int> RunAsync(string input, int threads, string language, int? limit, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(input) || threads < 1)
        {
            Console.Error.WriteLine($"bench ocr: {(threads < 1 ? "--threads must be at least 1" : $"{input}: no such folder")}.");
            return 2;
        }
        var files = Directory.EnumerateFiles(input)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .Take(limit ?? int.MaxValue)
            .ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"bench ocr: {input}: no JPEG, PNG or TIFF files.");
            return 2;
        }
        using var script = CommittedScriptGuess.Load();
        var ours = OcrThroughput.Analyze(files, threads, language, script, cancellationToken);
        var cli = await OcrThroughput.TesseractCliAsync(files, threads, language == OcrOptions.Auto ? "eng" : language, cancellationToken);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"{files.Count} files, {threads} thread(s), lang {language}"));
        foreach (var r in new[] { ours, cli })
            Console.WriteLine(string.Create(c, $"{r.Name,-20} {r.PagesPerSecond,7:0.00} pages/s  ({r.Pages} pages, {r.Failed} failed, {r.Seconds:0.0} s)"));
        Console.WriteLine(string.Create(c, $"ratio analyze/CLI   {(cli.PagesPerSecond > 0 ? ours.PagesPerSecond / cli.PagesPerSecond : 0):0.00}×"));
        return ours.Failed + cli.Failed > 0 ? 1 : 0;
    }
}
