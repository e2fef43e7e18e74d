using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ClaimVision.Intelligence.Learning;
using ClaimVision.Intelligence.Script;

namespace ClaimVision.Cli.Commands;

/// <summary><c>claimvision train script</c>: measure the text shape of labelled pages (no OCR) and train the script guess.</summary>
public static class TrainScriptCommand
{
    public static Command Create()
    {
        var samples = new Option<DirectoryInfo>("--samples") { Description = "Folder written by `samples generate` (…-zh.jpg = Han, …-en.jpg = Latin).", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Model folder to write model.json and card.json into.", DefaultValueFactory = _ => new DirectoryInfo("models/" + ScriptGuessModel.FolderName) };
        var seed = new Option<int>("--seed") { Description = "Seed of the folds, the validation split and the booster.", DefaultValueFactory = _ => 1 };
        var command = new Command("script", "Train the script guess (Han or Latin, from the shape of a page's text before any OCR).") { samples, output, seed };
        command.SetAction(parse => Run(parse.GetValue(samples)!.FullName, parse.GetValue(output)!.FullName, parse.GetValue(seed)));
        return command;
    }

    private static int Run(string samplesDir, string outputDir, int seed)
    {
        var c = CultureInfo.InvariantCulture;
        var watch = Stopwatch.StartNew();
        ScriptSampleSet set;
        try
        {
            set = ScriptSamples.Read(samplesDir);
        }
        catch (DirectoryNotFoundException e)
        {
            Console.Error.WriteLine($"train script: {e.Message}");
            return 2;
        }
        foreach (var s in set.Skipped) Console.Error.WriteLine($"train script: skipped {s}");
        ScriptTrainingOutcome outcome;
        try
        {
            outcome = ScriptGuessTrainer.TrainAndSave(set.Samples, outputDir, new TrainingOptions { Seed = seed }, Path.GetFileName(samplesDir.TrimEnd('/')));
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"train script: {e.Message}");
            return 2;
        }
        var card = outcome.Card;
        Console.WriteLine(string.Create(c, $"Trained {card.Version} on {set.Samples.Count} pages ({string.Join(", ", card.TrainingData.ClassCounts.Select(kv => $"{kv.Value} {kv.Key}"))}; {set.Skipped.Count} skipped); features {set.FeatureMilliseconds / Math.Max(1, set.Samples.Count + set.Skipped.Count):0.0} ms/page."));
        Console.WriteLine(string.Create(c, $"Validation ({card.Validation.Rows} held-out rows): accuracy {card.Validation.Accuracy:0.000}, macro-F1 {card.Validation.MacroF1:0.000}, log-loss {card.Validation.LogLoss:0.0000}, {card.Validation.BestRound} rounds."));
        var scored = set.Samples.Select((s, i) => (s, p: outcome.OutOfFoldHan[i])).ToList();
        var han = scored.Where(x => x.s.Label == ScriptGuessModel.Han).ToList();
        var latin = scored.Where(x => x.s.Label == ScriptGuessModel.Latin).ToList();
        Console.WriteLine(string.Create(c, $"Threshold {card.ConfidenceThreshold:0.00} (above every Latin page inside the Han envelope, highest {card.Parameters["threshold_latin_max_out_of_fold"]}, out of {outcome.Folds} folds): {han.Count(x => x.p >= card.ConfidenceThreshold)} of {han.Count} Han pages would be read first in chi_sim."));
        Console.WriteLine("Out of fold, pages inside the envelope at or above each Han probability (Latin would be read first in chi_sim, Han rightly so):");
        foreach (var t in ScriptGuessTrainer.Thresholds)
            Console.WriteLine(string.Create(c, $"  p ≥ {t:0.00}: Latin {latin.Count(x => x.p >= t),3} of {latin.Count}, Han {han.Count(x => x.p >= t),3} of {han.Count}"));
        Console.WriteLine("Latin pages most like Han (out of fold, inside the envelope): " + string.Join(", ", latin.OrderByDescending(x => x.p).Take(8).Select(x => string.Create(c, $"{x.s.Name} {x.p:0.000}"))));
        var hanLow = han.OrderBy(x => x.p).Take(8);
        Console.WriteLine("Han pages least like Han (out of fold): " + string.Join(", ", hanLow.Select(x => string.Create(c, $"{x.s.Name} {x.p:0.000}"))));
        Console.WriteLine(string.Create(c, $"Wrote {outputDir}/model.json and card.json; total {watch.Elapsed.TotalSeconds:0.0} s."));
        return 0;
    }
}
