namespace ClaimVision.Pipeline.Tests.Storage;

/// <summary>Connection strings of the servers scripts/services.sh starts; a missing one fails the test loudly.</summary>
internal static class TestServers
{
    public static string Azurite => Require("CLAIMVISION_TEST_AZURITE");

    public static string Postgres => Require("CLAIMVISION_TEST_POSTGRES");

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: run through scripts/test.sh, which starts the test servers (or `scripts/services.sh start` and source .services/env).");
}
