using ClaimVision.Pipeline.Storage;
using Microsoft.Data.Sqlite;

namespace ClaimVision.Pipeline.Tests.Storage;

public sealed class SqliteClaimStoreTests : ClaimStoreContract
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cv-sqlite-" + Guid.NewGuid().ToString("N"));

    protected override Task<IClaimStore> CreateStoreAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.FromResult<IClaimStore>(new SqliteClaimStore($"Data Source={Path.Combine(_folder, "claims.db")}"));
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "claims.db")}");
        await connection.OpenAsync();
        await using var command = new SqliteCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task The_store_survives_reopening_the_file()
    {
        var path = Path.Combine(_folder, "claims.db");
        await Store.PingAsync();
        var reopened = new SqliteClaimStore($"Data Source={path}");
        await reopened.InitializeAsync();

        Assert.True(await reopened.PingAsync());
        Assert.Empty(await reopened.ListRecommendationsAsync("all", 1, 10));
    }

    [Fact]
    public async Task History_keeps_a_salted_key_not_the_ID_number_and_the_salt_survives_reopening()
    {
        var path = Path.Combine(_folder, "claims.db");
        var earlier = await RecommendAsync(Domain.Claims.Decision.Approve, 300m);
        var reopened = new SqliteClaimStore($"Data Source={path}");
        await reopened.InitializeAsync();

        var history = await reopened.FindHistoryAsync(Lookup("c-new", PersonId));
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var read = new SqliteCommand("SELECT insured_key FROM claim_history", connection);
        var key = (string)(await read.ExecuteScalarAsync())!;

        Assert.Equal(earlier, Assert.Single(history.Claims).ClaimId);
        Assert.Equal(PersonId, history.Claims[0].InsuredIdNumber);
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.DoesNotContain(PersonId, key, StringComparison.Ordinal);
    }
}
