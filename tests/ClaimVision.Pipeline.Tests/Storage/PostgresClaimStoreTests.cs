using ClaimVision.Pipeline.Storage;
using Npgsql;

namespace ClaimVision.Pipeline.Tests.Storage;

/// <summary>The claim-store contract on PostgreSQL; each test gets its own schema, so tests never see each other's claims.</summary>
public sealed class PostgresClaimStoreTests : ClaimStoreContract
{
    private readonly string _schema = "t_" + Guid.NewGuid().ToString("N");
    private bool _created;

    protected override async Task<IClaimStore> CreateStoreAsync()
    {
        var connectionString = TestServers.Postgres;
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE SCHEMA {_schema}", connection);
            await create.ExecuteNonQueryAsync();
        }
        _created = true;
        return new PostgresClaimStore(new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = _schema }.ConnectionString);
    }

    protected override async Task ExecuteSqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestServers.Postgres) { SearchPath = _schema }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public override async Task DisposeAsync()
    {
        if (!_created) return;
        await ((PostgresClaimStore)Store).DisposeAsync();
        await using var connection = new NpgsqlConnection(TestServers.Postgres);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA {_schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
