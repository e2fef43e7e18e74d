using ClaimVision.Pipeline.Telemetry;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ClaimVision.Pipeline.Messaging;

/// <summary>Bus wiring: the same consumers on the in-memory transport (one process) or RabbitMQ (competing workers).</summary>
public static class MessagingServiceCollectionExtensions
{
    /// <summary>
    /// Registers MassTransit from <c>ClaimVision:Transport</c> (<c>inmemory</c> | <c>rabbitmq</c>) and
    /// <c>ClaimVision:RabbitMq:*</c>; consumers unless <c>ClaimVision:RunConsumers</c> is false.
    /// Needs an <see cref="IClaimStore"/>, <see cref="IBlobStore"/>, <see cref="Intelligence.IDocumentAnalyzer"/> and
    /// <see cref="Assessment.IClaimAssessment"/> registered beside it.
    /// </summary>
    public static IServiceCollection AddClaimVisionMessaging(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(MessagingOptions.Section);
        services.AddOptions<MessagingOptions>().Bind(section);
        var options = section.Get<MessagingOptions>() ?? new MessagingOptions();
        if (!options.UsesRabbitMq && !options.Transport.Equals("inmemory", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"ClaimVision:Transport is '{options.Transport}'; expected 'inmemory' or 'rabbitmq'.");

        services.AddMetrics();
        services.TryAddSingleton<ClaimVisionMetrics>();
        if (options.UsesRabbitMq)
        {
            services.AddSingleton<RabbitMqQueueDepth>();
            services.AddSingleton<IQueueDepthProbe>(sp => sp.GetRequiredService<RabbitMqQueueDepth>());
            services.AddHostedService(sp => sp.GetRequiredService<RabbitMqQueueDepth>());
        }
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            if (options.RunConsumers)
            {
                bus.AddConsumer<ClaimSubmittedConsumer, RetriedConsumerDefinition<ClaimSubmittedConsumer>>();
                bus.AddConsumer<AnalyzeDocumentConsumer, AnalyzeDocumentConsumerDefinition>();
                bus.AddConsumer<AnalyzeDocumentFaultConsumer, RetriedConsumerDefinition<AnalyzeDocumentFaultConsumer>>();
                bus.AddConsumer<AssessClaimConsumer, RetriedConsumerDefinition<AssessClaimConsumer>>();
                bus.AddConsumer<AssessClaimFaultConsumer, RetriedConsumerDefinition<AssessClaimFaultConsumer>>();
            }
            if (options.UsesRabbitMq)
                bus.UsingRabbitMq((context, cfg) =>
                {
                    ConfigureHost(cfg, options.RabbitMq);
                    cfg.ConfigureEndpoints(context);
                });
            else
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
        });
        return services;
    }

    private static void ConfigureHost(IRabbitMqBusFactoryConfigurator cfg, RabbitMqOptions rabbit)
    {
        if (!string.IsNullOrWhiteSpace(rabbit.Uri))
        {
            cfg.Host(new Uri(rabbit.Uri));
            return;
        }
        cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
        {
            h.Username(rabbit.Username);
            h.Password(rabbit.Password);
        });
    }
}
