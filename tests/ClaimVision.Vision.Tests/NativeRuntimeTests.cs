using ClaimVision.Vision;

namespace ClaimVision.Vision.Tests;

public class NativeRuntimeTests
{
    [Fact]
    public void OpenMpThreadLimitReachesNativeCode()
    {
        NativeRuntime.EnsureInitialized();
        var expected = NativeRuntime.NativeEnvironmentVariable("OMP_THREAD_LIMIT");
        Assert.NotNull(expected);
        Assert.Equal(int.Parse(expected!, System.Globalization.CultureInfo.InvariantCulture), NativeRuntime.OpenMpThreadLimit());
    }
}
