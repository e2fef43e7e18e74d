using ClaimVision.Intelligence;
using ClaimVision.Pipeline.Assessment;
using ClaimVision.Pipeline.Messaging;
using ClaimVision.Pipeline.Storage;
using ClaimVision.Pipeline.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ClaimVision.Pipeline.Hosting;

/// <summary>Everything a ClaimVision host runs on: storage, the bus with its consumers, metrics.</summary>
public static class RuntimeServiceCollectionExtensions
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
    /// retrying its assessment, unanswered.
    /// </summary>
    private sealed class EngineCheck(IServiceProvider services, IOptions<MessagingOptions> options) : IHostedService
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
                _ = services.GetRequiredService<IDocumentAnalyzer>();
                _ = services.GetRequiredService<IClaimAssessment>();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new InvalidOperationException($"This host runs the consumers but its analysis engines cannot be built: {e.Message}", e);
            }
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
