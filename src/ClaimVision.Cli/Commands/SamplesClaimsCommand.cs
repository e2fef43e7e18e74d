using System.CommandLine;
using ClaimVision.Synthesis.Claims;

namespace ClaimVision.Cli.Commands;

/// <summary><c>claimvision samples claims --out DIR [--seed S]</c>: the sample claims of issue 4, each with claim.json, its photos and expected.json.</summary>
public static class SamplesClaimsCommand
{
    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder for the claim directories (e.g. samples/claims).", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the incidental details and photo effects; the same seed gives the same bytes.", DefaultValueFactory = _ => 2026 };
        var command = new Command("claims", $"Write the {ClaimScenarios.All.Count} sample claims (approve, partial, reject, review) with their expected outcomes.") { output, seed };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(output)!.FullName;
            ClaimSampleWriter.WriteAll(ClaimScenarios.All, dir, parse.GetValue(seed),
                s => Console.WriteLine($"{s.Id,-32} {s.Expected.Decision.ToString().ToLowerInvariant(),-8} {s.Expected.PayableAmount,10:0.00}"));
            Console.WriteLine($"{ClaimScenarios.All.Count} claims written to {dir}");
            return 0;
        });
        return command;
    }
}
