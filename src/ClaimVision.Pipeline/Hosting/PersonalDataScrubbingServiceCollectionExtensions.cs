using ClaimVision.Pipeline.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimVision.Pipeline.Hosting;

/// <summary>Puts every log writer of a host behind <see cref="ScrubbingLoggerProvider"/>.</summary>
public static class PersonalDataScrubbingServiceCollectionExtensions
{
    /// <summary>
    /// Replaces every <see cref="ILoggerProvider"/> registered so far (by type, by factory or as an instance) with one
    /// that scrubs personal data (<see cref="Domain.Privacy.PersonalDataScrubber"/>) from what reaches it. Call it last,
    /// just before the host is built: a provider registered afterwards writes unscrubbed. Calling it again wraps only the
    /// providers registered since. Keyed registrations are left alone (the logging factory does not use them).
    /// </summary>
    public static IServiceCollection AddPersonalDataScrubbing(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ILoggerProvider) || descriptor.IsKeyedService) continue;
            if (descriptor.ImplementationFactory?.Target is Decoration) continue;
            var decoration = new Decoration(services, descriptor);
            services[i] = new ServiceDescriptor(typeof(ILoggerProvider), decoration.Create, descriptor.Lifetime);
        }
        if (!services.Any(d => d.ServiceType == typeof(ScrubbingFilterRule)))
        {
            services.AddSingleton<ScrubbingFilterRule>();
            // The factory picks filter rules by provider type, and no rule names the wrapper: without this one the host's
            // general rules would filter before the wrapper, and a rule written for the wrapped provider that lets more
            // through (Logging:Console:LogLevel) could not. The wrapper applies every rule, under the wrapped provider's type.
            services.Configure<LoggerFilterOptions>(options =>
                options.Rules.Add(new LoggerFilterRule(typeof(ScrubbingLoggerProvider).FullName, null, LogLevel.Trace, null)));
        }
        return services;
    }

    /// <summary>Marks that the wrapper's filter rule is configured, so a second call adds no second one.</summary>
    private sealed class ScrubbingFilterRule;

    /// <summary>One replaced registration: builds the wrapped provider as the original registration would have, and the wrapper.</summary>
    private sealed class Decoration
    {
        private readonly Func<IServiceProvider, object> _inner;
        private readonly bool _ownsInner;

        public Decoration(IServiceCollection services, ServiceDescriptor original)
        {
            if (original.ImplementationInstance is { } instance)
            {
                // The container never disposed an instance it was given; neither does the wrapper.
                _inner = _ => instance;
                _ownsInner = false;
            }
            else if (original.ImplementationFactory is { } factory)
            {
                _inner = factory;
                _ownsInner = true;
            }
            else
            {
                // Registered by type: kept under a key of its own, so the container still chooses its constructor (the
                // console provider's takes the registered formatters) and disposes it.
                var type = original.ImplementationType!;
                var key = new object();
                services.Add(new ServiceDescriptor(type, key, type, original.Lifetime));
                _inner = sp => sp.GetRequiredKeyedService(type, key);
                _ownsInner = false;
            }
        }

        public ScrubbingLoggerProvider Create(IServiceProvider services) => new(
            (ILoggerProvider)_inner(services),
            services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            services.GetService<IOptions<LoggerFactoryOptions>>(),
            disposeInner: _ownsInner);
    }
}
