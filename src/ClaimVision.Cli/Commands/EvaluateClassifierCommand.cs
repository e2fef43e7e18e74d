using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Classification;
using ClaimVision.Intelligence.Evaluation;
using ClaimVision.Intelligence.Training;
using Spectre.Console;

namespace ClaimVision.Cli.Commands;

/// <summary>
/// <c>claimvision evaluate classifier</c>: scores the document classifier on a labelled sample folder
/// (per-class precision/recall/F1, macro-F1, confusion matrix in the terminal and as SVG), or, for a
/// folder of images without ground truth, prints what it called each image and how sure it was.
/// </summary>
public static class EvaluateClassifierCommand
{
    public static Command Create()
    {
        var samples = new Option<DirectoryInfo>("--samples") { Description = "Folder of images, with or without ground-truth JSON.", Required = true };
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder (model.json + card.json).", DefaultValueFactory = _ => new DirectoryInfo("models/doc-classifier") };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Report folder: confusion.svg, metrics.json, predictions.jsonl." };
        var threads = new Option<int>("--threads") { Description = "Images OCR'd at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("classifier", "Evaluate the document classifier on a sample folder.") { samples, model, output, threads };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            parse.GetValue(samples)!.FullName, parse.GetValue(model)!.FullName, parse.GetValue(output)?.FullName, parse.GetValue(threads), cancellationToken)));
        return command;
    }

    private sealed record Prediction(string File, string? Actual, string Predicted, double Confidence, IReadOnlyList<ClassLikelihood> Alternatives);

    private static int Run(string samplesDir, string modelDir, string? reportDir, int threads, CancellationToken cancellationToken)
    {
        DocumentClassifier classifier;
        IReadOnlyList<SampleImage> samples;
        try
        {
            classifier = DocumentClassifier.Load(modelDir);
            samples = SampleFolder.Read(samplesDir);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"evaluate classifier: {e.Message}");
            return 2;
        }
        using var _ = classifier;
        if (samples.Count == 0)
        {
            Console.Error.WriteLine($"evaluate classifier: '{samplesDir}' holds no images (.jpg, .png, .tif).");
            return 2;
        }

        using var reader = ClassifierCommandSupport.OpenReader("evaluate classifier", threads);
        if (reader is null) return 2;
        var read = ClassifierCommandSupport.OcrWithProgress(samples, new OcrCache(reader), threads, cancellationToken);
        foreach (var f in read.Where(r => r.Vision is null)) Console.Error.WriteLine($"evaluate classifier: skipped {f.Sample.Path}: {f.Error}");
        var predictions = read.Where(r => r.Vision is not null).Select(r =>
        {
            var c = classifier.Classify(r.Vision!.Vision);
            return new Prediction(Path.GetFileName(r.Sample.Path), r.Sample.Label?.Label, c.Label.Label, c.Confidence, c.Alternatives);
        }).ToList();

        var threshold = classifier.Card.ConfidenceThreshold;
        var labelled = predictions.Where(p => p.Actual is not null).ToList();
        ClassificationMetrics? metrics = null;
        if (labelled.Count > 0)
        {
            metrics = ClassificationMetrics.Compute(labelled.Select(p => p.Actual!).ToList(), labelled.Select(p => p.Predicted).ToList(), classifier.Card.Classes);
            PrintMetrics(metrics);
            var unsure = labelled.Count(p => p.Confidence < threshold);
            var wrongButSure = labelled.Count(p => p.Predicted != p.Actual && p.Confidence >= threshold);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{labelled.Count} labelled documents; {unsure} below the confidence threshold {threshold:0.00}; {wrongButSure} wrong with confidence ≥ threshold; median confidence {Median(labelled.Select(p => p.Confidence)):0.000}."));
        }
        var unlabelled = predictions.Where(p => p.Actual is null).ToList();
        if (unlabelled.Count > 0) PrintCalls(unlabelled, threshold);

        if (reportDir is not null) WriteReport(reportDir, Path.GetFileName(samplesDir.TrimEnd('/')), classifier.ModelVersion, metrics, predictions);
        return 0;
    }

    private static void PrintMetrics(ClassificationMetrics m)
    {
        var table = new Table().Title("Per-class scores").AddColumns("type", "support", "precision", "recall", "F1");
        foreach (var s in m.PerClass.Where(s => s.Support > 0 || s.Precision > 0))
            table.AddRow(s.Label, s.Support.ToString(CultureInfo.InvariantCulture), F(s.Precision), F(s.Recall), F(s.F1));
        table.AddRow("[bold]macro[/]", m.PerClass.Sum(s => s.Support).ToString(CultureInfo.InvariantCulture), "", "", $"[bold]{F(m.MacroF1)}[/]");
        AnsiConsole.Write(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"macro-F1 {m.MacroF1:0.0000}  accuracy {m.Accuracy:0.0000}"));

        // Confusion matrix: rows actual, columns predicted, column headers are the row numbers.
        var present = Enumerable.Range(0, m.Labels.Count).Where(i => m.Confusion[i].Sum() > 0 || m.Confusion.Sum(r => r[i]) > 0).ToList();
        var grid = new Table().Title("Confusion (rows actual, columns predicted)").AddColumn("actual");
        foreach (var j in present) grid.AddColumn(new TableColumn((present.IndexOf(j) + 1).ToString(CultureInfo.InvariantCulture)).RightAligned());
        foreach (var i in present)
        {
            var cells = new List<string> { $"{present.IndexOf(i) + 1} {m.Labels[i]}" };
            cells.AddRange(present.Select(j => m.Confusion[i][j] == 0 ? "[grey].[/]" : i == j ? $"[green]{m.Confusion[i][j]}[/]" : $"[red]{m.Confusion[i][j]}[/]"));
            grid.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(grid);
    }

    private static void PrintCalls(IReadOnlyList<Prediction> predictions, double threshold)
    {
        var table = new Table().Title("What the classifier called each image").AddColumns("file", "type", "confidence", "runners-up");
        foreach (var p in predictions)
        {
            var confidence = p.Confidence.ToString("0.000", CultureInfo.InvariantCulture) + (p.Confidence < threshold ? " (unsure)" : "");
            var others = string.Join(", ", p.Alternatives.Where(a => a.Label.Label != p.Predicted)
                .Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Label.Label} {a.Probability:0.00}")));
            table.AddRow(Markup.Escape(p.File), p.Predicted, confidence, others);
        }
        AnsiConsole.Write(table);
    }

    private static void WriteReport(string dir, string setName, string modelVersion, ClassificationMetrics? metrics, IReadOnlyList<Prediction> predictions)
    {
        Directory.CreateDirectory(dir);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = false };
        File.WriteAllLines(Path.Combine(dir, "predictions.jsonl"), predictions.Select(p => JsonSerializer.Serialize(p, json)));
        if (metrics is not null)
        {
            File.WriteAllText(Path.Combine(dir, "metrics.json"), JsonSerializer.Serialize(new { model = modelVersion, samples = setName, metrics }, ModelCard.Json));
            File.WriteAllText(Path.Combine(dir, "confusion.svg"), ConfusionMatrixSvg.Render(metrics, $"{modelVersion} on {setName}"));
        }
        Console.WriteLine($"Report written to {dir}");
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length == 0 ? 0 : v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
}
