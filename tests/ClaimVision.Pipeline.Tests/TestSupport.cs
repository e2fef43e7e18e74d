namespace ClaimVision.Pipeline.Tests;

/// <summary>A clock stopped at one instant, so policy periods and ages do not depend on the day the tests run.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
