using MassTransit;
using Microsoft.Extensions.Options;

namespace ClaimVision.Pipeline.Messaging;

/// <summary>Shared retry policy: exponential backoff for transient faults, none for permanent ones.</summary>
internal static class PipelineRetry
{
    public static void Configure(IReceiveEndpointConfigurator endpoint, RetryOptions options) =>
        endpoint.UseMessageRetry(r =>
        {
            r.Exponential(options.Limit,
                TimeSpan.FromMilliseconds(options.MinIntervalMs),
                TimeSpan.FromMilliseconds(options.MaxIntervalMs),
                TimeSpan.FromMilliseconds(options.IntervalDeltaMs));
            r.Ignore<MissingRecordException>();
        });
}

/// <summary>Document analysis: concurrency = the OCR engine pool size; retries with backoff.</summary>
public sealed class AnalyzeDocumentConsumerDefinition : ConsumerDefinition<AnalyzeDocumentConsumer>
{
    private readonly MessagingOptions _options;

    public AnalyzeDocumentConsumerDefinition(IOptions<MessagingOptions> options)
    {
        _options = options.Value;
        EndpointName = "analyze-document";
        ConcurrentMessageLimit = Math.Max(1, _options.Analysis.Concurrency);
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AnalyzeDocumentConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // A worker SIGKILLed mid-analysis leaves its unacked messages to the broker, which hands them to
        // another worker; a prefetch of the concurrency keeps that loss window small.
        endpointConfigurator.PrefetchCount = ConcurrentMessageLimit ?? 1;
        PipelineRetry.Configure(endpointConfigurator, _options.Retry);
    }
}

/// <summary>
/// The consumers with nothing of their own to configure (claim fan-out, claim assessment and the two fault consumers):
/// retried like the rest, on the endpoint named after the consumer.
/// </summary>
public sealed class RetriedConsumerDefinition<TConsumer>(IOptions<MessagingOptions> options) : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator, IRegistrationContext context) =>
        PipelineRetry.Configure(endpointConfigurator, options.Value.Retry);
}
