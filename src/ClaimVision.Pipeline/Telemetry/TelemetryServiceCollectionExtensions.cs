using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace ClaimVision.Pipeline.Telemetry;

/// <summary>OTLP export settings (<c>ClaimVision:Telemetry</c>); export is off until an endpoint is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "ClaimVision:Telemetry";

    /// <summary>e.g. <c>http://127.0.0.1:4317</c> (gRPC) or <c>http://127.0.0.1:4318/v1/metrics</c> with <see cref="Protocol"/> = http.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> or <c>http</c>.</summary>
    public string Protocol { get; set; } = "grpc";

    public int ExportIntervalMs { get; set; } = 10_000;
}

/// <summary>Exports the ClaimVision and MassTransit meters over OTLP when configured.</summary>
public static class TelemetryServiceCollectionExtensions
{
    public static IServiceCollection AddClaimVisionTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (string.IsNullOrWhiteSpace(options.OtlpEndpoint)) return services;
        services.AddSingleton(_ => Sdk.CreateMeterProviderBuilder()
            .AddMeter(ClaimVisionMetrics.MeterName, "MassTransit")
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Endpoint = new Uri(options.OtlpEndpoint);
                exporter.Protocol = options.Protocol.Equals("http", StringComparison.OrdinalIgnoreCase)
                    ? OtlpExportProtocol.HttpProtobuf
                    : OtlpExportProtocol.Grpc;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = options.ExportIntervalMs;
            })
            .Build());
        services.AddHostedService<MeterProviderStarter>();
        return services;
    }

    /// <summary>Creates the meter provider at start (it listens only from then on) and flushes it at stop. Takes the
    /// metrics too: in a host without consumers nothing else creates them, and the queue-depth gauge lives there.</summary>
    private sealed class MeterProviderStarter(MeterProvider provider, ClaimVisionMetrics metrics) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            GC.KeepAlive(metrics);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            provider.ForceFlush(2_000);
            return Task.CompletedTask;
        }
    }
}
