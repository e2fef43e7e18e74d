using System.CommandLine;
using System.Diagnostics;
using ClaimVision.Intelligence;
using ClaimVision.Pipeline.Processing;
using ClaimVision.Vision;
using ClaimVision.Vision.Ocr;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ClaimVision.Cli.Commands;

/// <summary>
/// <c>claimvision analyze FILE... [--out DIR] [--threads N] [--lang auto|eng|chi_sim] [--models DIR]</c>: OCR, classify and extract each file and write one
/// <see cref="DocumentReport"/> JSON per file. Exit code 0 when every file was analysed, 1 when any failed, 2 for a usage error.
/// </summary>
public static class AnalyzeCommand
{
    private static readonly string[] Languages = [OcrOptions.Auto, "eng", "chi_sim"];

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.ZeroOrMore, Description = "Image files to analyse (JPEG, PNG, TIFF)." };
        var output = new Option<string?>("--out") { Description = "Write DIR/<name>.json per file (indented) instead of one JSON line per file on stdout." };
        var threads = new Option<string?>("--threads") { Description = "Files analysed at once, one OCR engine each (default: number of cores)." };
        var language = new Option<string?>("--lang") { Description = "auto (per page from the detected script), eng or chi_sim." };
        var models = new Option<string?>("--models") { Description = $"Models directory holding doc-classifier/ (default: ${DocumentAnalyzerFactory.ModelsEnvironmentVariable}, else models/ beside the program or in the checkout)." };
        var command = new Command("analyze", "OCR, classify and read the fields of documents; print or write one JSON report per file.") { files, output, threads, language, models };
        // Usage errors are ours to report, so they can exit with 2 (the parser's own errors exit with 1).
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellationToken) =>
        {
            if (parse.UnmatchedTokens.Count > 0)
                return Task.FromResult(Usage($"unknown argument(s): {string.Join(' ', parse.UnmatchedTokens)}"));
            var paths = parse.GetValue(files) ?? [];
            if (paths.Length == 0) return Task.FromResult(Usage("give at least one file."));
            // The file list takes any token, so an unknown option would otherwise be reported as a missing file.
            if (paths.FirstOrDefault(p => p.StartsWith('-') && !File.Exists(p)) is { } option)
                return Task.FromResult(Usage($"unknown option '{option}'."));
            var threadText = parse.GetValue(threads);
            var threadCount = Environment.ProcessorCount;
            if (threadText is not null && (!int.TryParse(threadText, out threadCount) || threadCount < 1))
                return Task.FromResult(Usage($"--threads must be a whole number of at least 1, not '{threadText}'."));
            var lang = parse.GetValue(language) ?? OcrOptions.Auto;
            if (!Languages.Contains(lang, StringComparer.Ordinal))
                return Task.FromResult(Usage($"--lang must be one of {string.Join(", ", Languages)}, not '{lang}'."));
            ProductionAnalyzer analyzer;
            try
            {
                analyzer = DocumentAnalyzerFactory.Create(new AnalyzerSettings { ModelsDirectory = parse.GetValue(models), Engines = threadCount, Language = lang, Ocr = EnvironmentOcr.Read() });
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                Console.Error.WriteLine($"analyze: cannot load the analysis models: {e.Message}");
                return Task.FromResult(2);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                Console.Error.WriteLine($"analyze: {e.Message}");
                return Task.FromResult(2);
            }
            using (analyzer)
                return Task.FromResult(Run(paths, parse.GetValue(output), threadCount, analyzer, cancellationToken));
        });
        return command;
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine($"analyze: {message}");
        Console.Error.WriteLine("usage: claimvision analyze FILE... [--out DIR] [--threads N] [--lang auto|eng|chi_sim] [--models DIR]");
        return 2;
    }

    private static int Run(string[] paths, string? outDir, int threads, IDocumentAnalyzer analyzer, CancellationToken cancellationToken)
    {
        if (outDir is not null) Directory.CreateDirectory(outDir);
        var options = VisionOptions.Default;
        var sink = new ReportSink(paths, outDir);

        void AnalyzeAll(Action? onFileDone) =>
            Parallel.For(0, paths.Length, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken }, i =>
            {
                sink.Complete(i, analyzer.AnalyzeFile(paths[i], options.Limits.MaxBytes, cancellationToken));
                onFileDone?.Invoke();
            });

        if (Console.IsErrorRedirected || paths.Length == 1)
            AnalyzeAll(null);
        else
            WithProgress(paths.Length, AnalyzeAll);
        return sink.Failed > 0 ? 1 : 0;
    }

    private static void WithProgress(int total, Action<Action> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new FilesPerSecondColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("analyze", maxValue: total);
                work(() => task.Increment(1));
            });
    }

    /// <summary>Files per second, from Spectre's own speed estimate of the task.</summary>
    private sealed class FilesPerSecondColumn : ProgressColumn
    {
        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? $"{speed:0.0} files/s" : "… files/s");
    }

    /// <summary>Writes reports: to stdout in input order (one JSON line each), or to DIR/&lt;name&gt;.json as they finish.</summary>
    private sealed class ReportSink(string[] paths, string? outDir)
    {
        private readonly DocumentReport?[] _done = new DocumentReport?[paths.Length];
        private readonly Lock _gate = new();
        private readonly string[] _outNames = OutputNames(paths);
        private int _next;
        private int _failed;

        public int Failed => _failed;

        public void Complete(int index, DocumentReport report)
        {
            if (report.Error is not null)
            {
                Interlocked.Increment(ref _failed);
                Console.Error.WriteLine($"analyze: {report.Error.Code}: {report.Error.Message}");
            }
            if (outDir is not null)
            {
                File.WriteAllText(Path.Combine(outDir, _outNames[index]), DocumentReportJson.Serialize(report));
                return;
            }
            lock (_gate)
            {
                _done[index] = report;
                while (_next < _done.Length && _done[_next] is { } ready)
                {
                    Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(ready, DocumentReportJson.CompactOptions));
                    _done[_next++] = null;
                }
            }
        }

        /// <summary>&lt;name&gt;.json, or &lt;name.ext&gt;.json where two inputs share a name.</summary>
        private static string[] OutputNames(string[] paths)
        {
            var stems = paths.Select(Path.GetFileNameWithoutExtension).ToArray();
            var clash = stems.GroupBy(s => s, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
            return paths.Select((p, i) => (clash.Contains(stems[i]!) ? Path.GetFileName(p) : stems[i]) + ".json").ToArray();
        }
    }
}
