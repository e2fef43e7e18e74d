using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Identity;
using Dapper;

namespace ClaimVision.Pipeline.Storage;

/// <summary>
/// Claim history: what a recommended claim leaves for the duplicate and per-year checks of later claims.
/// </summary>
/// <remarks>
/// <c>claim_history</c> holds one row per recommended claim (insured key, policy, year, service date, amount billed,
/// decision, amount paid),
/// <c>claim_history_documents</c> one row per document with its image hash and, for bills, its normalised invoice number.
/// Both are written in the transaction that stores the recommendation, and only when that write is the first, so a
/// redelivered assessment adds nothing. The insured person is kept as HMAC-SHA256 of the normalised ID number under a
/// random salt the store creates once (<c>store_settings</c>): equal IDs meet, the table alone names nobody. Anyone who
/// can read <c>store_settings</c> can still test a guessed ID, so this is pseudonymisation, not anonymisation.
/// </remarks>
public abstract partial class SqlClaimStore
{
    private const string SaltSetting = "insured-key-salt";
    private static readonly string[] PayingDecisions = [ToDb(Decision.Approve), ToDb(Decision.Partial)];
    private byte[]? _salt;

    /// <summary>A decimal as the provider stores it exactly (SQLite has no exact decimal type).</summary>
    protected abstract object ToDb(decimal value);

    /// <summary>A calendar date as the provider stores it.</summary>
    protected abstract object ToDb(DateOnly value);

    public async Task<bool> SaveRecommendationAsync(string claimId, Recommendation recommendation, PriorClaim history, CancellationToken ct = default) =>
        await SaveRecommendationIfCurrentAsync(claimId, recommendation, history, null, ct).ConfigureAwait(false) == SaveOutcome.Saved;

    public async Task<SaveOutcome> SaveRecommendationIfCurrentAsync(string claimId, Recommendation recommendation, PriorClaim history, HistoryCheck? check, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(recommendation);
        ArgumentNullException.ThrowIfNull(history);
        if (history.ClaimId != claimId)
            throw new ArgumentException($"The history given is of claim '{history.ClaimId}', not of claim '{claimId}'.", nameof(history));
        if (check is not null && check.Lookup.ClaimId != claimId)
            throw new ArgumentException($"The history check given is of claim '{check.Lookup.ClaimId}', not of claim '{claimId}'.", nameof(check));
        var documented = history.Documents.Select(d => ClaimHistory.NormalizeInvoice(d.InvoiceNumber)).ToHashSet();
        var images = history.Documents.Select(d => d.Sha256).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (history.InvoiceNumbers.FirstOrDefault(n => !documented.Contains(ClaimHistory.NormalizeInvoice(n))) is { } invoice)
            throw new ArgumentException($"Invoice {invoice} of claim '{claimId}' is on none of its history documents; the store records documents.", nameof(history));
        if (history.ImageSha256s.FirstOrDefault(s => !images.Contains(s)) is { } image)
            throw new ArgumentException($"Image {image} of claim '{claimId}' is none of its history documents; the store records documents.", nameof(history));

        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        await using var tx = await BeginWriteAsync(connection, ct).ConfigureAwait(false);
        // Locks first, in one order for every transaction (LockAsync sorts), then the claim's row: no deadlock.
        await LockAsync(connection, tx, await LockKeysAsync(connection, tx, history, check?.Lookup, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
        if (!await MarkRecommendedAsync(connection, tx, claimId, recommendation, ct).ConfigureAwait(false))
        {
            await tx.RollbackAsync(ct).ConfigureAwait(false);
            await EnsureClaimExistsAsync(connection, claimId, ct).ConfigureAwait(false);
            return SaveOutcome.AlreadyRecommended;
        }
        // Under the locks no other claim with one of these keys can commit before this transaction ends, so what this
        // query finds is what the recommendation is stored against.
        if (check is not null && !SameClaims(await FindHistoryAsync(connection, tx, check.Lookup, ct).ConfigureAwait(false), check.Seen))
        {
            await tx.RollbackAsync(ct).ConfigureAwait(false);
            return SaveOutcome.Stale;
        }
        await InsertHistoryAsync(connection, tx, history, recommendation, ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return SaveOutcome.Saved;
    }

    public async Task<ClaimHistory> FindHistoryAsync(HistoryLookup lookup, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        return await FindHistoryAsync(connection, null, lookup, ct).ConfigureAwait(false);
    }

    private async Task<ClaimHistory> FindHistoryAsync(DbConnection connection, DbTransaction? tx, HistoryLookup lookup, CancellationToken ct)
    {
        var key = await InsuredKeyAsync(connection, tx, lookup.InsuredIdNumber, ct).ConfigureAwait(false);
        var invoices = lookup.InvoiceNumbers.Select(ClaimHistory.NormalizeInvoice).Where(n => n.Length > 0).Distinct().ToArray();
        var images = lookup.ImageSha256s.Where(s => s.Length > 0).Select(s => s.ToLowerInvariant()).Distinct().ToArray();
        var claims = (await connection.QueryAsync<HistoryRow>(new CommandDefinition(
            $"""
            SELECT claim_id AS ClaimId, insured_key AS InsuredKey, policy_id AS PolicyId, service_date AS ServiceDate,
                   billed_amount AS BilledAmount, paid_amount AS PaidAmount, deductible_applied AS DeductibleApplied
            FROM claim_history
            WHERE claim_id <> @ClaimId AND (
                (insured_key = @Key AND policy_id = @PolicyId AND policy_year = @Year AND {InArray("decision", "Paying")})
                OR claim_id IN (SELECT claim_id FROM claim_history_documents WHERE {InArray("invoice_number", "Invoices")} OR {InArray("sha256", "Images")}))
            ORDER BY recorded_at, claim_id
            """,
            new { lookup.ClaimId, Key = key, lookup.PolicyId, lookup.Year, Paying = PayingDecisions, Invoices = invoices, Images = images },
            tx, cancellationToken: ct)).ConfigureAwait(false)).ToList();
        if (claims.Count == 0) return ClaimHistory.Empty;
        var documents = (await connection.QueryAsync<HistoryDocumentRow>(new CommandDefinition(
            $"""
            SELECT claim_id AS ClaimId, document_id AS DocumentId, file_name AS FileName, sha256 AS Sha256, invoice_number AS InvoiceNumber
            FROM claim_history_documents WHERE {InArray("claim_id", "Ids")} ORDER BY claim_id, seq
            """,
            new { Ids = claims.Select(c => c.ClaimId).ToArray() }, tx, cancellationToken: ct)).ConfigureAwait(false))
            .ToLookup(d => d.ClaimId, d => new PriorDocument(d.DocumentId, d.FileName, d.Sha256, d.InvoiceNumber));
        return new ClaimHistory(claims.Select(c => new PriorClaim
        {
            ClaimId = c.ClaimId,
            PolicyId = c.PolicyId,
            InsuredIdNumber = key is not null && c.InsuredKey == key ? ResidentId.Normalize(lookup.InsuredIdNumber) : "",
            ServiceDate = c.ServiceDate is null ? null : DateFromDb(c.ServiceDate),
            InvoiceNumbers = [.. documents[c.ClaimId].Select(d => d.InvoiceNumber).OfType<string>().Distinct()],
            ImageSha256s = [.. documents[c.ClaimId].Select(d => d.Sha256).Distinct()],
            Documents = [.. documents[c.ClaimId]],
            BilledAmount = c.BilledAmount is null ? null : DecimalFromDb(c.BilledAmount),
            PaidAmount = DecimalFromDb(c.PaidAmount),
            DeductibleApplied = DecimalFromDb(c.DeductibleApplied),
        }));
    }

    /// <summary>The same earlier claims with the same amounts: what an assessment's outcome depends on.</summary>
    private static bool SameClaims(ClaimHistory now, ClaimHistory seen) =>
        now.Claims.Select(c => (c.ClaimId, c.PaidAmount, c.DeductibleApplied)).ToHashSet()
            .SetEquals(seen.Claims.Select(c => (c.ClaimId, c.PaidAmount, c.DeductibleApplied)));

    /// <summary>
    /// What a claim's history write must serialise on: the keys it records (later claims search them) and the keys its
    /// assessment searched (earlier claims may be recording them right now): person+policy+year, invoice numbers, images.
    /// </summary>
    private async Task<IReadOnlyCollection<string>> LockKeysAsync(DbConnection connection, DbTransaction tx, PriorClaim history, HistoryLookup? lookup, CancellationToken ct)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        AddPerson(keys, await InsuredKeyAsync(connection, tx, history.InsuredIdNumber, ct).ConfigureAwait(false), history.PolicyId, history.ServiceDate?.Year);
        foreach (var document in history.Documents) AddDocument(keys, document.InvoiceNumber, document.Sha256);
        if (lookup is null) return keys;
        AddPerson(keys, await InsuredKeyAsync(connection, tx, lookup.InsuredIdNumber, ct).ConfigureAwait(false), lookup.PolicyId, lookup.Year);
        foreach (var number in lookup.InvoiceNumbers) AddDocument(keys, number, null);
        foreach (var sha in lookup.ImageSha256s) AddDocument(keys, null, sha);
        return keys;
    }

    /// <summary>A decision changes what the person's year counts as paid: it serialises on that person's key.</summary>
    private static async Task<IReadOnlyCollection<string>> DecisionLockKeysAsync(DbConnection connection, DbTransaction tx, string claimId, CancellationToken ct)
    {
        var row = await connection.QuerySingleOrDefaultAsync<PersonRow>(new CommandDefinition(
            "SELECT insured_key AS InsuredKey, policy_id AS PolicyId, policy_year AS PolicyYear FROM claim_history WHERE claim_id = @claimId",
            new { claimId }, tx, cancellationToken: ct)).ConfigureAwait(false);
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        if (row is not null) AddPerson(keys, row.InsuredKey, row.PolicyId, row.PolicyYear is null ? null : Convert.ToInt32(row.PolicyYear, CultureInfo.InvariantCulture));
        return keys;
    }

    private static void AddPerson(SortedSet<string> keys, string? insuredKey, string policyId, int? year)
    {
        if (insuredKey is not null && year is not null) keys.Add(string.Create(CultureInfo.InvariantCulture, $"person:{insuredKey}:{policyId}:{year}"));
    }

    private static void AddDocument(SortedSet<string> keys, string? invoiceNumber, string? sha256)
    {
        if (ClaimHistory.NormalizeInvoice(invoiceNumber) is { Length: > 0 } invoice) keys.Add("invoice:" + invoice);
        if (!string.IsNullOrEmpty(sha256)) keys.Add("image:" + sha256.ToLowerInvariant());
    }

    /// <summary>Creates the salt of insured keys once; concurrent initialisations keep the first.</summary>
    private static async Task EnsureSaltAsync(DbConnection connection, CancellationToken ct) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO store_settings (name, value) VALUES (@SaltSetting, @Value) ON CONFLICT (name) DO NOTHING",
            new { SaltSetting, Value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) }, cancellationToken: ct)).ConfigureAwait(false);

    private async Task InsertHistoryAsync(DbConnection connection, DbTransaction tx, PriorClaim history, Recommendation recommendation, CancellationToken ct)
    {
        var paying = recommendation.Decision is Decision.Approve or Decision.Partial;
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO claim_history (claim_id, insured_key, policy_id, policy_version, policy_year, service_date, billed_amount, decision, paid_amount, deductible_applied, recorded_at)
            VALUES (@ClaimId, @Key, @PolicyId, @PolicyVersion, @Year, @ServiceDate, @Billed, @Decision, @Paid, @Deductible, @At)
            ON CONFLICT (claim_id) DO NOTHING
            """,
            new
            {
                history.ClaimId,
                Key = await InsuredKeyAsync(connection, tx, history.InsuredIdNumber, ct).ConfigureAwait(false),
                history.PolicyId,
                recommendation.PolicyVersion,
                Year = history.ServiceDate?.Year,
                ServiceDate = history.ServiceDate is { } date ? ToDb(date) : null,
                Billed = history.BilledAmount is { } billed ? ToDb(billed) : null,
                Decision = ToDb(recommendation.Decision),
                Paid = ToDb(paying ? history.PaidAmount : 0m),
                Deductible = ToDb(paying ? history.DeductibleApplied : 0m),
                At = ToDb(DateTimeOffset.UtcNow),
            }, tx, cancellationToken: ct)).ConfigureAwait(false);
        var rows = history.Documents.Select((d, i) => new
        {
            history.ClaimId, Seq = i, d.DocumentId, d.FileName, Sha256 = d.Sha256.ToLowerInvariant(),
            InvoiceNumber = ClaimHistory.NormalizeInvoice(d.InvoiceNumber) is { Length: > 0 } n ? n : null,
        });
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO claim_history_documents (claim_id, seq, document_id, file_name, sha256, invoice_number)
            VALUES (@ClaimId, @Seq, @DocumentId, @FileName, @Sha256, @InvoiceNumber)
            ON CONFLICT (claim_id, seq) DO NOTHING
            """, rows, tx, cancellationToken: ct)).ConfigureAwait(false);
    }

    /// <summary>An adjuster's decision replaces what the history counts as paid: only approve and partial pay.</summary>
    private async Task UpdateHistoryAsync(DbConnection connection, DbTransaction tx, string claimId, AdjusterDecision decision, CancellationToken ct)
    {
        if (decision.Decision is not { } outcome) return;
        var paying = outcome is Decision.Approve or Decision.Partial;
        await connection.ExecuteAsync(new CommandDefinition(
            paying
                ? "UPDATE claim_history SET decision = @Decision, paid_amount = @Paid WHERE claim_id = @claimId"
                : "UPDATE claim_history SET decision = @Decision, paid_amount = @Paid, deductible_applied = @Paid WHERE claim_id = @claimId",
            new { claimId, Decision = ToDb(outcome), Paid = ToDb(paying ? decision.PayableAmount ?? 0m : 0m) }, tx, cancellationToken: ct)).ConfigureAwait(false);
    }

    private async Task<string?> InsuredKeyAsync(DbConnection connection, DbTransaction? tx, string idNumber, CancellationToken ct)
    {
        var normalized = ResidentId.Normalize(idNumber);
        if (normalized.Length == 0) return null;
        if (_salt is null)
        {
            var hex = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
                "SELECT value FROM store_settings WHERE name = @SaltSetting", new { SaltSetting }, tx, cancellationToken: ct)).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The claim store has no salt for insured keys: run InitializeAsync on it first.");
            _salt = Convert.FromHexString(hex);
        }
        return Convert.ToHexStringLower(HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(normalized)));
    }

    private static string ToDb(Decision decision) => decision.ToString().ToLowerInvariant();

    private static decimal DecimalFromDb(object value) => value switch
    {
        decimal d => d,
        string s => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture),
        _ => throw new InvalidDataException($"Unexpected amount type {value.GetType().Name} in the claim store."),
    };

    private static DateOnly DateFromDb(object value) => value switch
    {
        DateOnly d => d,
        DateTime d => DateOnly.FromDateTime(d),
        string s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => throw new InvalidDataException($"Unexpected date type {value.GetType().Name} in the claim store."),
    };

    // Settable classes, as ClaimRow: the amount and date columns arrive as text from SQLite, typed from PostgreSQL.
    private sealed class HistoryRow
    {
        public string ClaimId { get; set; } = "";
        public string? InsuredKey { get; set; }
        public string PolicyId { get; set; } = "";
        public object? ServiceDate { get; set; }
        public object? BilledAmount { get; set; }
        public object PaidAmount { get; set; } = "0";
        public object DeductibleApplied { get; set; } = "0";
    }

    private sealed class PersonRow
    {
        public string? InsuredKey { get; set; }
        public string PolicyId { get; set; } = "";
        public object? PolicyYear { get; set; }
    }

    private sealed record HistoryDocumentRow(string ClaimId, string DocumentId, string FileName, string Sha256, string? InvoiceNumber);
}
