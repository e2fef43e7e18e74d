using Microsoft.Extensions.Hosting;

namespace ClaimVision.Integration.Tests.Runtime;

/// <summary>
/// A limit on every wait these tests make on something outside the test (a host's start and stop, a child process, the
/// broker): a hang fails the test, naming what it waited for, instead of holding the whole run until CI gives up.
/// </summary>
internal static class Bounded
{
    public static async Task WaitAsync(Task task, TimeSpan limit, string what)
    {
        try
        {
            await task.WaitAsync(limit);
        }
        catch (TimeoutException e) when (!task.IsCompleted) // the limit, not a timeout the awaited work itself raised
        {
            throw new TimeoutException($"{what} did not finish within {limit.TotalSeconds:0} s.", e);
        }
    }

    public static async Task<T> WaitAsync<T>(Task<T> task, TimeSpan limit, string what)
    {
        await WaitAsync((Task)task, limit, what);
        return await task;
    }

    /// <summary>Starts <paramref name="host"/> with a token cancelled after <paramref name="limit"/>, and waits a third longer
    /// for it to give up before failing the test.</summary>
    public static async Task StartAsync(IHost host, TimeSpan limit, string what)
    {
        using var cancel = new CancellationTokenSource(limit);
        await WaitAsync(host.StartAsync(cancel.Token), limit * 4 / 3, what);
    }

    /// <summary>Stops <paramref name="host"/> with a token cancelled after 30 s, failing the test if it has not stopped in 60 s.</summary>
    public static async Task StopAsync(IHost host, string what)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await WaitAsync(host.StopAsync(cancel.Token), TimeSpan.FromSeconds(60), what);
    }
}
