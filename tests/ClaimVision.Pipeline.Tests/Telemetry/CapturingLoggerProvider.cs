using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ClaimVision.Pipeline.Tests.Telemetry;

/// <summary>One log call as a provider received it.</summary>
internal sealed record CapturedEntry(string Category, LogLevel Level, string Message, object? State, Exception? Exception, IReadOnlyList<object?> Scopes);

/// <summary>A log writer that keeps what it receives: every call, with the formatted message, the state and exception
/// instances as given, and the scopes it was asked to begin. Counts its disposals.</summary>
internal class CapturingLoggerProvider : ILoggerProvider
{
    public ConcurrentQueue<CapturedEntry> Entries { get; } = new();

    /// <summary>The states of every scope begun through this provider's own loggers.</summary>
    public ConcurrentQueue<object> BegunScopes { get; } = new();

    public int Disposals { get; private set; }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() => Disposals++;

    /// <summary>The scopes in force when a line is written; none unless the logging factory supplies them.</summary>
    protected virtual IReadOnlyList<object?> CurrentScopes() => [];

    private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull
        {
            provider.BegunScopes.Enqueue(state);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            provider.Entries.Enqueue(new CapturedEntry(category, logLevel, formatter(state, exception), state, exception, provider.CurrentScopes()));
    }
}

/// <summary>Like the console provider: reads the scopes from the scope provider the logging factory hands it.</summary>
internal sealed class ExternalScopeCapturingLoggerProvider : CapturingLoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider? _scopes;

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    protected override IReadOnlyList<object?> CurrentScopes()
    {
        var scopes = new List<object?>();
        _scopes?.ForEachScope((scope, list) => list.Add(scope), scopes);
        return scopes;
    }
}
