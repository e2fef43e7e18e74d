namespace ClaimVision.Pipeline.Tests;

/// <summary>A path inside the checkout (found by walking up to ClaimVision.sln from the test binaries).</summary>
internal static class Checkout
{
    public static string Path(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "ClaimVision.sln"))) dir = dir.Parent;
        return System.IO.Path.Combine([dir!.FullName, .. parts]);
    }
}

/// <summary>A clock stopped at one instant, so policy periods and ages do not depend on the day the tests run.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
