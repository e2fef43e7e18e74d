using System.CommandLine;
using System.Globalization;
using ClaimVision.Intelligence;
using ClaimVision.Intelligence.Evaluation;
using ClaimVision.Vision;
using ClaimVision.Vision.Ocr;

namespace ClaimVision.Cli.Commands;

/// <summary>
/// <c>claimvision evaluate ocr --dataset DIR [--threads N] [--lang L] [--limit N]</c>: OCR an SROIE-style dataset and print
/// the median milliseconds per page and the character error rate against its line text, with the worst files.
/// </summary>
public static class EvaluateOcrCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Folder with img/*.jpg and box/*.csv (SROIE layout).", Required = true };
        var threads = new Option<int>("--threads") { Description = "Files analysed at once (default 1, so the per-page time is not shared with other pages).", DefaultValueFactory = _ => 1 };
        var language = new Option<string>("--lang") { Description = "auto, eng or chi_sim.", DefaultValueFactory = _ => OcrOptions.Auto };
        var limit = new Option<int?>("--limit") { Description = "Evaluate only the first N files." };
        var ocr = new Command("ocr", "Character error rate and time per page of OCR on a labelled dataset.") { dataset, threads, language, limit };
        ocr.SetAction((parse, cancellationToken) => Task.FromResult(Run(parse.GetValue(dataset)!, parse.GetValue(threads), parse.GetValue(language)!, parse.GetValue(limit), cancellationToken)));
        return ocr;
    }

    private static int Run(string dataset, int threads, string language, int? limit, CancellationToken cancellationToken)
    {
        if (threads < 1)
        {
            Console.Error.WriteLine("evaluate ocr: --threads must be at least 1.");
            return 2;
        }
        IReadOnlyList<OcrSample> samples;
        try
        {
            samples = OcrEvaluation.LoadSroie(dataset);
        }
        catch (DirectoryNotFoundException ex)
        {
            Console.Error.WriteLine($"evaluate ocr: {ex.Message}");
            return 2;
        }
        if (limit is { } n) samples = samples.Take(n).ToList();
        var options = new VisionOptions { Language = language };
        using var pool = new EnginePool(new OcrOptions { PoolSize = threads, Language = language });
        using var script = CommittedScriptGuess.Load();
        var analyzer = new DocumentAnalyzer(new VisionPipeline(pool, script), options);
        var c = CultureInfo.InvariantCulture;
        var scores = OcrEvaluation.Score(analyzer, samples, threads, options.Limits.MaxBytes,
            s => Console.Error.WriteLine(string.Create(c, $"  {s.File,-12} CER {s.Cer:0.000}  line CER {s.LineCer:0.000}  {s.Milliseconds:0} ms")), cancellationToken);
        var summary = OcrEvaluation.Summarise(scores, samples);

        Console.WriteLine(string.Create(c, $"dataset        {dataset}"));
        Console.WriteLine(string.Create(c, $"files          {summary.Files} ({summary.Failed} failed), threads {threads}, lang {language}"));
        Console.WriteLine(string.Create(c, $"median ms/page {summary.MedianMsPerPage:0}"));
        Console.WriteLine(string.Create(c, $"CER whole-text median {summary.MedianCer:0.000}, mean {summary.MeanCer:0.000}, corpus {summary.CorpusCer:0.000}  (reading order counts)"));
        Console.WriteLine(string.Create(c, $"CER line-match median {summary.MedianLineCer:0.000}, corpus {summary.CorpusLineCer:0.000}  (each expected line against its best OCR line)"));
        Console.WriteLine("worst files:");
        foreach (var s in summary.Worst)
            Console.WriteLine(string.Create(c, $"  {s.File,-12} CER {s.Cer:0.000}  line CER {s.LineCer:0.000}  {s.Milliseconds:0} ms{(s.Error is null ? "" : "  " + s.Error)}"));
        return summary.Failed > 0 ? 1 : 0;
    }
}
