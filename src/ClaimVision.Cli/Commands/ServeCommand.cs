using System.CommandLine;
using ClaimVision.Api;
using ClaimVision.Pipeline.Hosting;
using Microsoft.Extensions.Hosting;

namespace ClaimVision.Cli.Commands;

/// <summary><c>claimvision serve</c>: the one-machine product — API, adjuster page and consumers in one process.</summary>
public static class ServeCommand
{
    /// <summary>Used when neither --urls nor ASPNETCORE_URLS says where to listen.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create()
    {
        var urls = new Option<string?>("--urls") { Description = $"Listen addresses (default: ASPNETCORE_URLS, else {DefaultUrl})." };
        var data = new Option<DirectoryInfo?>("--data") { Description = "Data folder for blobs and the SQLite file (ClaimVision:DataDirectory; default ./data)." };
        var command = new Command("serve", "Run the API, the adjuster review page and the analysis consumers in one process (in-memory queue, filesystem blobs, SQLite by default).")
        {
            urls,
            data,
        };
        command.SetAction(async (parse, ct) =>
        {
            var args = new List<string>();
            var listen = parse.GetValue(urls) ?? Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
            args.Add($"--urls={(string.IsNullOrWhiteSpace(listen) ? DefaultUrl : listen)}");
            if (parse.GetValue(data) is { } folder)
                args.Add($"--ClaimVision:DataDirectory={folder.FullName}");
            await using var app = ClaimVisionServer.Create([.. args], services => services.AddClaimVisionEngines());
            await app.StartAsync(ct);
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return command;
    }
}
