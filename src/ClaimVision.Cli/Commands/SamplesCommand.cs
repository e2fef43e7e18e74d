using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ClaimVision.Domain.Documents;
using ClaimVision.Synthesis;
using Spectre.Console;

namespace ClaimVision.Cli.Commands;

/// <summary><c>claimvision samples generate</c>: labelled synthetic documents for training and evaluation (and <c>samples claims</c>, <c>samples label</c>).</summary>
public static class SamplesCommand
{
    public static Command Create()
    {
        var samples = new Command("samples", "Labelled synthetic claim documents.");
        samples.Subcommands.Add(CreateGenerate());
        samples.Subcommands.Add(SamplesClaimsCommand.Create());
        samples.Subcommands.Add(SamplesLabelCommand.Create());
        return samples;
    }

    private static Command CreateGenerate()
    {
        var count = new Option<int>("--count") { Description = "Number of documents.", DefaultValueFactory = _ => 140 };
        var seed = new Option<int>("--seed") { Description = "Run seed; the same seed gives the same bytes.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder (images, <id>.json, index.jsonl).", Required = true };
        var types = new Option<string?>("--types") { Description = $"Comma-separated types (default all): {string.Join(",", DocumentType.BuiltIn)}." };
        var language = new Option<string>("--lang") { Description = "zh, en or both.", DefaultValueFactory = _ => "both" };
        var clean = new Option<bool>("--clean") { Description = "Clean PNG renders, no photo degradation (same as --severity 0)." };
        var severity = new Option<double>("--severity") { Description = "Upper bound of phone-photo effects, 0..1.", DefaultValueFactory = _ => 0.5 };
        var threads = new Option<int>("--threads") { Description = "Parallel renderers.", DefaultValueFactory = _ => Environment.ProcessorCount };

        var command = new Command("generate", "Render documents of every type with ground truth (fields, boxes, line items).")
        {
            count, seed, output, types, language, clean, severity, threads,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            SampleSetOptions options;
            try
            {
                var sev = parse.GetValue(clean) ? 0 : parse.GetValue(severity);
                if (sev is < 0 or > 1) throw new ArgumentException($"--severity must be between 0 and 1, not {sev.ToString(CultureInfo.InvariantCulture)}.");
                options = new SampleSetOptions
                {
                    Count = parse.GetValue(count),
                    Seed = parse.GetValue(seed),
                    OutputDirectory = parse.GetValue(output)!.FullName,
                    Types = ParseTypes(parse.GetValue(types)),
                    Languages = parse.GetValue(language) switch
                    {
                        "both" => ["zh", "en"],
                        "zh" => ["zh"],
                        "en" => ["en"],
                        var other => throw new ArgumentException($"--lang must be zh, en or both, not '{other}'."),
                    },
                    Severity = sev,
                    Threads = parse.GetValue(threads),
                };
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"samples generate: {e.Message}");
                return 2;
            }
            return await RunAsync(options, cancellationToken);
        });
        return command;
    }

    private static List<DocumentType> ParseTypes(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t => new DocumentType(t)).ToList();

    private static async Task<int> RunAsync(SampleSetOptions options, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            if (!Console.IsErrorRedirected)
            {
                var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
                await console.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                    .StartAsync(async ctx =>
                    {
                        var task = ctx.AddTask("rendering", maxValue: options.Count);
                        await Task.Run(() => SampleGenerator.Generate(options, () => task.Increment(1), cancellationToken), cancellationToken);
                    });
            }
            else
            {
                await Task.Run(() => SampleGenerator.Generate(options, null, cancellationToken), cancellationToken);
            }
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"samples generate: {e.Message}");
            return 2;
        }
        catch (IOException e)
        {
            await Console.Error.WriteLineAsync($"samples generate: cannot write to {options.OutputDirectory}: {e.Message}");
            return 1;
        }
        var seconds = watch.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {options.Count} documents to {options.OutputDirectory} in {seconds:0.0} s ({options.Count / seconds:0.0} docs/s, {options.Threads} threads)."));
        return 0;
    }
}
