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
    /// <summary>Storage + messaging + telemetry from configuration, the claim store initialised at start, and a start-up
    /// check that the engines the consumers need (<see cref="IDocumentAnalyzer"/>, <see cref="IClaimAssessment"/>) are registered.</summary>
    public static IServiceCollection AddClaimVisionRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        // Registered first: hosted services start in order, so the store exists before the bus delivers a message.
        services.AddHostedService<RuntimeStartup>();
        services.AddClaimVisionStorage(configuration);
        services.AddClaimVisionMessaging(configuration);
        services.AddClaimVisionTelemetry(configuration);
        return services;
    }

    /// <summary>Checks the engines are registered and initialises the claim store, before the bus starts.</summary>
    private sealed class RuntimeStartup(IServiceProvider services, IClaimStore store, IOptions<MessagingOptions> options) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            if (options.Value.RunConsumers)
            {
                var known = services.GetRequiredService<IServiceProviderIsService>();
                var missing = new[] { typeof(IDocumentAnalyzer), typeof(IClaimAssessment) }.Where(t => !known.IsService(t)).Select(t => t.Name).ToList();
                if (missing.Count > 0)
                    throw new InvalidOperationException(
                        $"This host runs the consumers but no {string.Join(" or ", missing)} is registered; register the analysis engines before starting it.");
            }
            await store.InitializeAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
