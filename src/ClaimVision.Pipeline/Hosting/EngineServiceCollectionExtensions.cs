using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Policies;
using ClaimVision.Intelligence;
using ClaimVision.Pipeline.Assessment;
using ClaimVision.Pipeline.Storage;
using ClaimVision.Pipeline.Processing;
using ClaimVision.Vision.Ocr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimVision.Pipeline.Hosting;

/// <summary>
/// Registers the production analysis engines for the consuming hosts (<c>serve</c>, the Worker):
/// the analyzer from <see cref="DocumentAnalyzerFactory"/> and the policy assessment. Configuration:
/// <c>ClaimVision:Models</c> (else <c>$CLAIMVISION_MODELS</c> or <c>models/</c> found as the factory describes),
/// <c>ClaimVision:OcrEngines</c>, <c>ClaimVision:Ocr</c> (any <see cref="OcrOptions"/> member, e.g.
/// <c>ClaimVision:Ocr:MissedTextMaxRuns</c> = 0 turns the missed-text re-read off; an unknown key is an error),
/// <c>ClaimVision:DiagnosisCatalogue</c> (a catalogue file replacing the embedded one, or <c>none</c>),
/// <c>ClaimVision:Policies</c> (default <c>samples/policies</c>) and
/// <c>ClaimVision:Registry</c> (default <c>samples/registry/insured.csv</c>), relative paths searched beside the
/// program and up from the current directory.
/// </summary>
public static class EngineServiceCollectionExtensions
{
    /// <summary>Registers the engines; they are built (and their files read) when first resolved, from the host's configuration.</summary>
    public static IServiceCollection AddClaimVisionEngines(this IServiceCollection services)
    {
        static IConfigurationSection Settings(IServiceProvider sp) => sp.GetRequiredService<IConfiguration>().GetSection("ClaimVision");
        services.AddSingleton(sp =>
        {
            var section = Settings(sp);
            var engines = section.GetValue<int?>("OcrEngines") ?? Environment.ProcessorCount;
            return DocumentAnalyzerFactory.Create(new AnalyzerSettings
            {
                ModelsDirectory = section["Models"], Engines = engines, Ocr = Ocr(section.GetSection("Ocr")),
                DiagnosisCatalogue = section["DiagnosisCatalogue"] switch { null or "" or "none" => section["DiagnosisCatalogue"], var path => Locate(path) },
            });
        });
        services.AddSingleton<IDocumentAnalyzer>(sp => sp.GetRequiredService<ProductionAnalyzer>());
        services.AddSingleton<IClaimAssessment>(sp =>
        {
            var section = Settings(sp);
            var policies = PolicyCatalog.Load([Locate(section["Policies"] ?? "samples/policies")]);
            var registryPath = Locate(section["Registry"] ?? "samples/registry/insured.csv");
            var registry = File.Exists(registryPath) ? InsuredRegistry.Load(registryPath) : InsuredRegistry.Empty;
            return new PolicyClaimAssessment(policies, registry, sp.GetRequiredService<IClaimStore>(), sp.GetRequiredService<IDocumentAnalyzer>().ModelVersions, sp.GetService<TimeProvider>() ?? TimeProvider.System);
        });
        return services;
    }

    /// <summary>The OCR options a host with <paramref name="configuration"/> reads with (<c>ClaimVision:Ocr</c>, see <see cref="Ocr"/>);
    /// the benchmark's OCR ceiling prepares its pages with them, so it reads what the pipeline reads.</summary>
    public static OcrOptions ConfiguredOcr(IConfiguration configuration) => Ocr(configuration.GetSection("ClaimVision:Ocr"));

    /// <summary>The OCR options from <paramref name="section"/> over the defaults; a key that names no option fails with the key named.
    /// A configured list replaces the default list; configured <see cref="OcrOptions.ScriptLanguages"/> entries add to or
    /// override the default map.</summary>
    internal static OcrOptions Ocr(IConfigurationSection section)
    {
        if (!section.Exists()) return new OcrOptions();
        try
        {
            var options = section.Get<OcrOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new OcrOptions();
            // The binder appends configured list entries to a default list; a configured list replaces it instead, and an
            // empty value (`DictionaryCheckLanguages=`) empties it.
            if (ConfiguredList(section, nameof(OcrOptions.AlternativeLanguages)) is { } alternatives)
                options = options with { AlternativeLanguages = alternatives };
            if (ConfiguredList(section, nameof(OcrOptions.DictionaryCheckLanguages)) is { } dictionary)
                options = options with { DictionaryCheckLanguages = dictionary };
            return options;
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException($"{section.Path} is not valid OCR configuration: {e.Message}", e);
        }
    }

    private static string[]? ConfiguredList(IConfigurationSection section, string name)
    {
        var list = section.GetSection(name);
        return list.Exists() ? list.Get<string[]>() ?? [] : null;
    }

    /// <summary>An absolute path as is; a relative one beside the program, else in the current directory or a parent; else unchanged (the loader names it).</summary>
    private static string Locate(string path)
    {
        if (Path.IsPathRooted(path)) return path;
        var beside = Path.Combine(AppContext.BaseDirectory, path);
        if (Path.Exists(beside)) return beside;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (Path.Exists(candidate)) return candidate;
        }
        return path;
    }
}
