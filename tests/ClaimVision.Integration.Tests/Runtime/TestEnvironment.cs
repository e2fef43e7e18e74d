namespace ClaimVision.Integration.Tests.Runtime;

/// <summary>The servers scripts/services.sh starts; a missing variable fails the test, never skips it.</summary>
internal static class TestEnvironment
{
    public static string RabbitMq => Require("CLAIMVISION_TEST_RABBITMQ");
    public static string Postgres => Require("CLAIMVISION_TEST_POSTGRES");
    public static string Azurite => Require("CLAIMVISION_TEST_AZURITE");
    public static string RabbitNode => Require("CLAIMVISION_TEST_RABBITMQ_NODE");
    public static string RabbitHome => Require("CLAIMVISION_TEST_RABBITMQ_HOME");

    /// <summary>Settings for the scaled-out shape: RabbitMQ, PostgreSQL, Azurite.</summary>
    public static Dictionary<string, string> ScaledOut() => new()
    {
        ["ClaimVision:Transport"] = "rabbitmq",
        ["ClaimVision:RabbitMq:Uri"] = RabbitMq,
        ["ClaimVision:Store:Provider"] = "postgres",
        ["ClaimVision:Store:ConnectionString"] = Postgres,
        ["ClaimVision:Blobs:Provider"] = "azure",
        ["ClaimVision:Blobs:ConnectionString"] = Azurite,
    };

    private static string Require(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{variable} is not set: run through scripts/test.sh, which starts RabbitMQ, PostgreSQL and Azurite (or `scripts/services.sh start` and `set -a; . .services/env`).");
}
