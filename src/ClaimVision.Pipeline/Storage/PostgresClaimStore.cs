using System.Buffers.Binary;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace ClaimVision.Pipeline.Storage;

/// <summary>The scaled-out claim store: PostgreSQL, shared by every API and worker process.</summary>
public sealed class PostgresClaimStore : SqlClaimStore, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates the store over an Npgsql connection string; connections are pooled by the data source.</summary>
    public PostgresClaimStore(string connectionString) => _dataSource = NpgsqlDataSource.Create(connectionString);

    protected override async Task<DbConnection> OpenAsync(CancellationToken ct) =>
        await _dataSource.OpenConnectionAsync(ct).ConfigureAwait(false);

    protected override string InArray(string column, string parameter) => $"{column} = ANY(@{parameter})";

    protected override string JsonParameter(string name) => $"CAST(@{name} AS jsonb)";

    protected override object ToDb(DateTimeOffset value) => value.ToUniversalTime();

    protected override object ToDb(decimal value) => value;

    protected override object ToDb(DateOnly value) => value;

    // Transaction-scoped advisory locks, one per key, taken in ascending order so two transactions sharing keys never
    // wait on each other in a cycle; commit or rollback releases them.
    protected override async Task LockAsync(DbConnection connection, DbTransaction tx, IReadOnlyCollection<string> keys, CancellationToken ct)
    {
        foreach (var id in keys.Select(LockId).Distinct().Order())
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@id)", new { id }, tx, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>A 64-bit advisory lock id for a key, the same in every process (unlike string.GetHashCode).</summary>
    private static long LockId(string key) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("claimvision-history:" + key)));

    // Read committed is enough: the conditional UPDATEs take row locks and re-check their WHERE after waiting.
    // The advisory lock serialises schema creation when several workers start at once (concurrent
    // CREATE TABLE IF NOT EXISTS can still collide on the catalog); closing the connection releases it.
    protected override IReadOnlyList<string> SchemaStatements { get; } =
    [
        "SELECT pg_advisory_lock(5318008)",
        """
        CREATE TABLE IF NOT EXISTS claims (
            claim_id text PRIMARY KEY,
            request_json jsonb NOT NULL,
            status text NOT NULL,
            submitted_at timestamptz NOT NULL,
            pending_count integer NOT NULL,
            recommendation_json jsonb NULL,
            recommended_at timestamptz NULL,
            decision_json jsonb NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS documents (
            document_id text PRIMARY KEY,
            claim_id text NOT NULL REFERENCES claims(claim_id),
            seq integer NOT NULL,
            file_name text NOT NULL,
            blob_key text NOT NULL,
            sha256 text NOT NULL,
            status text NOT NULL,
            report_key text NULL,
            error_code text NULL,
            error_message text NULL)
        """,
        "CREATE INDEX IF NOT EXISTS documents_claim ON documents (claim_id, seq)",
        "CREATE INDEX IF NOT EXISTS claims_queue ON claims (recommended_at DESC) WHERE recommendation_json IS NOT NULL",
        """
        CREATE TABLE IF NOT EXISTS claim_history (
            claim_id text PRIMARY KEY REFERENCES claims(claim_id),
            insured_key text NULL,
            policy_id text NOT NULL,
            policy_version text NOT NULL,
            policy_year integer NULL,
            service_date date NULL,
            billed_amount numeric NULL,
            decision text NOT NULL,
            paid_amount numeric NOT NULL,
            deductible_applied numeric NOT NULL,
            recorded_at timestamptz NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS claim_history_person ON claim_history (insured_key, policy_id, policy_year)",
        """
        CREATE TABLE IF NOT EXISTS claim_history_documents (
            claim_id text NOT NULL REFERENCES claim_history(claim_id),
            seq integer NOT NULL,
            document_id text NOT NULL,
            file_name text NOT NULL,
            sha256 text NOT NULL,
            invoice_number text NULL,
            PRIMARY KEY (claim_id, seq))
        """,
        "CREATE INDEX IF NOT EXISTS claim_history_invoice ON claim_history_documents (invoice_number) WHERE invoice_number IS NOT NULL",
        "CREATE INDEX IF NOT EXISTS claim_history_image ON claim_history_documents (sha256)",
        "CREATE TABLE IF NOT EXISTS store_settings (name text PRIMARY KEY, value text NOT NULL)",
        // Added after the first release: stores created before it gain the column (null for the claims already recorded).
        "ALTER TABLE claim_history ADD COLUMN IF NOT EXISTS billed_amount numeric NULL",
        "SELECT pg_advisory_unlock(5318008)",
    ];

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    // Also synchronous: a service provider disposed with Dispose() refuses singletons that only dispose asynchronously.
    public void Dispose() => _dataSource.Dispose();
}
