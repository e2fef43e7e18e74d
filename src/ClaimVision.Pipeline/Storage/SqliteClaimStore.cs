using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace ClaimVision.Pipeline.Storage;

/// <summary>The embedded claim store: one SQLite file in WAL mode.</summary>
public sealed class SqliteClaimStore(string connectionString) : SqlClaimStore
{
    protected override async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        return connection;
    }

    // BEGIN IMMEDIATE takes the write lock up front: two deferred transactions that both read and then write
    // would fail with SQLITE_BUSY on the upgrade instead of waiting. Busy waits are bounded by the command timeout.
    protected override Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    protected override string InArray(string column, string parameter) => $"{column} IN @{parameter}";

    protected override string JsonParameter(string name) => "@" + name;

    // Fixed-width UTC text sorts in time order.
    protected override object ToDb(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    // Amounts as invariant text: SQLite's numbers are binary floating point and would round 0.10.
    protected override object ToDb(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    protected override object ToDb(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Columns added after the first release, added to a file created before them (null for the rows already there).</summary>
    private static readonly (string Table, string Column, string Definition)[] AddedColumns = [("claim_history", "billed_amount", "TEXT NULL")];

    protected override async Task UpgradeAsync(DbConnection connection, CancellationToken ct)
    {
        foreach (var (table, column, definition) in AddedColumns)
        {
            var present = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM pragma_table_info(@table) WHERE name = @column", new { table, column }, cancellationToken: ct)).ConfigureAwait(false);
            if (present > 0) continue;
            try
            {
                await connection.ExecuteAsync(new CommandDefinition($"ALTER TABLE {table} ADD COLUMN {column} {definition}", cancellationToken: ct)).ConfigureAwait(false);
            }
            catch (SqliteException e) when (e.Message.Contains("duplicate column name", StringComparison.OrdinalIgnoreCase))
            {
                // Another process opening the same file added it first.
            }
        }
    }

    protected override IReadOnlyList<string> SchemaStatements { get; } =
    [
        "PRAGMA journal_mode = WAL",
        """
        CREATE TABLE IF NOT EXISTS claims (
            claim_id TEXT PRIMARY KEY,
            request_json TEXT NOT NULL,
            status TEXT NOT NULL,
            submitted_at TEXT NOT NULL,
            pending_count INTEGER NOT NULL,
            recommendation_json TEXT NULL,
            recommended_at TEXT NULL,
            decision_json TEXT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS documents (
            document_id TEXT PRIMARY KEY,
            claim_id TEXT NOT NULL REFERENCES claims(claim_id),
            seq INTEGER NOT NULL,
            file_name TEXT NOT NULL,
            blob_key TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            status TEXT NOT NULL,
            report_key TEXT NULL,
            error_code TEXT NULL,
            error_message TEXT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS documents_claim ON documents (claim_id, seq)",
        "CREATE INDEX IF NOT EXISTS claims_queue ON claims (recommended_at) WHERE recommendation_json IS NOT NULL",
        """
        CREATE TABLE IF NOT EXISTS claim_history (
            claim_id TEXT PRIMARY KEY REFERENCES claims(claim_id),
            insured_key TEXT NULL,
            policy_id TEXT NOT NULL,
            policy_version TEXT NOT NULL,
            policy_year INTEGER NULL,
            service_date TEXT NULL,
            billed_amount TEXT NULL,
            decision TEXT NOT NULL,
            paid_amount TEXT NOT NULL,
            deductible_applied TEXT NOT NULL,
            recorded_at TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS claim_history_person ON claim_history (insured_key, policy_id, policy_year)",
        """
        CREATE TABLE IF NOT EXISTS claim_history_documents (
            claim_id TEXT NOT NULL REFERENCES claim_history(claim_id),
            seq INTEGER NOT NULL,
            document_id TEXT NOT NULL,
            file_name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            invoice_number TEXT NULL,
            PRIMARY KEY (claim_id, seq))
        """,
        "CREATE INDEX IF NOT EXISTS claim_history_invoice ON claim_history_documents (invoice_number) WHERE invoice_number IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS claim_history_image ON claim_history_documents (sha256)",
        "CREATE TABLE IF NOT EXISTS store_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ];
}
