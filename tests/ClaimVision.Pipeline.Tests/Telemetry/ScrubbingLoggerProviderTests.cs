using System.Collections;
using ClaimVision.Pipeline.Hosting;
using ClaimVision.Pipeline.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ClaimVision.Pipeline.Tests.Telemetry;

/// <summary>
/// What a log writer behind <see cref="PersonalDataScrubbingServiceCollectionExtensions.AddPersonalDataScrubbing"/>
/// receives: messages, structured values, exceptions and scopes with resident IDs and card numbers masked, and the
/// original instances when nothing needed masking.
/// </summary>
public sealed partial class ScrubbingLoggerProviderTests
{
    private const string Id = "522631197803150428";
    private const string MaskedId = "522631********0428";

    [Fact]
    public void A_structured_line_reaches_the_writer_masked_in_its_message_and_its_values()
    {
        var capture = new CapturingLoggerProvider();
        using var services = Build(capture);

        var logger = Logger(services);
        LogNotInRegistry(logger, Id, "CLM-1", 4465429430626433L);

        var entry = Assert.Single(capture.Entries);
        Assert.Equal($"Insured {MaskedId} of claim CLM-1 is not in the registry (account 446542******6433)", entry.Message);
        var values = Values(entry.State);
        Assert.Equal(MaskedId, values["IdNumber"]);
        Assert.Equal("CLM-1", values["ClaimId"]);
        Assert.Equal("446542******6433", values["Account"]);      // a number whose text is a card number: its masked text
        Assert.Equal("Insured {IdNumber} of claim {ClaimId} is not in the registry (account {Account})", values["{OriginalFormat}"]);
        Assert.Equal(entry.Message, entry.State!.ToString());       // sinks that print the state print it masked too
    }

    [Fact]
    public void An_exception_that_names_an_id_reaches_the_writer_scrubbed_with_its_type_and_inner_exception()
    {
        var capture = new CapturingLoggerProvider();
        using var services = Build(capture);
        var thrown = Thrown(() => throw new InvalidOperationException($"Insured {Id} is not in the registry",
            Thrown(() => throw new IOException($"Row for {Id} is malformed"))));

        var logger = Logger(services);
        LogFailed(logger, thrown, "CLM-1");

        var entry = Assert.Single(capture.Entries);
        Assert.Equal("Assessment of claim CLM-1 failed", entry.Message);
        var logged = Assert.IsType<ScrubbedException>(entry.Exception);
        Assert.Equal("System.InvalidOperationException", logged.OriginalType);
        Assert.Equal($"Insured {MaskedId} is not in the registry", logged.Message);
        Assert.StartsWith($"System.InvalidOperationException: Insured {MaskedId} is not in the registry{Environment.NewLine} ---> System.IO.IOException: Row for {MaskedId} is malformed",
            logged.ToString(), StringComparison.Ordinal);
        Assert.Equal(thrown.ToString().Replace(Id, MaskedId, StringComparison.Ordinal), logged.ToString());
        Assert.Equal(thrown.StackTrace, logged.StackTrace);       // nothing to mask in it: as thrown
        Assert.Equal($"Row for {MaskedId} is malformed", logged.InnerException!.Message);
        Assert.DoesNotContain(Id, logged.InnerException.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Scopes_reach_the_writer_masked(bool externalScopes)
    {
        CapturingLoggerProvider capture = externalScopes ? new ExternalScopeCapturingLoggerProvider() : new CapturingLoggerProvider();
        using var services = Build(capture);
        var logger = Logger(services);

        using (ClaimScope(logger, Id))
        using (logger.BeginScope($"insured {Id}"))
        using (logger.BeginScope(new Dictionary<string, object> { ["IdNumber"] = Id }))
        {
            LogChecked(logger, "CLM-1");
        }

        var entry = Assert.Single(capture.Entries);
        // A provider with external scopes (the console) reads them when it writes; another is asked to begin them.
        var scopes = externalScopes ? entry.Scopes.ToList() : [.. capture.BegunScopes];
        Assert.Equal(3, scopes.Count);
        Assert.Equal($"Claim of insured {MaskedId}", scopes[0]!.ToString());
        Assert.Equal(MaskedId, Values(scopes[0])["IdNumber"]);
        Assert.Equal($"insured {MaskedId}", scopes[1]);
        Assert.Equal(MaskedId, Values(scopes[2])["IdNumber"]);
    }

    [Fact]
    public void A_line_without_personal_data_passes_its_state_and_exception_instances_through()
    {
        var capture = new ExternalScopeCapturingLoggerProvider();
        using var services = Build(capture);
        var logger = Logger(services);
        var thrown = Thrown(() => throw new InvalidOperationException("The policy catalogue has no cn-x (invoice 52002600310000002 of 2024-03-15, 8650.40 CNY)"));
        var state = new Pairs(("ClaimId", "CLM-1"), ("Amount", 8650.40m));
        var scope = new Pairs(("ClaimId", "CLM-1"));

        using (logger.BeginScope(scope))
        {
            logger.Log(LogLevel.Error, default, state, thrown, (s, _) => $"Claim {s[0].Value} failed");
        }

        var entry = Assert.Single(capture.Entries);
        Assert.Same(thrown, entry.Exception);
        Assert.Same(state, entry.State);
        Assert.Same(scope, Assert.Single(entry.Scopes));
        Assert.Equal("Claim CLM-1 failed", entry.Message);
    }

    [Fact]
    public void The_wrapped_writers_own_filter_rules_still_apply()
    {
        var lenient = new CapturingLoggerProvider();
        var strict = new ExternalScopeCapturingLoggerProvider();
        using var services = Build(lenient, logging => logging
            .AddProvider(strict)
            .AddFilter<CapturingLoggerProvider>(null, LogLevel.Debug)                  // lets more through than the default
            .AddFilter<ExternalScopeCapturingLoggerProvider>(null, LogLevel.Warning)); // lets less through
        var logger = Logger(services);

        LogProbe(logger, LogLevel.Debug);
        LogProbe(logger, LogLevel.Information);
        LogProbe(logger, LogLevel.Warning);

        Assert.Equal([LogLevel.Debug, LogLevel.Information, LogLevel.Warning], lenient.Entries.Select(e => e.Level));
        Assert.Equal([LogLevel.Warning], strict.Entries.Select(e => e.Level));
        Assert.False(logger.IsEnabled(LogLevel.Trace));
    }

    [Fact]
    public void Every_kind_of_registration_is_wrapped_once_and_disposed_as_before()
    {
        var byFactory = new CapturingLoggerProvider();
        var byInstance = new CapturingLoggerProvider();
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<ILoggerProvider, CapturingLoggerProvider>();
        services.AddSingleton<ILoggerProvider>(_ => byFactory);
        services.AddSingleton<ILoggerProvider>(byInstance);
        var registrations = services.Count(d => d.ServiceType == typeof(ILoggerProvider));

        services.AddPersonalDataScrubbing();
        services.AddPersonalDataScrubbing();   // a second call wraps nothing twice

        Assert.Equal(registrations, services.Count(d => d.ServiceType == typeof(ILoggerProvider) && !d.IsKeyedService));
        CapturingLoggerProvider byType;
        using (var provider = services.BuildServiceProvider())
        {
            var wrappers = provider.GetServices<ILoggerProvider>().Select(p => Assert.IsType<ScrubbingLoggerProvider>(p)).ToList();
            var inner = wrappers.Select(w => Assert.IsType<CapturingLoggerProvider>(w.Inner)).ToList();
            Assert.Equal(3, inner.Count);
            Assert.Same(byFactory, inner[1]);
            Assert.Same(byInstance, inner[2]);
            byType = inner[0];

            var logger = Logger(provider);
            LogChecked(logger, Id);

            Assert.All(inner, c => Assert.Equal($"Checked claim {MaskedId}", Assert.Single(c.Entries).Message));
        }
        // The container disposed what it created, once; an instance it was given stays its owner's.
        Assert.Equal(1, byType.Disposals);
        Assert.Equal(1, byFactory.Disposals);
        Assert.Equal(0, byInstance.Disposals);
    }

    private static ServiceProvider Build(CapturingLoggerProvider capture, Action<ILoggingBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Information);
            logging.AddProvider(capture);
            configure?.Invoke(logging);
        });
        services.AddPersonalDataScrubbing();
        return services.BuildServiceProvider();
    }

    private static ILogger Logger(IServiceProvider services) => services.GetRequiredService<ILogger<ScrubbingLoggerProviderTests>>();

    private static Dictionary<string, object?> Values(object? state) =>
        Assert.IsAssignableFrom<IEnumerable<KeyValuePair<string, object?>>>(state).ToDictionary(p => p.Key, p => p.Value);

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }
        throw new InvalidOperationException("The action did not throw.");
    }

    /// <summary>A state of its own, to tell whether the writer got this instance.</summary>
    private sealed class Pairs(params (string Key, object? Value)[] pairs) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] => new(pairs[index].Key, pairs[index].Value);

        public int Count => pairs.Length;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Value)).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static readonly Func<ILogger, string, IDisposable?> ClaimScope = LoggerMessage.DefineScope<string>("Claim of insured {IdNumber}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Insured {IdNumber} of claim {ClaimId} is not in the registry (account {Account})")]
    private static partial void LogNotInRegistry(ILogger logger, string idNumber, string claimId, long account);

    [LoggerMessage(Level = LogLevel.Error, Message = "Assessment of claim {ClaimId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string claimId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checked claim {ClaimId}")]
    private static partial void LogChecked(ILogger logger, string claimId);

    [LoggerMessage(Message = "Probe")]
    private static partial void LogProbe(ILogger logger, LogLevel level);
}
