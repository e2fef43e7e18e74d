using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ClaimVision.Pipeline.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace ClaimVision.Pipeline.Telemetry;

/// <summary>
/// Polls the pipeline queues' ready-message counts (passive declare) every few seconds for the
/// <c>claimvision.queue.depth</c> gauge; the gauge callback itself must not block on the network.
/// </summary>
internal sealed class RabbitMqQueueDepth(IOptions<MessagingOptions> options) : BackgroundService, IQueueDepthProbe
{
    private static readonly string[] Queues = ["claim-submitted", "analyze-document", "assess-claim"];
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private readonly ConcurrentDictionary<string, long> _depths = new();

    public IEnumerable<Measurement<long>> Observe() =>
        _depths.Select(kv => new Measurement<long>(kv.Value, new KeyValuePair<string, object?>("queue", kv.Key)));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var factory = CreateFactory(options.Value.RabbitMq);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await factory.CreateConnectionAsync("claimvision-queue-depth", stoppingToken);
                while (!stoppingToken.IsCancellationRequested)
                {
                    foreach (var queue in Queues)
                    {
                        // A passive declare of a queue that does not exist yet closes the channel: one channel per queue.
                        await using var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
                        try
                        {
                            _depths[queue] = (await channel.QueueDeclarePassiveAsync(queue, stoppingToken)).MessageCount;
                        }
                        catch (OperationInterruptedException)
                        {
                            _depths.TryRemove(queue, out _);
                        }
                    }
                    await Task.Delay(Interval, stoppingToken);
                }
            }
            catch (Exception e) when (e is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or IOException)
            {
                _depths.Clear(); // broker away: report nothing rather than a stale depth
                await Task.Delay(Interval, stoppingToken);
            }
        }
    }

    private static ConnectionFactory CreateFactory(RabbitMqOptions rabbit)
    {
        var factory = new ConnectionFactory();
        if (!string.IsNullOrWhiteSpace(rabbit.Uri))
        {
            factory.Uri = new Uri(rabbit.Uri);
            return factory;
        }
        factory.HostName = rabbit.Host;
        factory.Port = rabbit.Port;
        factory.VirtualHost = rabbit.VirtualHost;
        factory.UserName = rabbit.Username;
        factory.Password = rabbit.Password;
        return factory;
    }
}
