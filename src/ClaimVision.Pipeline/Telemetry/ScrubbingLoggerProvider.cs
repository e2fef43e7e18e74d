using System.Collections;
using System.Globalization;
using ClaimVision.Domain.Privacy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ClaimVision.Pipeline.Telemetry;

/// <summary>
/// Wraps a logger provider (the console, OpenTelemetry, a test's capture) so that what it writes has passed
/// <see cref="PersonalDataScrubber"/>: the formatted message, the structured values, the exception text and the scopes.
/// Defence in depth under the call sites' own masking: MassTransit's retry and fault lines quote an exception as thrown,
/// and a fault consumer logs the exception text of whatever failed. Names are not caught (no pattern tells a name from
/// other words); call sites keep masking them with <see cref="Mask.Name"/>.
/// </summary>
/// <remarks>
/// <para>The logging factory chooses filter rules by a provider's type, so a rule written for the wrapped provider
/// (<c>Logging:Console:LogLevel</c>, <c>AddFilter&lt;ConsoleLoggerProvider&gt;</c>) would no longer reach it. The wrapper
/// therefore hands the inner provider its loggers through a private <see cref="LoggerFactory"/> of its own, given the
/// host's filter options: the inner provider is filtered under its own name, as before, and that factory also supplies
/// the external scopes the console provider reads (<see cref="ISupportExternalScope"/>), which thus hold scrubbed
/// states. <see cref="Hosting.PersonalDataScrubbingServiceCollectionExtensions.AddPersonalDataScrubbing"/> adds the rule
/// that lets every level through to the wrapper, so the filtering happens once, inside.</para>
/// <para>Nothing is rewritten when nothing needed masking: the inner logger then gets the state and the exception
/// instances it would have got (only the formatter is replaced, to return the message already formatted).</para>
/// </remarks>
public sealed class ScrubbingLoggerProvider : ILoggerProvider
{
    private readonly LoggerFactory _factory;
    private readonly bool _disposeInner;

    /// <param name="inner">The provider that writes.</param>
    /// <param name="filters">The host's filter options, applied to <paramref name="inner"/> under its own type; null: none
    /// (the factory above already filtered).</param>
    /// <param name="factoryOptions">The host's logger factory options (activity tracking in scopes).</param>
    /// <param name="disposeInner">False when someone else owns <paramref name="inner"/> (an instance registered in DI).</param>
    public ScrubbingLoggerProvider(ILoggerProvider inner, IOptionsMonitor<LoggerFilterOptions>? filters = null,
        IOptions<LoggerFactoryOptions>? factoryOptions = null, bool disposeInner = true)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
        _disposeInner = disposeInner;
        _factory = filters is null
            ? new LoggerFactory([inner], new LoggerFilterOptions { MinLevel = LogLevel.Trace })
            : new LoggerFactory([inner], filters, factoryOptions);
    }

    /// <summary>The provider that writes.</summary>
    public ILoggerProvider Inner { get; }

    public ILogger CreateLogger(string categoryName) => new ScrubbingLogger(_factory.CreateLogger(categoryName));

    public void Dispose()
    {
        _factory.Dispose(); // does not dispose the providers it was given
        if (_disposeInner) Inner.Dispose();
    }

    private sealed class ScrubbingLogger(ILogger inner) : ILogger
    {
        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The factory above lets every level through to this wrapper; the inner logger knows the provider's rules.
            if (!inner.IsEnabled(logLevel)) return;
            ArgumentNullException.ThrowIfNull(formatter);
            var message = formatter(state, exception);
            var scrubbed = PersonalDataScrubber.Scrub(message);
            var scrubbedException = exception is null ? null : ScrubbedException.Of(exception);
            var messageChanged = !ReferenceEquals(scrubbed, message);
            if (ScrubbedState.Of(state, scrubbed, messageChanged) is { } scrubbedState)
                inner.Log(logLevel, eventId, scrubbedState, scrubbedException, static (s, _) => s.ToString());
            else if (messageChanged)
                // A state of another kind (a plain string, an object of its own) gives way to the scrubbed message.
                inner.Log(logLevel, eventId, scrubbed, scrubbedException, static (s, _) => s);
            else
                inner.Log(logLevel, eventId, state, scrubbedException, (_, _) => scrubbed);
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            var text = state.ToString() ?? "";
            var scrubbed = PersonalDataScrubber.Scrub(text);
            var changed = !ReferenceEquals(scrubbed, text);
            if (ScrubbedState.Of(state, scrubbed, changed) is { } scrubbedState) return inner.BeginScope(scrubbedState);
            // Any other state is written as its text: the scrubbed text then stands in for it.
            return changed ? inner.BeginScope(scrubbed) : inner.BeginScope(state);
        }
    }

    /// <summary>
    /// A log or scope state of key/value pairs whose text or values needed masking: the pairs (structured sinks such as
    /// the JSON console and OpenTelemetry read these) with string values scrubbed and other values replaced by their scrubbed
    /// text where that text needed masking, and <see cref="ToString"/> the scrubbed message.
    /// </summary>
    private sealed class ScrubbedState(IReadOnlyList<KeyValuePair<string, object?>> values, string text) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public KeyValuePair<string, object?> this[int index] => values[index];

        public int Count => values.Count;

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => text;

        /// <summary>The scrubbed stand-in for <paramref name="state"/> when it is a sequence of key/value pairs (a logging
        /// call's values, a dictionary given as a scope) and its text (<paramref name="scrubbedText"/> scrubbed) or one of its
        /// values needed masking; else null.</summary>
        public static ScrubbedState? Of<TState>(TState state, string scrubbedText, bool messageChanged)
        {
            if (state is not IEnumerable<KeyValuePair<string, object?>> pairs) return null;
            if (!messageChanged && pairs.All(p => ReferenceEquals(ScrubValue(p.Value), p.Value))) return null;
            return new ScrubbedState([.. pairs.Select(p => new KeyValuePair<string, object?>(p.Key, ScrubValue(p.Value)))], scrubbedText);
        }

        /// <summary>A string scrubbed; another value as its scrubbed invariant text when that text needed masking (a card
        /// number logged as a long); else the value itself. Types whose text cannot hold 13 digits in a row are not formatted.</summary>
        private static object? ScrubValue(object? value)
        {
            switch (value)
            {
                case null or bool or byte or sbyte or short or ushort or int or uint or char or Guid or DateTime or DateTimeOffset
                    or DateOnly or TimeOnly or TimeSpan or Enum:
                    return value;
                case string s:
                    var scrubbed = PersonalDataScrubber.Scrub(s);
                    return ReferenceEquals(scrubbed, s) ? value : scrubbed;
                default:
                    var text = Convert.ToString(value, CultureInfo.InvariantCulture);
                    var masked = PersonalDataScrubber.Scrub(text);
                    return ReferenceEquals(masked, text) || text is null ? value : masked;
            }
        }
    }
}

/// <summary>
/// Stands in, in a log, for an exception whose text held personal data: <see cref="Exception.Message"/>,
/// <see cref="StackTrace"/> and <see cref="ToString"/> are the original's, scrubbed (<see cref="ToString"/> keeps the
/// original's type name and inner exceptions as <see cref="Exception.ToString"/> renders them); the inner exception is the
/// original's inner one, itself scrubbed when it needed it. <see cref="OriginalType"/> names the original's type.
/// </summary>
public sealed class ScrubbedException : Exception
{
    private readonly string? _text;
    private readonly string? _stackTrace;

    public ScrubbedException() : this("", null) { }

    public ScrubbedException(string message) : this(message, null) { }

    public ScrubbedException(string message, Exception? innerException) : base(message, innerException)
    {
        OriginalType = typeof(ScrubbedException).FullName!;
    }

    private ScrubbedException(Exception original, string text)
        : base(PersonalDataScrubber.Scrub(original.Message), original.InnerException is null ? null : Of(original.InnerException))
    {
        _text = text;
        _stackTrace = original.StackTrace is { } trace ? PersonalDataScrubber.Scrub(trace) : null;
        OriginalType = original.GetType().FullName ?? original.GetType().Name;
        HResult = original.HResult;
    }

    /// <summary>The full name of the exception's type as thrown.</summary>
    public string OriginalType { get; }

    public override string? StackTrace => _stackTrace ?? base.StackTrace;

    public override string ToString() => _text ?? base.ToString();

    /// <summary><paramref name="exception"/> itself when its text (<see cref="Exception.ToString"/>: type, message, inner
    /// exceptions, stack traces) holds nothing to mask, else a <see cref="ScrubbedException"/> standing in for it.</summary>
    public static Exception Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = exception.ToString();
        var scrubbed = PersonalDataScrubber.Scrub(text);
        return ReferenceEquals(scrubbed, text) ? exception : new ScrubbedException(exception, scrubbed);
    }
}
