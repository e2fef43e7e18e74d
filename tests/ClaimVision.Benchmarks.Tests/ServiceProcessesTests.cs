using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ClaimVision.Benchmarks.EndToEnd;

namespace ClaimVision.Benchmarks.Tests;

public class ServiceEndpointTests
{
    private static IReadOnlyList<ServiceEndpoint> Endpoints(Dictionary<string, string> settings, Dictionary<string, string>? environment = null) =>
        ServiceProcesses.Endpoints(settings, key => environment?.GetValueOrDefault(key));

    [Fact]
    public void The_scaled_out_servers_are_read_from_the_settings_the_hosts_use()
    {
        var endpoints = Endpoints(new()
        {
            ["ClaimVision:Transport"] = "rabbitmq",
            ["ClaimVision:RabbitMq:Uri"] = "amqp://guest:guest@127.0.0.1:5673/",
            ["ClaimVision:Store:Provider"] = "postgres",
            ["ClaimVision:Store:ConnectionString"] = "Host=127.0.0.1;Port=55432;Database=claimvision;Username=claimvision",
            ["ClaimVision:Blobs:Provider"] = "azure",
            // The account key ends in '=': only the first '=' of a pair separates key from value.
            ["ClaimVision:Blobs:ConnectionString"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOQQ==;BlobEndpoint=http://127.0.0.1:10001/devstoreaccount1",
        });

        Assert.Equal(
            [new("rabbitmq", "127.0.0.1", 5673), new("postgresql", "127.0.0.1", 55432), new("blob store", "127.0.0.1", 10001)],
            endpoints);
    }

    [Fact]
    public void Variables_fill_what_the_settings_leave_and_defaults_fill_the_ports()
    {
        var endpoints = Endpoints(
            new() { ["ClaimVision:Transport"] = "rabbitmq", ["ClaimVision:Store:Provider"] = "postgres" },
            new()
            {
                ["ClaimVision__RabbitMq__Host"] = "mq.internal",
                ["ClaimVision__Store__ConnectionString"] = "Server=db1.internal:5433,db2.internal;Database=claims",
                ["ClaimVision__Blobs__Provider"] = "azure",
                ["ClaimVision__Blobs__ConnectionString"] = "UseDevelopmentStorage=true",
            });

        Assert.Equal(
            [new("rabbitmq", "mq.internal", 5672), new("postgresql", "db1.internal", 5433), new("blob store", "127.0.0.1", 10000)],
            endpoints);
        Assert.Equal([false, false, true], endpoints.Select(e => e.OnThisMachine));
    }

    [Fact]
    public void Tls_brokers_unix_sockets_and_cloud_accounts_get_their_own_defaults()
    {
        var endpoints = Endpoints(new()
        {
            ["ClaimVision:Transport"] = "rabbitmq",
            ["ClaimVision:RabbitMq:Uri"] = "amqps://user:secret@mq.example.org/claims",
            ["ClaimVision:Store:Provider"] = "postgres",
            ["ClaimVision:Store:ConnectionString"] = "Host=/var/run/postgresql;Database=claims",
            ["ClaimVision:Blobs:Provider"] = "azure",
            ["ClaimVision:Blobs:ConnectionString"] = "DefaultEndpointsProtocol=https;AccountName=claimsprod;AccountKey=QQ==;EndpointSuffix=core.windows.net",
        });

        Assert.Equal(
            [new("rabbitmq", "mq.example.org", 5671), new("postgresql", "/var/run/postgresql", 5432), new("blob store", "claimsprod.blob.core.windows.net", 443)],
            endpoints);
        Assert.Equal(["not on this machine", "a Unix socket; servers are found by TCP port", "not on this machine"],
            ServiceProcesses.Locate(endpoints).Select(l => l.NotFound));
    }

    [Fact]
    public void The_embedded_providers_name_no_server()
    {
        Assert.Empty(Endpoints(new() { ["ClaimVision:Transport"] = "inmemory", ["ClaimVision:Store:Provider"] = "sqlite", ["ClaimVision:Blobs:Provider"] = "filesystem" }));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.1.1", true)]
    [InlineData("localhost", true)]
    [InlineData("::1", true)]
    [InlineData("[::1]", true)]
    [InlineData("10.0.0.5", false)]
    [InlineData("rabbitmq", false)]
    public void Only_loopback_servers_are_looked_for_among_this_machine_s_processes(string host, bool local)
    {
        Assert.Equal(local, new ServiceEndpoint("x", host, 1).OnThisMachine);
    }

    [Fact]
    public void A_server_elsewhere_is_reported_as_not_measured_with_the_reason()
    {
        var located = Assert.Single(ServiceProcesses.Locate([new ServiceEndpoint("postgresql", "db.internal", 5432)]));

        Assert.Equal(0, located.ProcessId);
        Assert.Equal("not on this machine", located.NotFound);
    }
}

/// <summary>/proc-based: Linux only (the benchmark reads servers' CPU from /proc).</summary>
public class ServiceProcessTests
{
    // About 0.3 s of one core per 300,000 rounds in dash on the machine these were written on.
    private const string Busy = "i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done";

    [Fact]
    public void The_process_listening_on_a_port_is_found()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        Assert.Equal(Environment.ProcessId, ServiceProcesses.ListeningProcess(port));
        var located = Assert.Single(ServiceProcesses.Locate([new ServiceEndpoint("test", "127.0.0.1", port)]));
        Assert.Equal((Environment.ProcessId, null), (located.ProcessId, located.NotFound));
    }

    [Fact]
    public void The_process_listening_on_an_ipv6_port_is_found()
    {
        if (!OperatingSystem.IsLinux() || !Socket.OSSupportsIPv6) return;
        using var listener = new TcpListener(IPAddress.IPv6Loopback, 0);
        try
        {
            listener.Start();
        }
        catch (SocketException)
        {
            return; // IPv6 compiled in but not configured on this machine
        }
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        Assert.Equal(Environment.ProcessId, ServiceProcesses.ListeningProcess(port));
    }

    [Fact]
    public void A_running_child_s_cpu_counts_with_its_parent()
    {
        if (!OperatingSystem.IsLinux()) return;
        // The parent only waits; its child loops for seconds.
        using var shell = Start($"( {Busy}; {Busy}; {Busy}; {Busy}; {Busy}; {Busy}; {Busy}; {Busy}; {Busy}; {Busy} ) & wait");
        try
        {
            var tree = Poll(() => ServiceProcesses.TreeCpu(shell.Id), TimeSpan.FromSeconds(0.1));

            Assert.True(tree >= TimeSpan.FromSeconds(0.1), $"tree {tree}");
            Assert.True(Own(shell.Id) < TimeSpan.FromSeconds(0.1), $"the shell itself {Own(shell.Id)}");
            Assert.False(shell.HasExited, "the child was still running when measured");
        }
        finally
        {
            shell.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void A_child_that_has_exited_counts_through_its_parent_s_reaped_time()
    {
        if (!OperatingSystem.IsLinux()) return;
        // The subshell loops and exits; the shell reaps it, then sleeps in a new child (': ' after it keeps a shell that
        // runs its last command in place, as bash may, from replacing itself with sleep).
        using var shell = Start($"( {Busy}; {Busy} ); sleep 20; :");
        try
        {
            var deadline = Stopwatch.StartNew();
            while (!Children(shell.Id).Contains("sleep") && deadline.Elapsed < TimeSpan.FromSeconds(20)) Thread.Sleep(20);
            Assert.Contains("sleep", Children(shell.Id));

            var tree = ServiceProcesses.TreeCpu(shell.Id);

            Assert.True(tree >= TimeSpan.FromSeconds(0.1), $"tree {tree}");
            Assert.True(Own(shell.Id) < TimeSpan.FromSeconds(0.1), $"the shell itself {Own(shell.Id)}");
        }
        finally
        {
            shell.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void A_process_that_is_gone_has_no_cpu()
    {
        Assert.Equal(TimeSpan.Zero, ServiceProcesses.TreeCpu(int.MaxValue));
    }

    private static Process Start(string script) =>
        Process.Start(new ProcessStartInfo("/bin/sh", ["-c", script]) { UseShellExecute = false })!;

    private static TimeSpan Poll(Func<TimeSpan> read, TimeSpan enough)
    {
        var clock = Stopwatch.StartNew();
        var value = read();
        while (value < enough && clock.Elapsed < TimeSpan.FromSeconds(20))
        {
            Thread.Sleep(20);
            value = read();
        }
        return value;
    }

    /// <summary>The process's own user + system time, without its children's.</summary>
    private static TimeSpan Own(int pid)
    {
        var rest = Stat(pid);
        return TimeSpan.FromSeconds((long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture)) / 100.0);
    }

    /// <summary>Names of the processes whose parent is <paramref name="pid"/>.</summary>
    private static List<string> Children(int pid) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => Path.GetFileName(d))
            .Where(n => n.All(char.IsAsciiDigit))
            .Select(n => (Id: int.Parse(n, CultureInfo.InvariantCulture), Stat: TryStat(int.Parse(n, CultureInfo.InvariantCulture))))
            .Where(p => p.Stat is { } s && s.Fields[1] == pid.ToString(CultureInfo.InvariantCulture))
            .Select(p => p.Stat!.Value.Name)];

    private static string[] Stat(int pid) => TryStat(pid)!.Value.Fields;

    /// <summary>/proc/PID/stat split after the name: Fields[0] is the state, Fields[1] the parent, Fields[11]/[12] utime/stime.</summary>
    private static (string Name, string[] Fields)? TryStat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var open = text.IndexOf('(');
            var close = text.LastIndexOf(')');
            return (text[(open + 1)..close], text[(close + 2)..].Split(' '));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
