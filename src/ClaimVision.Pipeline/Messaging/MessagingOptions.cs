namespace ClaimVision.Pipeline.Messaging;

/// <summary>RabbitMQ connection settings (<c>ClaimVision:RabbitMq</c>); loopback defaults.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>Optional <c>amqp://user:pass@host:port/vhost</c>; when set it wins over the separate settings.</summary>
    public string? Uri { get; set; }
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "guest";
    public string Password { get; set; } = "guest";
}

/// <summary>Bus settings read from the <c>ClaimVision</c> section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "ClaimVision";

    /// <summary><c>inmemory</c> (one process, the embedded default) or <c>rabbitmq</c> (competing worker processes).</summary>
    public string Transport { get; set; } = "inmemory";

    /// <summary>False for a host that only publishes (an API in front of separate workers).</summary>
    public bool RunConsumers { get; set; } = true;

    public RabbitMqOptions RabbitMq { get; set; } = new();

    public AnalysisOptions Analysis { get; set; } = new();

    public RetryOptions Retry { get; set; } = new();

    public bool UsesRabbitMq => Transport.Equals("rabbitmq", StringComparison.OrdinalIgnoreCase);
}

/// <summary>How many documents one process analyses at once (<c>ClaimVision:Analysis:Concurrency</c>).</summary>
public sealed class AnalysisOptions
{
    /// <summary>Equal to the OCR engine pool size: one engine per core, so more would only queue inside the pool.</summary>
    public int Concurrency { get; set; } = Environment.ProcessorCount;
}

/// <summary>Exponential retry for transient faults (store, blobs, broker) before a message goes to its _error queue.</summary>
public sealed class RetryOptions
{
    public int Limit { get; set; } = 10;
    public int MinIntervalMs { get; set; } = 200;
    public int MaxIntervalMs { get; set; } = 10_000;
    public int IntervalDeltaMs { get; set; } = 400;
}
