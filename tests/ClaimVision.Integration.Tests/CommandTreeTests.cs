using System.CommandLine;
using CliProgram = ClaimVision.Cli.Program;

namespace ClaimVision.Integration.Tests;

/// <summary>The `claimvision` command tree: each area registers its own command, so a merge can easily add one twice.</summary>
public sealed class CommandTreeTests
{
    [Fact]
    public void Every_command_name_is_unique_at_every_level()
    {
        var duplicates = new List<string>();
        Visit(CliProgram.BuildRoot(), "claimvision", duplicates);
        Assert.Empty(duplicates);
    }

    [Theory]
    [InlineData("analyze")]
    [InlineData("process")]
    [InlineData("serve")]
    [InlineData("samples")]
    [InlineData("train")]
    [InlineData("evaluate")]
    [InlineData("bench")]
    [InlineData("explain")]
    public void The_documented_top_level_commands_exist_and_parse_help(string name)
    {
        var root = CliProgram.BuildRoot();
        Assert.Contains(root.Subcommands, c => c.Name == name);
        var result = root.Parse([name, "--help"]);
        Assert.Empty(result.Errors);
    }

    [Theory]
    [InlineData("fields")]
    [InlineData("classifier")]
    [InlineData("ocr")]
    public void Evaluate_has_one_subcommand_per_model(string name) =>
        Assert.Single(CliProgram.BuildRoot().Subcommands.Single(c => c.Name == "evaluate").Subcommands, c => c.Name == name);

    private static void Visit(Command command, string path, List<string> duplicates)
    {
        duplicates.AddRange(command.Subcommands.GroupBy(c => c.Name).Where(g => g.Count() > 1).Select(g => $"{path} {g.Key}"));
        foreach (var sub in command.Subcommands) Visit(sub, $"{path} {sub.Name}", duplicates);
    }
}
