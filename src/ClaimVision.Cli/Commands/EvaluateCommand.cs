using System.CommandLine;

namespace ClaimVision.Cli.Commands;

/// <summary><c>claimvision evaluate …</c>: a parent for the evaluation commands (fields, classifier, ocr).
/// Each area adds its subcommand factory to <see cref="Subcommands"/> — one line, no other edits here.</summary>
public static class EvaluateCommand
{
    private static readonly Func<Command>[] Subcommands =
    [
        EvaluateFieldsCommand.Create,
        EvaluateClassifierCommand.Create,
        EvaluateOcrCommand.Create,
        EvaluateScriptCommand.Create,
    ];

    public static Command Create()
    {
        var command = new Command("evaluate", "Measure the models: field extraction, document classifier, OCR.");
        foreach (var create in Subcommands) command.Subcommands.Add(create());
        return command;
    }
}
