using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text.Json;
using ClaimVision.Domain.Assessment;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Policies;
using ClaimVision.Intelligence;
using ClaimVision.Pipeline.Assessment;
using ClaimVision.Pipeline.Storage;

namespace ClaimVision.Pipeline.Processing;

/// <summary>A claim directory that cannot be processed at all (no or unreadable claim.json, unknown policy).</summary>
public sealed class ClaimDirectoryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One processed claim: what was submitted, what analysis made of each document, and the recommendation.</summary>
public sealed record ClaimOutcome(string Directory, ClaimRequest Claim, IReadOnlyList<AnalyzedDocument> Documents, Recommendation Recommendation)
{
    /// <summary>The claim store already held this claim's recommendation (an earlier run): it is shown, nothing was recorded.</summary>
    public bool RecordedEarlier { get; init; }
}

/// <summary>
/// Processes claim directories in one process: reads <c>claim.json</c>, analyses every document image with the
/// injected analyzer, and assesses the claim. A document that cannot be read or analysed becomes a failed document
/// (the assessment names it); it never stops the claim. Claims processed earlier in the same run are history for
/// later ones, so a resubmitted invoice is caught; with a claim store (<see cref="ProcessAsync"/>), so are claims of
/// earlier runs.
/// </summary>
public sealed class ClaimProcessor(IDocumentAnalyzer analyzer, PolicyCatalog policies, InsuredRegistry registry, TimeProvider time)
{
    public const string ClaimFile = "claim.json";

    /// <summary>Image and document formats picked up when claim.json lists no documents.</summary>
    public static readonly IReadOnlySet<string> DocumentExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp", ".gif", ".pdf",
    };

    public ClaimOutcome Process(string directory, ClaimHistory history, CancellationToken cancellationToken = default)
    {
        var (claim, policy, documents) = Prepare(directory, cancellationToken);
        var recommendation = ClaimAssessor.Assess(claim, documents, policy, registry, history, time.GetUtcNow(), analyzer.ModelVersions);
        return new ClaimOutcome(directory, claim, documents, recommendation);
    }

    /// <summary>
    /// Processes one claim against the history in a claim store, and records it there (claim, document outcomes,
    /// recommendation and history) for later claims, later runs and <c>serve</c> over the same store. A claim the store
    /// already recommended keeps its first recommendation: the outcome then carries that one, marked
    /// <see cref="ClaimOutcome.RecordedEarlier"/>.
    /// </summary>
    public async Task<ClaimOutcome> ProcessAsync(string directory, IClaimStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var (claim, _, documents) = Prepare(directory, cancellationToken);
        if (documents.Count == 0)
            throw new ClaimDirectoryException($"Claim '{claim.ClaimId}' in '{directory}' has no document images, so there is nothing to record in the claim store.");
        var record = new ClaimRecord
        {
            ClaimId = claim.ClaimId,
            Request = claim,
            SubmittedAt = time.GetUtcNow(),
            // Document ids are unique across the store, file names only within a claim.
            Documents = [.. documents.Select(d => new DocumentRecord { DocumentId = $"{claim.ClaimId}/{d.FileName}", ClaimId = claim.ClaimId, FileName = d.FileName, BlobKey = "", Sha256 = d.Sha256 })],
        };
        await store.CreateClaimAsync(record, cancellationToken).ConfigureAwait(false);
        var stored = await store.GetClaimAsync(claim.ClaimId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Claim '{claim.ClaimId}' was created in the claim store but cannot be read back.");
        if (stored.Recommendation is { } earlier) return new ClaimOutcome(directory, claim, documents, earlier) { RecordedEarlier = true };
        if (!stored.Documents.Select(d => d.DocumentId).SequenceEqual(record.Documents.Select(d => d.DocumentId)))
            throw new ClaimDirectoryException(
                $"Claim '{claim.ClaimId}' in '{directory}' is in the claim store with other documents ({string.Join(", ", stored.Documents.Select(d => d.FileName))}) " +
                $"than the directory has now ({string.Join(", ", documents.Select(d => d.FileName))}); give the changed claim a new claimId.");
        foreach (var (document, analysed) in record.Documents.Zip(documents))
            await store.RecordOutcomeAsync(document.DocumentId, analysed.Failed ? DocumentStatus.Rejected : DocumentStatus.Analyzed, null,
                analysed.Error?.Code, analysed.Error?.Message, cancellationToken).ConfigureAwait(false);
        var assessment = new PolicyClaimAssessment(policies, registry, store, analyzer.ModelVersions, time);
        var recorded = await AssessmentRecorder.AssessAndSaveAsync(assessment, store, record, documents, cancellationToken).ConfigureAwait(false);
        if (recorded.Outcome == SaveOutcome.Saved) return new ClaimOutcome(directory, claim, documents, recorded.Recommendation);
        // Another process recommended the claim meanwhile: its recommendation is the one kept.
        var kept = (await store.GetClaimAsync(claim.ClaimId, cancellationToken).ConfigureAwait(false))!.Recommendation!;
        return new ClaimOutcome(directory, claim, documents, kept) { RecordedEarlier = true };
    }

    /// <summary>Processes directories in order; each claim sees the earlier ones as history.</summary>
    public IEnumerable<(string Directory, ClaimOutcome? Outcome, string? Error)> ProcessAll(IEnumerable<string> directories, ClaimHistory history, CancellationToken cancellationToken = default)
    {
        foreach (var directory in directories)
        {
            ClaimOutcome? outcome = null;
            string? error = null;
            try
            {
                outcome = Process(directory, history, cancellationToken);
            }
            catch (ClaimDirectoryException e)
            {
                error = e.Message;
            }
            if (outcome is null)
            {
                yield return (directory, null, error);
                continue;
            }
            history = history.With(ClaimAssessor.ToPriorClaim(outcome.Claim, outcome.Documents, outcome.Recommendation));
            yield return (directory, outcome, null);
        }
    }

    /// <summary>Processes directories in order against a claim store (<see cref="ProcessAsync"/>); each claim sees every claim recorded before it.</summary>
    public async IAsyncEnumerable<(string Directory, ClaimOutcome? Outcome, string? Error)> ProcessAllAsync(IEnumerable<string> directories, IClaimStore store,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var directory in directories)
        {
            ClaimOutcome? outcome = null;
            string? error = null;
            try
            {
                outcome = await ProcessAsync(directory, store, cancellationToken).ConfigureAwait(false);
            }
            catch (ClaimDirectoryException e)
            {
                error = e.Message;
            }
            yield return (directory, outcome, error);
        }
    }

    /// <summary>Reads claim.json, finds its policy and analyses every document side by side (the analyzer is thread-safe, bounded by its engine pool); order is kept.</summary>
    private (ClaimRequest Claim, Policy Policy, List<AnalyzedDocument> Documents) Prepare(string directory, CancellationToken cancellationToken)
    {
        var claim = ReadClaim(directory);
        Policy policy;
        try
        {
            policy = policies.Get(claim.PolicyId);
        }
        catch (PolicyException e)
        {
            throw new ClaimDirectoryException($"Claim '{claim.ClaimId}' in '{directory}': {e.Message}", e);
        }
        var files = DocumentFiles(directory, claim).ToArray();
        var analysed = new AnalyzedDocument[files.Length];
        Parallel.For(0, files.Length, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => analysed[i] = Analyze(directory, files[i], cancellationToken));
        return (claim, policy, analysed.ToList());
    }

    public static ClaimRequest ReadClaim(string directory)
    {
        var path = Path.Combine(directory, ClaimFile);
        if (!File.Exists(path)) throw new ClaimDirectoryException($"'{directory}' is not a claim directory: it has no {ClaimFile}.");
        try
        {
            return JsonSerializer.Deserialize<ClaimRequest>(File.ReadAllText(path), ClaimJson.Strict)
                   ?? throw new ClaimDirectoryException($"'{path}' holds null, not a claim.");
        }
        catch (JsonException e)
        {
            throw new ClaimDirectoryException($"'{path}' is not a valid claim at {e.Path ?? "$"}: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new ClaimDirectoryException($"'{path}' cannot be read: {e.Message}", e);
        }
    }

    private static IEnumerable<string> DocumentFiles(string directory, ClaimRequest claim) =>
        claim.Documents is { Count: > 0 } listed
            ? listed
            : Directory.EnumerateFiles(directory).Select(Path.GetFileName).OfType<string>()
                .Where(f => DocumentExtensions.Contains(Path.GetExtension(f))).Order(StringComparer.Ordinal);

    private AnalyzedDocument Analyze(string directory, string file, CancellationToken cancellationToken)
    {
        var id = new DocumentId(file);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(Path.Combine(directory, file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(id, file, "", "unreadable-file", $"the file cannot be read: {e.Message}");
        }
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        DocumentReport report;
        try
        {
            report = analyzer.Analyze(file, bytes, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The analyzer promises not to throw for bad input; if it does anyway, this document fails, not the claim.
            return Failed(id, file, sha, "analysis-failed", $"{e.GetType().Name}: {e.Message}");
        }
        var document = report.ToAnalyzedDocument(id);
        return string.IsNullOrEmpty(document.Sha256) ? document with { Sha256 = sha } : document;
    }

    private static AnalyzedDocument Failed(DocumentId id, string file, string sha, string code, string message) => new()
    {
        DocumentId = id,
        FileName = file,
        Sha256 = sha,
        Error = new DocumentError(code, message),
    };
}
