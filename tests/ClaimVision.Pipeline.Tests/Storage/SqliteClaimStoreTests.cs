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
}
