using ClaimVision.Pipeline.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaimVision.Worker;

/// <summary>
/// The worker host: the consumers and nothing else. Start N of them against the same RabbitMQ
/// (<c>ClaimVision__Transport=rabbitmq</c>) and they share the queues as competing consumers.
/// </summary>
public static class WorkerHost
{
    /// <summary>Builds the host; <paramref name="engines"/> registers the analysis engines.</summary>
    public static IHost Create(string[] args, Action<IServiceCollection> engines)
    {
        ArgumentNullException.ThrowIfNull(engines);
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddClaimVisionRuntime(builder.Configuration);
        engines(builder.Services);
        // Last, so that every log writer registered above (the defaults, the engines') writes only scrubbed text.
        builder.Services.AddPersonalDataScrubbing();
        return builder.Build();
    }
}
