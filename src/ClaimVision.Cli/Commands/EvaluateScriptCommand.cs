using System.CommandLine;
using System.Globalization;
using ClaimVision.Intelligence.Evaluation;
using ClaimVision.Intelligence.Script;
using ClaimVision.Vision.Imaging;

namespace ClaimVision.Cli.Commands;

/// <summary><c>claimvision evaluate script</c>: the script guess on held-out labelled pages, and on a folder of English
/// receipts (how many it would send to chi_sim first).</summary>
public static class EvaluateScriptCommand
{
    public static Command Create()
    {
        var samples = new Option<DirectoryInfo>("--samples") { Description = "Labelled held-out folder (…-zh.jpg = Han, …-en.jpg = Latin).", Required = true };
        var sroie = new Option<DirectoryInfo?>("--sroie") { Description = "Optional folder of English (Latin) receipt images, e.g. sroie-dev/img." };
        var model = new Option<DirectoryInfo>("--model") { Description = "Model folder (model.json + card.json).", DefaultValueFactory = _ => new DirectoryInfo("models/" + ScriptGuessModel.FolderName) };
        var threshold = new Option<double?>("--threshold") { Description = "Han probability that routes a page to chi_sim first (default: the card's)." };
        var csv = new Option<FileInfo?>("--csv") { Description = "Also write every page's features, label and Han probability to this CSV file." };
        var command = new Command("script", "Evaluate the script guess: per-class precision, recall, F1 and confusion at the routing threshold.") { samples, sroie, model, threshold, csv };
        command.SetAction(parse =>
        {
            try
            {
                using var guess = ScriptGuessModel.Load(parse.GetValue(model)!.FullName);
                var at = parse.GetValue(threshold) ?? guess.SuggestedThreshold;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model {guess.Version}, Han when p ≥ {at:0.00}"));
                var sets = new List<ScriptSampleSet> { ScriptSamples.Read(parse.GetValue(samples)!.FullName) };
                Report(guess, sets[0], at, parse.GetValue(samples)!.Name);
                if (parse.GetValue(sroie) is { } receipts)
                {
                    sets.Add(ScriptSamples.Read(receipts.FullName, ScriptGuessModel.Latin));
                    Report(guess, sets[1], at, receipts.FullName);
                }
                if (parse.GetValue(csv) is { } file) WriteCsv(file.FullName, guess, sets.SelectMany(s => s.Samples));
                return 0;
            }
            catch (Exception e) when (e is DirectoryNotFoundException or FileNotFoundException or InvalidDataException)
            {
                Console.Error.WriteLine($"evaluate script: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static readonly string[] CsvColumns = ["name", "label", "han", "inside"];

    private static void WriteCsv(string path, ScriptGuessModel guess, IEnumerable<ScriptSample> samples)
    {
        var c = CultureInfo.InvariantCulture;
        var lines = samples.Select(s => string.Join(',', new[] { s.Name, s.Label, guess.RawHanProbability(s.Features).ToString("0.0000", c), guess.HanProbability(s.Features) is null ? "0" : "1" }
            .Concat(s.Features.Values.Select(v => v.ToString("0.####", c)))));
        File.WriteAllLines(path, [string.Join(',', CsvColumns.Concat(ScriptFeatures.Names)), .. lines]);
    }

    private static void Report(ScriptGuessModel guess, ScriptSampleSet set, double threshold, string name)
    {
        var c = CultureInfo.InvariantCulture;
        var guesses = set.Samples.Select(s => guess.HanProbability(s.Features)).ToList();
        var probabilities = guesses.Select(p => p ?? 0).ToList();
        var outside = guesses.Count(p => p is null);
        var actual = set.Samples.Select(s => s.Label).ToList();
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"{name}: {set.Samples.Count} pages ({set.Skipped.Count} skipped: too little text or unreadable), features {set.FeatureMilliseconds / Math.Max(1, set.Samples.Count + set.Skipped.Count):0.0} ms/page; {outside} outside the Han envelope (no guess, read first in eng)"));
        foreach (var at in new[] { threshold, 0.5 }.Distinct())
        {
            var predicted = probabilities.Select(p => p >= at ? ScriptGuessModel.Han : ScriptGuessModel.Latin).ToList();
            var m = ClassificationMetrics.Compute(actual, predicted, ScriptGuessModel.Classes);
            Console.WriteLine(string.Create(c, $"  at p ≥ {at:0.00}: accuracy {m.Accuracy:0.000}"));
            foreach (var s in m.PerClass)
                Console.WriteLine(string.Create(c, $"    {s.Label,-6} support {s.Support,4}  P {s.Precision:0.000}  R {s.Recall:0.000}  F1 {s.F1:0.000}"));
            Console.WriteLine("    confusion (rows actual, columns predicted): " + string.Join(";  ",
                m.Labels.Select((l, i) => $"{l}: " + string.Join(" ", m.Labels.Select((k, j) => $"{k} {m.Confusion[i][j]}")))));
        }
        var latin = set.Samples.Select((s, i) => (s, p: probabilities[i])).Where(x => x.s.Label == ScriptGuessModel.Latin).OrderByDescending(x => x.p).Take(3);
        Console.WriteLine("  highest Han probability of a Latin page: " + string.Join(", ", latin.Select(x => string.Create(c, $"{x.s.Name} {x.p:0.000}"))));
    }
}
