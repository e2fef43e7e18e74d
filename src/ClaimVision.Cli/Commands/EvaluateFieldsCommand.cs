using System.CommandLine;
using ClaimVision.Intelligence;
using ClaimVision.Intelligence.Evaluation;
using Spectre.Console;

namespace ClaimVision.Cli.Commands;

/// <summary><c>claimvision evaluate fields --dataset DIR --format sroie|generated [--ocr boxcsv|engine]</c>:
/// per-field precision, recall and F1 of the field extractor.</summary>
public static class EvaluateFieldsCommand
{
    public static Command Create()
    {
        var dataset = new Option<DirectoryInfo>("--dataset") { Description = "Folder with the labelled documents.", Required = true };
        var format = new Option<string>("--format") { Description = "sroie (box/*.csv + key/*.json) or generated (index.jsonl from 'samples generate').", Required = true };
        format.AcceptOnlyFromAmong("sroie", "generated");
        var ocr = new Option<string>("--ocr") { Description = "boxcsv: the dataset's own text lines stand in for OCR; engine: run Tesseract on the images.", DefaultValueFactory = _ => "boxcsv" };
        ocr.AcceptOnlyFromAmong("boxcsv", "engine");
        var split = new Option<int>("--tune-count") { Description = "SROIE: the first N receipts are the tuning half, the rest held out.", DefaultValueFactory = _ => 100 };

        var misses = new Option<bool>("--show-misses") { Description = "Print every field of the tuning set that was expected and not matched (truth vs prediction)." };
        var command = new Command("fields", "Per-field precision/recall/F1 of field extraction on a labelled set.") { dataset, format, ocr, split, misses };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(dataset)!;
            if (!dir.Exists)
            {
                Console.Error.WriteLine($"evaluate fields: dataset folder {dir.FullName} does not exist.");
                return 2;
            }
            try
            {
                return parse.GetValue(format) switch
                {
                    "sroie" => Sroie(dir.FullName, parse.GetValue(ocr)!, parse.GetValue(split), parse.GetValue(misses)),
                    _ => Unsupported($"--format generated needs the vision pipeline's OCR (--ocr engine), which is not in this build."),
                };
            }
            catch (Exception e) when (e is InvalidDataException or DirectoryNotFoundException or FileNotFoundException)
            {
                Console.Error.WriteLine($"evaluate fields: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    private static string F(double v) => v.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture);

    private static int Unsupported(string why)
    {
        Console.Error.WriteLine($"evaluate fields: {why}");
        return 2;
    }

    private static int Sroie(string dir, string ocr, int tuneCount, bool showMisses)
    {
        if (ocr != "boxcsv") return Unsupported("--ocr engine on SROIE needs the vision pipeline's OCR, which is not in this build; use --ocr boxcsv.");
        var samples = SroieDataset.Load(dir);
        if (samples.Count == 0) return Unsupported($"{dir}: no receipts with both box/*.csv and key/*.json.");
        var extractor = new FieldExtractor();
        var halves = new (string Name, IReadOnlyList<SroieSample> Set)[]
        {
            ($"tune (first {Math.Min(tuneCount, samples.Count)})", [.. samples.Take(tuneCount)]),
            ($"held out ({Math.Max(0, samples.Count - tuneCount)})", [.. samples.Skip(tuneCount)]),
            ($"all ({samples.Count})", samples),
        };
        if (showMisses)
        {
            // Only the tuning half: looking at held-out misses would turn it into a second tuning set.
            SroieEvaluation.Score(halves[0].Set, extractor, TextMatch.IgnoreSpaces,
                (id, field, truth, predicted) => Console.WriteLine($"{id} {field}\n  truth: {truth}\n  got:   {predicted ?? "(none)"}"));
        }
        foreach (var mode in new[] { TextMatch.Strict, TextMatch.IgnoreSpaces })
        {
            var table = new Table().Title($"SROIE fields, text compared {(mode == TextMatch.Strict ? "exactly (whitespace collapsed)" : "ignoring spaces and case")}; dates as ISO, totals as decimals");
            table.AddColumn("set");
            table.AddColumn("field");
            table.AddColumn(new TableColumn("P").RightAligned());
            table.AddColumn(new TableColumn("R").RightAligned());
            table.AddColumn(new TableColumn("F1").RightAligned());
            foreach (var (name, set) in halves)
            {
                if (set.Count == 0) continue;
                var scores = SroieEvaluation.Score(set, extractor, mode);
                foreach (var f in scores.Fields.Append(scores.Overall))
                    table.AddRow(name, f.Field, F(f.Precision), F(f.Recall), F(f.F1));
                table.AddEmptyRow();
            }
            AnsiConsole.Write(table);
        }
        return 0;
    }
}
