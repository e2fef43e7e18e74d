using ClaimVision.Pipeline.Hosting;
using ClaimVision.Pipeline.Processing;
using ClaimVision.Vision.Ocr;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ClaimVision.Pipeline.Tests.Processing;

/// <summary>Ops tune the OCR (the second looks, thresholds) from the hosts' configuration, <c>ClaimVision:Ocr</c>.</summary>
public sealed class OcrConfigurationTests
{
    [Fact]
    public void Ocr_options_come_from_configuration_over_the_defaults()
    {
        using var provider = Build(new()
        {
            ["ClaimVision:OcrEngines"] = "1",
            ["ClaimVision:Ocr:MissedTextMaxRuns"] = "0",
            ["ClaimVision:Ocr:FigureMinConfidence"] = "0.9",
            ["ClaimVision:Ocr:PoolSize"] = "7", // the engine count is ClaimVision:OcrEngines
        });
        var options = provider.GetRequiredService<ProductionAnalyzer>().OcrOptions;
        Assert.Equal(0, options.MissedTextMaxRuns);
        Assert.Equal(0.9, options.FigureMinConfidence);
        Assert.Equal(1, options.PoolSize);
        Assert.Equal(new OcrOptions().FigureLanguage, options.FigureLanguage); // untouched keys keep their defaults
    }

    [Fact]
    public void A_configured_list_replaces_the_default_list()
    {
        using var provider = Build(new() { ["ClaimVision:OcrEngines"] = "1", ["ClaimVision:Ocr:AlternativeLanguages:0"] = "eng" });
        Assert.Equal(["eng"], provider.GetRequiredService<ProductionAnalyzer>().OcrOptions.AlternativeLanguages);
    }

    [Fact]
    public void A_configured_dictionary_check_list_replaces_the_default_and_an_empty_value_turns_the_check_off()
    {
        using (var provider = Build(new() { ["ClaimVision:OcrEngines"] = "1", ["ClaimVision:Ocr:DictionaryCheckLanguages:0"] = "chi_sim" }))
            Assert.Equal(["chi_sim"], provider.GetRequiredService<ProductionAnalyzer>().OcrOptions.DictionaryCheckLanguages);
        using (var provider = Build(new() { ["ClaimVision:OcrEngines"] = "1", ["ClaimVision:Ocr:DictionaryCheckLanguages"] = "" }))
            Assert.Empty(provider.GetRequiredService<ProductionAnalyzer>().OcrOptions.DictionaryCheckLanguages);
        Assert.Equal(["eng"], new OcrOptions().DictionaryCheckLanguages);
    }

    [Fact]
    public void Without_an_ocr_section_the_defaults_apply()
    {
        using var provider = Build(new() { ["ClaimVision:OcrEngines"] = "1" });
        Assert.Equal(new OcrOptions { PoolSize = 1 }.MissedTextMaxRuns, provider.GetRequiredService<ProductionAnalyzer>().OcrOptions.MissedTextMaxRuns);
    }

    [Fact]
    public void The_resolution_rule_comes_from_configuration_and_an_unusable_pair_stops_the_host_naming_the_setting()
    {
        using (var provider = Build(new() { ["ClaimVision:OcrEngines"] = "1", ["ClaimVision:Ocr:ScaleUpBelowTextHeight"] = "16", ["ClaimVision:Ocr:ScaleUpToTextHeight"] = "24" }))
        {
            var options = provider.GetRequiredService<ProductionAnalyzer>().OcrOptions;
            Assert.Equal((16, 24), (options.ScaleUpBelowTextHeight, options.ScaleUpToTextHeight));
        }
        // Enlarging text to less than the height that triggers the enlargement is a typo, not a rule.
        using var invalid = Build(new() { ["ClaimVision:OcrEngines"] = "1", ["ClaimVision:Ocr:ScaleUpBelowTextHeight"] = "24", ["ClaimVision:Ocr:ScaleUpToTextHeight"] = "20" });
        var e = Assert.ThrowsAny<ArgumentException>(() => invalid.GetRequiredService<ProductionAnalyzer>());
        Assert.Contains("ScaleUpToTextHeight", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_recognition_time_limit_comes_from_configuration_and_a_negative_one_stops_the_host_naming_the_setting()
    {
        using (var provider = Build(new() { ["ClaimVision:OcrEngines"] = "1", ["ClaimVision:Ocr:RecognizeTimeoutSeconds"] = "20" }))
            Assert.Equal(20, provider.GetRequiredService<ProductionAnalyzer>().OcrOptions.RecognizeTimeoutSeconds);
        using var invalid = Build(new() { ["ClaimVision:OcrEngines"] = "1", ["ClaimVision:Ocr:RecognizeTimeoutSeconds"] = "-5" });
        var e = Assert.ThrowsAny<ArgumentException>(() => invalid.GetRequiredService<ProductionAnalyzer>());
        Assert.Contains("RecognizeTimeoutSeconds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seals_are_faded_out_unless_configuration_keeps_them_and_that_is_part_of_the_pipeline_version()
    {
        using (var byDefault = Build(new() { ["ClaimVision:OcrEngines"] = "1" }))
            Assert.True(byDefault.GetRequiredService<ProductionAnalyzer>().OcrOptions.RemoveSeals);
        using var kept = Build(new() { ["ClaimVision:OcrEngines"] = "1", ["ClaimVision:Ocr:RemoveSeals"] = "false" });
        Assert.False(kept.GetRequiredService<ProductionAnalyzer>().OcrOptions.RemoveSeals);
        using var pool = new ClaimVision.Vision.Ocr.EnginePool(new ClaimVision.Vision.Ocr.OcrOptions { PoolSize = 1 });
        Assert.EndsWith("/seals-removed", new ClaimVision.Vision.VisionPipeline(pool).Version, StringComparison.Ordinal);
        using var plain = new ClaimVision.Vision.Ocr.EnginePool(new ClaimVision.Vision.Ocr.OcrOptions { PoolSize = 1, RemoveSeals = false });
        Assert.DoesNotContain("seals", new ClaimVision.Vision.VisionPipeline(plain).Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Doubtful_lines_are_read_again_unless_configuration_says_otherwise_and_that_is_part_of_the_pipeline_version()
    {
        using (var off = Build(new() { ["ClaimVision:OcrEngines"] = "1", ["ClaimVision:Ocr:LineRereadBelowConfidence"] = "0" }))
            Assert.Equal(0, off.GetRequiredService<ProductionAnalyzer>().OcrOptions.LineRereadBelowConfidence);
        string Version(ClaimVision.Vision.Ocr.OcrOptions options)
        {
            using var pool = new ClaimVision.Vision.Ocr.EnginePool(options);
            return new ClaimVision.Vision.VisionPipeline(pool).Version;
        }
        var defaults = new ClaimVision.Vision.Ocr.OcrOptions { PoolSize = 1 };

        Assert.DoesNotContain("line-reread", Version(defaults), StringComparison.Ordinal);
        Assert.EndsWith("/line-reread-off", Version(defaults with { LineRereadBelowConfidence = 0 }), StringComparison.Ordinal);
        Assert.EndsWith("/line-reread-off", Version(defaults with { LineRereadMaxLines = 0 }), StringComparison.Ordinal);
        Assert.EndsWith("/line-reread-0.7-0.1-12", Version(defaults with { LineRereadBelowConfidence = 0.7 }), StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_ocr_key_fails_naming_the_section_and_the_key()
    {
        using var provider = Build(new() { ["ClaimVision:OcrEngines"] = "1", ["ClaimVision:Ocr:MissedTextMaxRun"] = "0" });
        var e = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ProductionAnalyzer>());
        Assert.Contains("ClaimVision:Ocr", e.Message, StringComparison.Ordinal);
        Assert.Contains("MissedTextMaxRun", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_diagnosis_catalogue_is_the_embedded_one_a_configured_file_or_none_and_is_recorded_with_the_models()
    {
        var file = Path.Combine(Path.GetTempPath(), $"icd-{Guid.NewGuid():n}.tsv");
        File.WriteAllText(file, "code\tzh\ten\nI10\t原发性高血压\tEssential hypertension\n");
        try
        {
            string Extractor(string? setting)
            {
                var settings = new Dictionary<string, string?> { ["ClaimVision:OcrEngines"] = "1" };
                if (setting is not null) settings["ClaimVision:DiagnosisCatalogue"] = setting;
                using var provider = Build(settings);
                return provider.GetRequiredService<ProductionAnalyzer>().ModelVersions["extractor"];
            }
            var embedded = Extractor(null);
            Assert.Matches(@"\+icd:\d{3}:[0-9a-f]{12}$", embedded);
            Assert.Matches(@"\+icd:1:[0-9a-f]{12}$", Extractor(file));
            Assert.EndsWith("+icd:none", Extractor("none"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_missing_diagnosis_catalogue_file_fails_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-icd-{Guid.NewGuid():n}.tsv");
        using var provider = Build(new() { ["ClaimVision:OcrEngines"] = "1", ["ClaimVision:DiagnosisCatalogue"] = missing });
        var e = Assert.Throws<InvalidDataException>(() => provider.GetRequiredService<ProductionAnalyzer>());
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        settings["ClaimVision:Models"] = Path.Combine(AppContext.BaseDirectory, DocumentAnalyzerFactory.ModelsFolder);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddClaimVisionEngines();
        return services.BuildServiceProvider();
    }
}
