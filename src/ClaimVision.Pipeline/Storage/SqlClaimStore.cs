using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using ClaimVision.Domain.Claims;
using Dapper;

namespace ClaimVision.Pipeline.Storage;

/// <summary>
/// The claim store's SQL, shared by SQLite and PostgreSQL; a subclass supplies the connection, the schema and the
/// few places where the dialects differ (JSON parameters, timestamps, the write lock).
/// </summary>
/// <remarks>
/// Completion is counted, not inferred: <c>claims.pending_count</c> starts at the number of documents and each
/// document's first outcome decrements it inside the same transaction that moves the document out of 'pending'.
/// A redelivered outcome finds no pending row and changes nothing; the decrement that reaches zero is seen by
/// exactly one caller, who then owns the assessment.
/// </remarks>
public abstract partial class SqlClaimStore : IClaimStore
{
    /// <summary>Request, recommendation and decision columns hold JSON in the web shape (camelCase).</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Opens a new connection (pooled by the provider).</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken ct);

    /// <summary>Statements that create the schema; each must be idempotent (IF NOT EXISTS).</summary>
    protected abstract IReadOnlyList<string> SchemaStatements { get; }

    /// <summary>The SQL for a JSON-valued parameter (PostgreSQL needs a cast to jsonb).</summary>
    protected abstract string JsonParameter(string name);

    /// <summary>"column is one of the array parameter" (Dapper expands IN lists for SQLite but passes arrays to Npgsql).</summary>
    protected abstract string InArray(string column, string parameter);

    /// <summary>A timestamp as the provider stores it.</summary>
    protected abstract object ToDb(DateTimeOffset value);

    /// <summary>Begins the transaction used for writes that must serialise with each other.</summary>
    protected virtual async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await connection.BeginTransactionAsync(ct).ConfigureAwait(false);

    /// <summary>
    /// Serialises, until <paramref name="tx"/> ends, with every other transaction that locks one of <paramref name="keys"/>.
    /// Nothing by default: SQLite's write transaction (<see cref="BeginWriteAsync"/>) already excludes every other writer.
    /// </summary>
    protected virtual Task LockAsync(DbConnection connection, DbTransaction tx, IReadOnlyCollection<string> keys, CancellationToken ct) => Task.CompletedTask;

    public async Task InitializeAsync(CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        foreach (var statement in SchemaStatements)
            await connection.ExecuteAsync(new CommandDefinition(statement, cancellationToken: ct)).ConfigureAwait(false);
        await UpgradeAsync(connection, ct).ConfigureAwait(false);
        await EnsureSaltAsync(connection, ct).ConfigureAwait(false);
    }

    /// <summary>Brings a store created by an earlier release up to the current schema where <see cref="SchemaStatements"/>
    /// cannot say it idempotently (SQLite has no ADD COLUMN IF NOT EXISTS).</summary>
    protected virtual Task UpgradeAsync(DbConnection connection, CancellationToken ct) => Task.CompletedTask;

    public async Task CreateClaimAsync(ClaimRecord claim, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.Documents.Count == 0)
            throw new ArgumentException($"Claim '{claim.ClaimId}' has no documents; a claim needs at least one.", nameof(claim));
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, ct).ConfigureAwait(false);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO claims (claim_id, request_json, status, submitted_at, pending_count)
            VALUES (@ClaimId, {JsonParameter("Request")}, 'processing', @SubmittedAt, @Pending)
            ON CONFLICT (claim_id) DO NOTHING
            """,
            new { claim.ClaimId, Request = JsonSerializer.Serialize(claim.Request, Json), SubmittedAt = ToDb(claim.SubmittedAt), Pending = claim.Documents.Count },
            tx, cancellationToken: ct)).ConfigureAwait(false);
        if (inserted == 1)
        {
            var rows = claim.Documents.Select((d, i) => new { d.DocumentId, claim.ClaimId, Seq = i, d.FileName, d.BlobKey, d.Sha256 });
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO documents (document_id, claim_id, seq, file_name, blob_key, sha256, status)
                VALUES (@DocumentId, @ClaimId, @Seq, @FileName, @BlobKey, @Sha256, 'pending')
                """, rows, tx, cancellationToken: ct)).ConfigureAwait(false);
        }
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    public async Task<ClaimRecord?> GetClaimAsync(string claimId, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<ClaimRow>(new CommandDefinition(
            $"SELECT {ClaimColumns} FROM claims WHERE claim_id = @claimId", new { claimId }, cancellationToken: ct)).ConfigureAwait(false);
        if (row is null) return null;
        var documents = await DocumentsOfAsync(connection, [claimId], ct).ConfigureAwait(false);
        return ToRecord(row, documents);
    }

    public async Task<DocumentRecord?> GetDocumentAsync(string documentId, CancellationToken ct = default)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
            $"SELECT {DocumentColumns} FROM documents WHERE document_id = @documentId", new { documentId }, cancellationToken: ct)).ConfigureAwait(false);
        return row?.ToRecord();
    }

    public async Task<OutcomeRecorded> RecordOutcomeAsync(string documentId, DocumentStatus status, string? reportKey, string? errorCode, string? errorMessage, CancellationToken ct = default)
    {
        if (status == DocumentStatus.Pending)
            throw new ArgumentException("An outcome is Analyzed or Rejected, not Pending.", nameof(status));
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, ct).ConfigureAwait(false);
        // The row lock (PostgreSQL) or the write lock (SQLite) makes the second of two concurrent updates see
        // status <> 'pending' and update nothing.
        var claimId = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            """
            UPDATE documents SET status = @Status, report_key = @reportKey, error_code = @errorCode, error_message = @errorMessage
            WHERE document_id = @documentId AND status = 'pending'
            RETURNING claim_id
            """,
            new { Status = ToDb(status), reportKey, errorCode, errorMessage, documentId }, tx, cancellationToken: ct)).ConfigureAwait(false);
        if (claimId is null)
        {
            var exists = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT COUNT(*) FROM documents WHERE document_id = @documentId", new { documentId }, tx, cancellationToken: ct)).ConfigureAwait(false);
            await tx.RollbackAsync(ct).ConfigureAwait(false);
            return exists == 1 ? new OutcomeRecorded(false, false) : throw new KeyNotFoundException($"Document '{documentId}' is not in the claim store.");
        }
        var pending = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "UPDATE claims SET pending_count = pending_count - 1 WHERE claim_id = @claimId RETURNING pending_count",
            new { claimId }, tx, cancellationToken: ct)).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return new OutcomeRecorded(true, pending == 0);
    }

    public async Task<bool> SaveRecommendationAsync(string claimId, Recommendation recommendation, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, ct).ConfigureAwait(false);
        if (await MarkRecommendedAsync(connection, tx, claimId, recommendation, ct).ConfigureAwait(false))
        {
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return true;
        }
        await tx.RollbackAsync(ct).ConfigureAwait(false);
        await EnsureClaimExistsAsync(connection, claimId, ct).ConfigureAwait(false);
        return false;
    }

    /// <summary>Stores the recommendation unless the claim already has one; false then (the caller rolls back and checks the claim exists).</summary>
    private async Task<bool> MarkRecommendedAsync(DbConnection connection, DbTransaction tx, string claimId, Recommendation recommendation, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE claims SET recommendation_json = {JsonParameter("Json")}, recommended_at = @At, status = 'recommended'
            WHERE claim_id = @claimId AND recommendation_json IS NULL
            """,
            new { claimId, Json = JsonSerializer.Serialize(recommendation, Json), At = ToDb(DateTimeOffset.UtcNow) },
            tx, cancellationToken: ct)).ConfigureAwait(false) == 1;

    /// <summary>Page numbers start at 1. Status: "pending" (not decided yet), "decided" or "all".</summary>
    public async Task<IReadOnlyList<ClaimRecord>> ListRecommendationsAsync(string status, int page, int pageSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 500);
        var filter = status switch
        {
            "pending" => "AND decision_json IS NULL",
            "decided" => "AND decision_json IS NOT NULL",
            "all" => "",
            _ => throw new ArgumentException($"Unknown recommendation status '{status}'; use pending, decided or all.", nameof(status)),
        };
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        var rows = (await connection.QueryAsync<ClaimRow>(new CommandDefinition(
            $"""
            SELECT {ClaimColumns} FROM claims WHERE recommendation_json IS NOT NULL {filter}
            ORDER BY recommended_at DESC, claim_id LIMIT @Take OFFSET @Skip
            """,
            new { Take = pageSize, Skip = (page - 1) * pageSize }, cancellationToken: ct)).ConfigureAwait(false)).ToList();
        if (rows.Count == 0) return [];
        var documents = await DocumentsOfAsync(connection, rows.Select(r => r.ClaimId).ToArray(), ct).ConfigureAwait(false);
        return rows.Select(r => ToRecord(r, documents)).ToList();
    }

    /// <summary>Records or replaces the adjuster's decision, and what the claim's history counts as paid; the claim must have a recommendation.</summary>
    public async Task SaveDecisionAsync(string claimId, AdjusterDecision decision, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(decision);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, ct).ConfigureAwait(false);
        await LockAsync(connection, tx, await DecisionLockKeysAsync(connection, tx, claimId, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE claims SET decision_json = {JsonParameter("Json")}, status = 'decided'
            WHERE claim_id = @claimId AND recommendation_json IS NOT NULL
            """,
            new { claimId, Json = JsonSerializer.Serialize(decision, Json) }, tx, cancellationToken: ct)).ConfigureAwait(false);
        if (updated == 1)
        {
            await UpdateHistoryAsync(connection, tx, claimId, decision, ct).ConfigureAwait(false);
            await tx.CommitAsync(ct).ConfigureAwait(false);
            return;
        }
        await tx.RollbackAsync(ct).ConfigureAwait(false);
        await EnsureClaimExistsAsync(connection, claimId, ct).ConfigureAwait(false);
        throw new InvalidOperationException($"Claim '{claimId}' has no recommendation yet, so there is nothing to decide.");
    }

    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        try
        {
            await using var connection = await OpenAsync(ct).ConfigureAwait(false);
            return await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: ct)).ConfigureAwait(false) == 1;
        }
        catch (DbException)
        {
            return false;
        }
    }

    private const string ClaimColumns = "claim_id AS ClaimId, request_json AS RequestJson, status AS Status, submitted_at AS SubmittedAt, recommendation_json AS RecommendationJson, decision_json AS DecisionJson";
    private const string DocumentColumns = "document_id AS DocumentId, claim_id AS ClaimId, file_name AS FileName, blob_key AS BlobKey, sha256 AS Sha256, status AS Status, report_key AS ReportKey, error_code AS ErrorCode, error_message AS ErrorMessage";

    private static async Task EnsureClaimExistsAsync(DbConnection connection, string claimId, CancellationToken ct)
    {
        var exists = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT COUNT(*) FROM claims WHERE claim_id = @claimId", new { claimId }, cancellationToken: ct)).ConfigureAwait(false);
        if (exists == 0) throw new KeyNotFoundException($"Claim '{claimId}' is not in the claim store.");
    }

    private async Task<ILookup<string, DocumentRecord>> DocumentsOfAsync(DbConnection connection, string[] claimIds, CancellationToken ct)
    {
        // Pages are at most 500 claims, well inside SQLite's parameter limit.
        var rows = await connection.QueryAsync<DocumentRow>(new CommandDefinition(
            $"SELECT {DocumentColumns} FROM documents WHERE {InArray("claim_id", "claimIds")} ORDER BY claim_id, seq",
            new { claimIds }, cancellationToken: ct)).ConfigureAwait(false);
        return rows.ToLookup(r => r.ClaimId, r => r.ToRecord());
    }

    private static ClaimRecord ToRecord(ClaimRow row, ILookup<string, DocumentRecord> documents) => new()
    {
        ClaimId = row.ClaimId,
        Request = JsonSerializer.Deserialize<ClaimRequest>(row.RequestJson, Json)
            ?? throw new InvalidDataException($"Claim '{row.ClaimId}' has an empty request in the store."),
        Status = Enum.Parse<ClaimStatus>(row.Status, ignoreCase: true),
        SubmittedAt = FromDb(row.SubmittedAt),
        Documents = documents[row.ClaimId].ToList(),
        Recommendation = row.RecommendationJson is null ? null : JsonSerializer.Deserialize<Recommendation>(row.RecommendationJson, Json),
        Decision = row.DecisionJson is null ? null : JsonSerializer.Deserialize<AdjusterDecision>(row.DecisionJson, Json),
    };

    private static string ToDb(DocumentStatus status) => status.ToString().ToLowerInvariant();

    private static DateTimeOffset FromDb(object value) => value switch
    {
        DateTimeOffset o => o,
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidDataException($"Unexpected timestamp type {value.GetType().Name} in the claim store."),
    };

    // A settable class, not a positional record: Dapper matches constructors by exact column type, and
    // submitted_at arrives as text from SQLite but as a timestamp from PostgreSQL.
    private sealed class ClaimRow
    {
        public string ClaimId { get; set; } = "";
        public string RequestJson { get; set; } = "";
        public string Status { get; set; } = "";
        public object SubmittedAt { get; set; } = "";
        public string? RecommendationJson { get; set; }
        public string? DecisionJson { get; set; }
    }

    private sealed record DocumentRow(string DocumentId, string ClaimId, string FileName, string BlobKey, string Sha256, string Status, string? ReportKey, string? ErrorCode, string? ErrorMessage)
    {
        public DocumentRecord ToRecord() => new()
        {
            DocumentId = DocumentId,
            ClaimId = ClaimId,
            FileName = FileName,
            BlobKey = BlobKey,
            Sha256 = Sha256,
            Status = Enum.Parse<DocumentStatus>(Status, ignoreCase: true),
            ReportKey = ReportKey,
            ErrorCode = ErrorCode,
            ErrorMessage = ErrorMessage,
        };
    }
}
