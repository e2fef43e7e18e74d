using System.Globalization;
using System.Net;
using ClaimVision.Pipeline.Storage;
using Npgsql;

namespace ClaimVision.Benchmarks.EndToEnd;

/// <summary>A server the scaled-out configuration talks to: RabbitMQ, PostgreSQL or the blob store, by its address.</summary>
public sealed record ServiceEndpoint(string Name, string Host, int Port)
{
    /// <summary>True for 127.0.0.0/8, ::1 and localhost: a server whose processes can be found on this machine.</summary>
    public bool OnThisMachine =>
        Host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    public override string ToString() => $"{Name} at {Host}:{Port.ToString(CultureInfo.InvariantCulture)}";
}

/// <summary>The CPU a server spent during a run, found by the process listening on its port.</summary>
public sealed record ServiceCpu
{
    public required string Name { get; init; }
    /// <summary>host:port it was found by.</summary>
    public required string Endpoint { get; init; }
    /// <summary>The listening process (its children — PostgreSQL's backends, RabbitMQ's helpers — are counted with it); 0 when not found.</summary>
    public int ProcessId { get; init; }
    /// <summary>The listening process's name (beam.smp, postgres, node …).</summary>
    public string Process { get; init; } = "";
    /// <summary>CPU seconds of the process and its descendants per measured document; null when not measured.</summary>
    public double? CpuSecondsPerDocument { get; init; }
    /// <summary>Why it was not measured (a server on another machine, a port no readable process listens on).</summary>
    public string? NotMeasured { get; init; }
}

/// <summary>
/// Finds the servers of a scaled-out run among this machine's processes and reads their CPU time from /proc (Linux), so
/// a run says what the broker, the database and the blob store cost per document next to the API and the workers. A
/// server is found by the TCP port its settings name: the process holding the listening socket, and every process
/// descended from it, are its CPU (reaped children's time included, through their parents' cutime/cstime). Servers on
/// other machines, or whose sockets this user may not inspect, are reported as not measured.
/// </summary>
public static class ServiceProcesses
{
    /// <summary>Clock ticks per second of /proc/PID/stat's times (USER_HZ: 100 on every Linux architecture .NET runs on).</summary>
    private const double TicksPerSecond = 100;

    /// <summary>
    /// The servers a scaled-out host will use: <c>ClaimVision:*</c> settings first, then <c>ClaimVision__*</c> variables
    /// (<paramref name="environment"/>), as the hosts themselves resolve them. Only the providers in use are listed.
    /// </summary>
    public static IReadOnlyList<ServiceEndpoint> Endpoints(IReadOnlyDictionary<string, string> settings, Func<string, string?> environment)
    {
        string? Get(string key) => settings.TryGetValue(key, out var v) ? v : environment(key.Replace(":", "__", StringComparison.Ordinal));
        var endpoints = new List<ServiceEndpoint>();
        if (string.Equals(Get("ClaimVision:Transport"), "rabbitmq", StringComparison.OrdinalIgnoreCase))
        {
            if (Get("ClaimVision:RabbitMq:Uri") is { Length: > 0 } uri && Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
                endpoints.Add(new("rabbitmq", parsed.Host, parsed.Port > 0 ? parsed.Port
                    : parsed.Scheme.Equals("amqps", StringComparison.OrdinalIgnoreCase) ? 5671 : 5672));
            else
                endpoints.Add(new("rabbitmq", Get("ClaimVision:RabbitMq:Host") ?? "127.0.0.1", Port(Get("ClaimVision:RabbitMq:Port"), 5672)));
        }
        // The connection strings are read by the parsers the hosts use, so the bench looks where they connect.
        if (string.Equals(Get("ClaimVision:Store:Provider"), "postgres", StringComparison.OrdinalIgnoreCase)
            && Get("ClaimVision:Store:ConnectionString") is { Length: > 0 } pg)
        {
            var builder = new NpgsqlConnectionStringBuilder(pg);
            // Npgsql takes several hosts separated by commas (the first is the primary), each may carry its own port
            // (db:5433), and a path is a Unix socket's folder.
            var host = (builder.Host ?? "localhost").Split(',')[0].Trim();
            var port = builder.Port;
            if (!host.StartsWith('/') && host.LastIndexOf(':') is var colon and > 0 && !host.EndsWith(']')
                && host.Count(c => c == ':') == 1 && int.TryParse(host[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var own))
                (host, port) = (host[..colon], own);
            endpoints.Add(new("postgresql", host, port));
        }
        if (string.Equals(Get("ClaimVision:Blobs:Provider"), "azure", StringComparison.OrdinalIgnoreCase)
            && Get("ClaimVision:Blobs:ConnectionString") is { Length: > 0 } blobs)
        {
            var endpoint = AzureStorageAccount.Parse(blobs).BlobEndpoint;
            endpoints.Add(new("blob store", endpoint.Host, endpoint.Port));
        }
        return endpoints;
    }

    /// <summary>Resolves each endpoint to the process listening on its port (on this machine only).</summary>
    public static IReadOnlyList<Located> Locate(IEnumerable<ServiceEndpoint> endpoints) =>
        [.. endpoints.Select(e =>
        {
            if (e.Host.StartsWith('/')) return new Located(e, 0, "", "a Unix socket; servers are found by TCP port");
            if (!e.OnThisMachine) return new Located(e, 0, "", "not on this machine");
            var pid = ListeningProcess(e.Port);
            if (pid is not { } p)
                return new Located(e, 0, "", $"no process this user can inspect listens on port {e.Port.ToString(CultureInfo.InvariantCulture)}");
            var name = ProcessName(p);
            // A port a container publishes is held by the forwarder, whose CPU is not the server's.
            return ContainerForwarders.Contains(name)
                ? new Located(e, 0, name, $"port {e.Port.ToString(CultureInfo.InvariantCulture)} is forwarded by {name}: the server runs in a container")
                : new Located(e, p, name, null);
        })];

    private static readonly HashSet<string> ContainerForwarders = new(StringComparer.Ordinal) { "docker-proxy", "rootlesskit", "slirp4netns", "conmon", "pasta" };

    /// <summary>An endpoint and the process found for it (0 and a reason when none).</summary>
    public sealed record Located(ServiceEndpoint Endpoint, int ProcessId, string Process, string? NotFound);

    /// <summary>The process holding a listening TCP socket on <paramref name="port"/> (IPv4 or IPv6); when several hold it
    /// (forked children inherit it), the one whose parent is not among them. Null when none is found or /proc is unreadable.</summary>
    public static int? ListeningProcess(int port)
    {
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            try
            {
                foreach (var line in File.ReadLines(table).Skip(1))
                {
                    // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
                    var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (fields.Length < 10 || fields[3] != "0A") continue; // 0A = LISTEN
                    var local = fields[1];
                    if (int.TryParse(local[(local.LastIndexOf(':') + 1)..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var p) && p == port)
                        inodes.Add($"socket:[{fields[9]}]");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        if (inodes.Count == 0) return null;
        var holders = new List<int>();
        foreach (var pid in ProcessIds())
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd").Any(fd => new FileInfo(fd).LinkTarget is { } target && inodes.Contains(target)))
                    holders.Add(pid);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // another user's process, or one that has just exited
            }
        }
        return holders.Count == 0 ? null : holders.FirstOrDefault(h => !holders.Contains(Stat(h)?.ParentId ?? 0), holders[0]);
    }

    /// <summary>CPU time of <paramref name="root"/> and every process descended from it: each one's user and system time plus
    /// what it has reaped of its children's. Zero when the process is gone.</summary>
    public static TimeSpan TreeCpu(int root)
    {
        var stats = ProcessIds().Select(Stat).OfType<ProcStat>().ToDictionary(s => s.Id);
        if (!stats.ContainsKey(root)) return TimeSpan.Zero;
        var children = stats.Values.ToLookup(s => s.ParentId);
        var ticks = 0L;
        var pending = new Stack<int>([root]);
        var seen = new HashSet<int>();
        while (pending.TryPop(out var pid))
        {
            if (!seen.Add(pid)) continue;
            if (stats.TryGetValue(pid, out var own)) ticks += own.Ticks;
            foreach (var child in children[pid]) pending.Push(child.Id);
        }
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>Whether the process still exists (a zombie counts as gone).</summary>
    public static bool Alive(int pid) => Stat(pid) is { Zombie: false };

    private sealed record ProcStat(int Id, int ParentId, string Name, long Ticks, bool Zombie);

    /// <summary>/proc/PID/stat: the name sits in parentheses and may hold spaces, so fields are counted after the last ')'.</summary>
    private static ProcStat? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var open = text.IndexOf('(');
            var close = text.LastIndexOf(')');
            if (open < 0 || close < open) return null;
            // After ')': state(3) ppid(4) … utime(14) stime(15) cutime(16) cstime(17), numbered as in proc(5).
            var rest = text[(close + 2)..].Split(' ');
            long F(int field) => long.Parse(rest[field - 3], CultureInfo.InvariantCulture);
            return new ProcStat(pid, (int)F(4), text[(open + 1)..close], F(14) + F(15) + F(16) + F(17), rest[0] is "Z" or "X");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException
                                       or ArgumentOutOfRangeException or OverflowException)
        {
            return null;
        }
    }

    private static string ProcessName(int pid) => Stat(pid)?.Name ?? "";

    private static IEnumerable<int> ProcessIds()
    {
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateDirectories("/proc").ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }
        foreach (var entry in entries)
            if (int.TryParse(Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
                yield return pid;
    }

    private static int Port(string? text, int fallback) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536 ? p : fallback;
}
