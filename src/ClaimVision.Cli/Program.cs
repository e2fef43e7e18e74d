using System.CommandLine;
using ClaimVision.Vision;

namespace ClaimVision.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        // Before anything can load Tesseract or XGBoost: libgomp reads its environment once, at load.
        NativeRuntime.EnsureInitialized();
        // Tables written to a file or pipe keep their columns instead of wrapping at Spectre's default 80.
        if (Console.IsOutputRedirected) Spectre.Console.AnsiConsole.Profile.Width = 180;
        return await BuildRoot().Parse(args).InvokeAsync();
    }

    /// <summary>The command tree; each command lives in its own file under Commands/.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("ClaimVision: medical-claim document intelligence — analyse, assess, serve, train, evaluate, benchmark.");
        root.Subcommands.Add(Commands.SamplesCommand.Create());
        root.Subcommands.Add(Commands.EvaluateCommand.Create());
        root.Subcommands.Add(Commands.ServeCommand.Create());
        root.Subcommands.Add(Commands.AnalyzeCommand.Create());
        root.Subcommands.Add(Commands.BenchOcrCommand.Create());
        root.Subcommands.Add(Commands.TrainCommand.Create());
        root.Subcommands.Add(Commands.ExplainCommand.Create());
        root.Subcommands.Add(Commands.ProcessCommand.Create());
        return root;
    }
}
