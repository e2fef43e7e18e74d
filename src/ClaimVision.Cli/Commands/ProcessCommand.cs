using System.CommandLine;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Policies;
using ClaimVision.Intelligence;
using ClaimVision.Pipeline.Processing;
using ClaimVision.Pipeline.Storage;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace ClaimVision.Cli.Commands;

/// <summary><c>claimvision process CLAIM_DIR... [--policy FILE] [--registry FILE] [--out DIR] [--models DIR] [--data DIR]</c>: analyse and assess claims.</summary>
public static class ProcessCommand
{
    private const string DefaultPolicies = "samples/policies";
    private const string DefaultRegistry = "samples/registry/insured.csv";

    public static Command Create()
    {
        var dirs = new Argument<string[]>("CLAIM_DIR") { Description = "Claim directories, each with claim.json and its document images.", Arity = ArgumentArity.OneOrMore };
        var policy = new Option<string[]>("--policy") { Description = $"Policy file or directory of policy files (repeatable; default {DefaultPolicies}).", AllowMultipleArgumentsPerToken = true };
        var registry = new Option<string?>("--registry") { Description = $"CSV registry of insured people (default {DefaultRegistry} when present)." };
        var output = new Option<string>("--out") { Description = "Directory for <claimId>.recommendation.json files.", DefaultValueFactory = _ => "recommendations" };
        var models = new Option<string?>("--models") { Description = $"Models directory holding doc-classifier/ (default: ${DocumentAnalyzerFactory.ModelsEnvironmentVariable}, else models/ beside the program or in the checkout)." };
        var data = new Option<DirectoryInfo?>("--data")
        {
            Description = "Keep claim history in the claim store of this data folder, as `serve --data` does (SQLite DIR/claimvision.db, or the " +
                          "ClaimVision__Store__* environment variables), so later runs and serve see these claims. Without it, history lasts one run.",
        };
        var check = new Option<bool>("--check") { Description = "Exit with code 1 when a claim's recommendation differs from its expected.json (sample claims)." };
        var command = new Command("process", "Analyse every document of each claim and assess it against its policy: prints a summary, writes one recommendation JSON per claim.");
        command.Arguments.Add(dirs);
        command.Options.Add(policy);
        command.Options.Add(registry);
        command.Options.Add(output);
        command.Options.Add(models);
        command.Options.Add(check);
        command.Options.Add(data);
        command.SetAction((parse, ct) =>
        {
            ProductionAnalyzer analyzer;
            try
            {
                analyzer = DocumentAnalyzerFactory.Create(new AnalyzerSettings { ModelsDirectory = parse.GetValue(models), Ocr = EnvironmentOcr.Read() });
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]process: cannot load the analysis models: {e.Message}[/]");
                return Task.FromResult(2);
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]process: {e.Message}[/]");
                return Task.FromResult(2);
            }
            using var owned = analyzer;
            return Task.FromResult(Run(parse.GetValue(dirs)!, parse.GetValue(policy) ?? [], parse.GetValue(registry), parse.GetValue(output)!, analyzer, AnsiConsole.Console, ct, parse.GetValue(check), parse.GetValue(data)?.FullName));
        });
        return command;
    }

    /// <summary>
    /// The command's work, with the analyzer and console passed in. Exit code 0: every claim assessed (and, with <paramref name="check"/>, matched its
    /// expected.json where present); 1: some could not be assessed, or (with <paramref name="check"/>) differ from their expected.json; 2: bad configuration
    /// or an unreachable claim store. With <paramref name="dataDir"/>, claims are checked against and recorded in that folder's claim store.
    /// </summary>
    public static int Run(IReadOnlyList<string> claimDirs, IReadOnlyList<string> policyPaths, string? registryPath, string outDir, IDocumentAnalyzer analyzer, IAnsiConsole console, CancellationToken ct, bool check = false, string? dataDir = null)
    {
        IClaimStore? store = null;
        if (dataDir is not null && !TryOpenStore(dataDir, console, ct, out store)) return 2;
        try
        {
            return Run(claimDirs, policyPaths, registryPath, outDir, analyzer, console, store, check, ct);
        }
        finally
        {
            (store as IDisposable)?.Dispose();
        }
    }

    private static int Run(IReadOnlyList<string> claimDirs, IReadOnlyList<string> policyPaths, string? registryPath, string outDir, IDocumentAnalyzer analyzer, IAnsiConsole console, IClaimStore? store, bool check, CancellationToken ct)
    {
        PolicyCatalog policies;
        InsuredRegistry registry;
        try
        {
            policies = PolicyCatalog.Load(policyPaths.Count > 0 ? policyPaths : [DefaultPolicies]);
            registry = registryPath is not null ? InsuredRegistry.Load(registryPath)
                : File.Exists(DefaultRegistry) ? InsuredRegistry.Load(DefaultRegistry)
                : InsuredRegistry.Empty;
        }
        catch (Exception e) when (e is PolicyException or RegistryException)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{e.Message}[/]");
            return 2;
        }
        if (registry.Entries.Count == 0)
            console.MarkupLine("[yellow]No registry of insured people: enrolment cannot be checked, so every claim will need review.[/]");
        Directory.CreateDirectory(outDir);

        var processor = new ClaimProcessor(analyzer, policies, registry, TimeProvider.System);
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Claim", "Decision", "Payable", "Eligible", "Confidence", "Expected", "Main reason");
        var failures = 0;
        var mismatches = 0;
        var earlier = 0;
        var results = store is null ? processor.ProcessAll(claimDirs, ClaimHistory.Empty, ct) : processor.ProcessAllAsync(claimDirs, store, ct).ToBlockingEnumerable(ct);
        foreach (var (dir, outcome, error) in results)
        {
            if (outcome is null)
            {
                failures++;
                table.AddRow(new Text(Path.GetFileName(Path.TrimEndingDirectorySeparator(dir))), new Markup("[red]error[/]"), new Text(""), new Text(""), new Text(""), new Text(""), new Text(error ?? ""));
                continue;
            }
            var r = outcome.Recommendation;
            if (outcome.RecordedEarlier) earlier++;
            File.WriteAllText(Path.Combine(outDir, $"{Safe(r.ClaimId)}.recommendation.json"), JsonSerializer.Serialize(r, ClaimJson.Output));
            string expected;
            try
            {
                var outcomeExpected = ExpectedOutcome.TryLoad(dir);
                var mismatch = outcomeExpected?.Mismatch(r);
                expected = outcomeExpected is null ? "" : mismatch is null ? "[green]✓[/]" : $"[red]✗ {Markup.Escape(mismatch)}[/]";
                if (mismatch is not null) mismatches++;
            }
            catch (ClaimDirectoryException ex)
            {
                expected = $"[red]{Markup.Escape(ex.Message)}[/]";
                mismatches++;
            }
            var payable = r.Decision == Decision.Review && r.ProvisionalPayable is { } p ? $"({Money(p)})" : Money(r.PayableAmount);
            table.AddRow(
                new Text(r.ClaimId),
                new Markup(Colour(r.Decision)),
                new Text($"{payable} {r.Currency}"),
                new Text(r.EligibleAmount is { } e ? Money(e) : "—"),
                new Text(r.Confidence.ToString("0.00", CultureInfo.InvariantCulture)),
                new Markup(expected),
                new Text(r.Reasons.Count > 0 ? r.Reasons[0] : ""));
        }
        console.Write(table);
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Recommendations written to [bold]{Path.GetFullPath(outDir)}[/]. Payable in brackets is provisional (review).");
        if (earlier > 0)
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]{earlier} claim(s) were already in the claim store: their first recommendation is shown and nothing was recorded again.[/]");
        if (mismatches > 0) console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{mismatches} claim(s) differ from their expected.json.[/]");
        return failures + (check ? mismatches : 0) == 0 ? 0 : 1;
    }

    /// <summary>The claim store <c>serve --data</c> would use for this folder (environment variables may choose PostgreSQL), with its schema created.</summary>
    private static bool TryOpenStore(string dataDir, IAnsiConsole console, CancellationToken ct, [NotNullWhen(true)] out IClaimStore? store)
    {
        var configuration = new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddInMemoryCollection([new($"{StorageOptions.Section}:{nameof(StorageOptions.DataDirectory)}", dataDir)])
            .Build();
        store = null;
        try
        {
            store = StorageServiceCollectionExtensions.CreateClaimStore(configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions());
            store.InitializeAsync(ct).GetAwaiter().GetResult();
            return true;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            (store as IDisposable)?.Dispose();
            store = null;
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]process: cannot open the claim store for data folder '{dataDir}': {e.Message}[/]");
            return false;
        }
    }

    private static string Colour(Decision d) => d switch
    {
        Decision.Approve => "[green]approve[/]",
        Decision.Partial => "[olive]partial[/]",
        Decision.Reject => "[red]reject[/]",
        _ => "[blue]review[/]",
    };

    private static string Money(decimal amount) => amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>A claim id as a file name: anything outside letters, digits, '-' and '_' becomes '_'.</summary>
    private static string Safe(string id) => new([.. id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
}
