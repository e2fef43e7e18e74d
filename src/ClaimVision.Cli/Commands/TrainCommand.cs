using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ClaimVision.Intelligence.Classification;
using ClaimVision.Intelligence.Learning;
using ClaimVision.Intelligence.Training;
using Spectre.Console;

namespace ClaimVision.Cli.Commands;

/// <summary><c>claimvision train</c>: OCR a labelled sample folder (cached) and train the document classifier.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var samples = new Option<DirectoryInfo[]>("--samples")
        {
            Description = "Labelled sample folder (written by `samples generate` or `samples label`); give it again to train on several.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<DirectoryInfo>("--out") { Description = "Model folder to write model.json and card.json into.", DefaultValueFactory = _ => new DirectoryInfo("models/doc-classifier") };
        var seed = new Option<int>("--seed") { Description = "Seed of the validation split and the booster.", DefaultValueFactory = _ => 1 };
        var threads = new Option<int>("--threads") { Description = "Images OCR'd at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var defaults = new TrainingOptions();
        var learningRate = new Option<double>("--learning-rate") { Description = "XGBoost eta: how far each tree moves the prediction.", DefaultValueFactory = _ => defaults.LearningRate };
        var maxDepth = new Option<int>("--max-depth") { Description = "Depth of each tree.", DefaultValueFactory = _ => defaults.MaxDepth };
        var maxRounds = new Option<int>("--max-rounds") { Description = "Most boosting rounds (early stopping usually ends sooner).", DefaultValueFactory = _ => defaults.MaxRounds };
        var patience = new Option<int>("--early-stopping") { Description = "Stop after this many rounds without a better validation log-loss; the best round is kept.", DefaultValueFactory = _ => defaults.EarlyStoppingRounds };
        var command = new Command("train", "Train the document classifier on labelled samples; OCR results are cached beside the images as <name>.ocr.json.")
        {
            samples, output, seed, threads, learningRate, maxDepth, maxRounds, patience,
        };
        command.Subcommands.Add(TrainScriptCommand.Create());
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new TrainingOptions
            {
                Seed = parse.GetValue(seed),
                LearningRate = parse.GetValue(learningRate),
                MaxDepth = parse.GetValue(maxDepth),
                MaxRounds = parse.GetValue(maxRounds),
                EarlyStoppingRounds = parse.GetValue(patience),
            };
            if (!(options.LearningRate > 0 && options.LearningRate <= 1) || options.MaxDepth is < 1 or > 16 || options.MaxRounds < 1 || options.EarlyStoppingRounds < 1)
            {
                Console.Error.WriteLine("train: --learning-rate must be in (0, 1], --max-depth 1..16, --max-rounds and --early-stopping at least 1.");
                return Task.FromResult(2);
            }
            return Task.FromResult(Run(parse.GetValue(samples)!.Select(d => d.FullName).ToList(), parse.GetValue(output)!.FullName, options, parse.GetValue(threads), cancellationToken));
        });
        return command;
    }

    private static int Run(IReadOnlyList<string> samplesDirs, string outputDir, TrainingOptions options, int threads, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        IReadOnlyList<SampleImage> samples;
        try
        {
            samples = SampleFolder.ReadLabelled(samplesDirs);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"train: {e.Message}");
            return 2;
        }

        using var reader = ClassifierCommandSupport.OpenReader("train", threads);
        if (reader is null) return 2;
        var read = ClassifierCommandSupport.OcrWithProgress(samples, new OcrCache(reader), threads, cancellationToken);
        var failed = read.Where(r => r.Vision is null).ToList();
        foreach (var f in failed) Console.Error.WriteLine($"train: skipped {f.Sample.Path}: {f.Error}");
        var documents = read.Where(r => r.Vision is not null)
            .Select(r => new TrainingDocument(r.Vision!.Sha256, r.Sample.Label!.Value, r.Vision.Vision)).ToList();
        var ocrSeconds = watch.Elapsed.TotalSeconds;

        ModelCard card;
        try
        {
            card = ClassifierTrainer.TrainAndSave(documents, outputDir, options, reader.Version,
                string.Join(',', samplesDirs.Select(d => Path.GetFileName(d.TrimEnd('/')))));
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"train: {e.Message}");
            return 2;
        }

        var modelBytes = new FileInfo(Path.Combine(outputDir, DocumentClassifier.ModelFileName)).Length;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Trained {card.Version} on {documents.Count} documents ({card.Classes.Count} types; {read.Count(r => r.FromCache)} OCR results from cache, {failed.Count} skipped)."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Validation ({card.Validation.Rows} held-out rows): macro-F1 {card.Validation.MacroF1:0.000}, accuracy {card.Validation.Accuracy:0.000}, log-loss {card.Validation.LogLoss:0.0000} → {card.Validation.CalibratedLogLoss:0.0000} at T={card.Temperature:0.00}, {card.Validation.BestRound} rounds."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {outputDir}/model.json ({modelBytes / 1024.0:0} KiB) and card.json; data sha256 {card.TrainingData.Sha256[..12]}…; OCR {ocrSeconds:0.0} s, total {watch.Elapsed.TotalSeconds:0.0} s."));
        return 0;
    }
}

/// <summary>What train, evaluate classifier and explain share: OCR of a sample folder with a progress bar on stderr.</summary>
internal static class ClassifierCommandSupport
{
    /// <summary>The classifier commands' reader on the environment's OCR options; null, with the reason on stderr, when a
    /// <c>ClaimVision__Ocr__</c> variable is wrong (the command then exits 2).</summary>
    public static PipelineVisionReader? OpenReader(string command, int threads)
    {
        try
        {
            return new PipelineVisionReader(threads);
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine($"{command}: {e.Message}");
            return null;
        }
    }

    public static IReadOnlyList<ReadSample> OcrWithProgress(IReadOnlyList<SampleImage> samples, OcrCache cache, int threads, CancellationToken cancellationToken)
    {
        if (Console.IsErrorRedirected)
            return SampleReader.ReadAll(samples, cache, threads, null, cancellationToken);
        IReadOnlyList<ReadSample> result = [];
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("OCR", maxValue: samples.Count);
                result = SampleReader.ReadAll(samples, cache, threads, () => task.Increment(1), cancellationToken);
            });
        return result;
    }
}
