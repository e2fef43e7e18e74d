using ClaimVision.Intelligence;
using ClaimVision.Pipeline.Assessment;
using ClaimVision.Pipeline.Messaging;
using ClaimVision.Pipeline.Processing;
using ClaimVision.Pipeline.Storage;
using ClaimVision.Pipeline.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimVision.Pipeline.Hosting;

/// <summary>Everything a ClaimVision host runs on: storage, the bus with its consumers, metrics.</summary>
public static partial class RuntimeServiceCollectionExtensions
{
    /// <summary>Storage + messaging + telemetry from configuration, and a start-up check that the engines the consumers need (<see cref="IDocumentAnalyzer"/>, <see cref="IClaimAssessment"/>) are registered.</summary>
    public static IServiceCollection AddClaimVisionRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        // Registered first: hosted services start in order, so a host without engines fails before the bus starts,
        // and storage's initializer (registered next) creates the schema before the bus delivers a message.
        services.AddHostedService<EngineCheck>();
        services.AddClaimVisionStorage(configuration);
        services.AddClaimVisionMessaging(configuration);
        services.AddClaimVisionTelemetry(configuration);
        return services;
    }

    /// <summary>
    /// Fails the start of a consuming host that lacks an engine or cannot build one (models, policy catalogue, registry,
    /// OCR configuration), rather than faulting every message later: a missing policy folder used to leave each claim
    /// retrying its assessment, unanswered. Then, unless <c>ClaimVision:WarmEngines</c> is false, it creates the OCR
    /// engines and loads their language models (<see cref="ProductionAnalyzer.Warm"/>) before the bus starts, so a
    /// worker's first documents do not carry the models' loading and a missing model stops the start.
    /// </summary>
    private sealed partial class EngineCheck(IServiceProvider services, IOptions<MessagingOptions> options, IConfiguration configuration,
        ILogger<EngineCheck> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!options.Value.RunConsumers) return Task.CompletedTask;
            var known = services.GetRequiredService<IServiceProviderIsService>();
            var missing = new[] { typeof(IDocumentAnalyzer), typeof(IClaimAssessment) }.Where(t => !known.IsService(t)).Select(t => t.Name).ToList();
            if (missing.Count > 0)
                throw new InvalidOperationException(
                    $"This host runs the consumers but no {string.Join(" or ", missing)} is registered; register the analysis engines before starting it.");
            try
            {
                var analyzer = services.GetRequiredService<IDocumentAnalyzer>();
                _ = services.GetRequiredService<IClaimAssessment>();
                if (analyzer is ProductionAnalyzer production && configuration.GetValue("ClaimVision:WarmEngines", true))
                {
                    var warm = production.Warm(cancellationToken);
                    EnginesReady(logger, warm.Engines, warm.Languages, warm.OsdLoaded, warm.Elapsed.TotalSeconds);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException($"This host runs the consumers but its analysis engines cannot be built: {e.Message}", e);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Information, Message = "OCR engines ready: {Engines} with {Languages} loaded (osd: {Osd}) in {Seconds:0.00} s")]
        private static partial void EnginesReady(ILogger logger, int engines, IReadOnlyList<string> languages, bool osd, double seconds);
    }
}
