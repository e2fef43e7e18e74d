using System.CommandLine;
using System.Globalization;
using System.Text;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Classification;
using ClaimVision.Intelligence.Features;
using ClaimVision.Intelligence.Training;

namespace ClaimVision.Cli.Commands;

/// <summary>
/// <c>claimvision explain IMAGES…</c>: why the document classifier called each image what it did — the features that
/// raised and lowered the score of the chosen class (or of <c>--as TYPE</c>), from XGBoost's per-feature
/// contributions. For a data scientist chasing a wrong or unsure call before retraining.
/// </summary>
public static class ExplainCommand
{
    public static Command Create()
    {
        var images = new Argument<FileSystemInfo[]>("images") { Description = "Image files, or folders of them (a sample folder's ground truth is shown too).", Arity = ArgumentArity.OneOrMore };
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder (model.json + card.json).", DefaultValueFactory = _ => new DirectoryInfo("models/doc-classifier") };
        var about = new Option<string?>("--as") { Description = "Explain the score of this type instead of the one chosen (e.g. why not inpatient-invoice)." };
        var top = new Option<int>("--top") { Description = "Features listed each way.", DefaultValueFactory = _ => 8 };
        var threads = new Option<int>("--threads") { Description = "Images OCR'd at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("explain", "Show which features made the classifier call each image what it did (per-feature contributions). Uses the OCR train, evaluate classifier or evaluate fields --ocr-cache kept beside an image (<name>.ocr.json); writes nothing.")
        {
            images, model, about, top, threads,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            parse.GetValue(images)!, parse.GetValue(model)!.FullName, parse.GetValue(about), parse.GetValue(top), parse.GetValue(threads), cancellationToken)));
        return command;
    }

    private static int Run(FileSystemInfo[] inputs, string modelDir, string? about, int top, int threads, CancellationToken cancellationToken)
    {
        if (top < 1)
        {
            Console.Error.WriteLine("explain: --top must be at least 1.");
            return 2;
        }
        if (about is not null && string.IsNullOrWhiteSpace(about))
        {
            Console.Error.WriteLine("explain: --as needs a document type (e.g. inpatient-invoice).");
            return 2;
        }
        List<SampleImage> samples;
        try
        {
            samples = inputs.SelectMany(Expand).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"explain: {e.Message}");
            return 2;
        }
        if (samples.Count == 0)
        {
            Console.Error.WriteLine($"explain: {string.Join(", ", inputs.Select(i => i.FullName))} holds no images (.jpg, .jpeg, .png, .tif, .tiff).");
            return 2;
        }
        DocumentClassifier classifier;
        try
        {
            classifier = DocumentClassifier.Load(modelDir);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"explain: {e.Message}");
            return 2;
        }
        using var _ = classifier;
        DocumentType? explained = about is null ? null : new DocumentType(about.Trim());
        if (explained is { } t && !classifier.Card.Classes.Contains(t.Label))
        {
            Console.Error.WriteLine($"explain: --as {about} is not one of the model's classes: {string.Join(", ", classifier.Card.Classes)}.");
            return 2;
        }

        using var reader = ClassifierCommandSupport.OpenReader("explain", threads);
        if (reader is null) return 2;
        var read = ClassifierCommandSupport.OcrWithProgress(samples, new OcrCache(reader, writeBack: false), threads, cancellationToken);
        var failed = 0;
        foreach (var f in read.Where(r => r.Vision is null))
        {
            Console.Error.WriteLine($"explain: skipped {f.Sample.Path}: {f.Error}");
            failed++;
        }
        var documents = read.Where(r => r.Vision is not null).ToList();
        // A column one document lacks is named by the n-grams other documents of the run put there.
        var vocabulary = new Dictionary<int, string>();
        foreach (var d in documents)
            foreach (var (bucket, grams) in DocumentFeatures.GramsByBucket(d.Vision!.Vision))
                vocabulary.TryAdd(bucket, grams);

        Console.WriteLine($"Model {classifier.ModelVersion}; a cue's value is the feature's value in the document, or 'absent'.");
        foreach (var d in documents)
        {
            var e = classifier.Explain(d.Vision!.Vision, explained, top, vocabulary);
            Console.WriteLine();
            Console.WriteLine(Describe(Path.GetFileName(d.Sample.Path), d.Sample.Label, e, classifier.Card.ConfidenceThreshold));
        }
        return failed == 0 ? 0 : 1;
    }

    private static IEnumerable<SampleImage> Expand(FileSystemInfo input) => input switch
    {
        DirectoryInfo dir => SampleFolder.Read(dir.FullName),
        FileInfo file when file.Exists => [new SampleImage(file.FullName, null)],
        _ => throw new FileNotFoundException($"'{input.FullName}' does not exist."),
    };

    internal static string Describe(string file, DocumentType? truth, ClassificationExplanation e, double threshold)
    {
        var c = e.Classification;
        var text = new StringBuilder();
        var sure = c.Confidence >= threshold ? "" : $" (unsure: below {Number(threshold)})";
        var runnersUp = string.Join(", ", c.Alternatives.Skip(1).Select(a => $"{a.Label} {Number(a.Probability)}"));
        text.Append(CultureInfo.InvariantCulture, $"{file}: {c.Label} {Number(c.Confidence)}{sure}");
        if (truth is { } t) text.Append(CultureInfo.InvariantCulture, $"; labelled {t}{(t == c.Label ? "" : " (wrong)")}");
        if (e.Rule is { } rule)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"; {rule}");
            return text.ToString().TrimEnd();
        }
        text.AppendLine(CultureInfo.InvariantCulture, $"; runners-up {runnersUp}; n-gram coverage {Number(e.Coverage)}");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"  {e.Explained}: probability {Number(e.Probability)}, margin {Signed(e.Margin)} = bias {Signed(e.Bias)} + the features' contributions");
        AppendCues(text, "for", e.For);
        AppendCues(text, "against", e.Against);
        return text.ToString().TrimEnd();
    }

    private static void AppendCues(StringBuilder text, string heading, IReadOnlyList<Cue> cues)
    {
        if (cues.Count == 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    {heading,-8} (none)");
            return;
        }
        for (var i = 0; i < cues.Count; i++)
        {
            var cue = cues[i];
            var value = cue.Value is { } v ? Number(v) : "absent";
            text.AppendLine(CultureInfo.InvariantCulture, $"    {(i == 0 ? heading : ""),-8} {Signed(cue.Contribution)}  {cue.Feature} = {value}");
        }
    }

    private static string Number(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
    private static string Signed(double v) => v.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture);
}
