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

/// <summary>Claim fan-out: cheap, retried like the rest.</summary>
public sealed class ClaimSubmittedConsumerDefinition(IOptions<MessagingOptions> options) : ConsumerDefinition<ClaimSubmittedConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ClaimSubmittedConsumer> consumerConfigurator, IRegistrationContext context) =>
        PipelineRetry.Configure(endpointConfigurator, options.Value.Retry);
}

/// <summary>Claim assessment: retried like the rest.</summary>
public sealed class AssessClaimConsumerDefinition(IOptions<MessagingOptions> options) : ConsumerDefinition<AssessClaimConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AssessClaimConsumer> consumerConfigurator, IRegistrationContext context) =>
        PipelineRetry.Configure(endpointConfigurator, options.Value.Retry);
}

/// <summary>Poison-message handling for analysis: retried like the rest.</summary>
public sealed class AnalyzeDocumentFaultConsumerDefinition(IOptions<MessagingOptions> options) : ConsumerDefinition<AnalyzeDocumentFaultConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AnalyzeDocumentFaultConsumer> consumerConfigurator, IRegistrationContext context) =>
        PipelineRetry.Configure(endpointConfigurator, options.Value.Retry);
}

/// <summary>Poison-message handling for assessment: retried like the rest.</summary>
public sealed class AssessClaimFaultConsumerDefinition(IOptions<MessagingOptions> options) : ConsumerDefinition<AssessClaimFaultConsumer>
{
    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AssessClaimFaultConsumer> consumerConfigurator, IRegistrationContext context) =>
        PipelineRetry.Configure(endpointConfigurator, options.Value.Retry);
}
