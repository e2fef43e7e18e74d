using System.Text.Json;
using ClaimVision.Domain.Claims;

namespace ClaimVision.Pipeline.Processing;

/// <summary>
/// The <c>expected.json</c> of a sample claim: the decision and payable amount it must get. Lets
/// <c>claimvision process</c> and the tests check the whole chain on the shipped samples.
/// </summary>
public sealed record ExpectedOutcome
{
    public const string FileName = "expected.json";

    public required Decision Decision { get; init; }
    public required decimal PayableAmount { get; init; }
    /// <summary>Why the sample exists ("partial: per-claim cap"), for people reading the samples.</summary>
    public string? Note { get; init; }
    /// <summary>How the expected payable follows from the policy, worked by hand (the generated samples state it).</summary>
    public string? Reason { get; init; }

    /// <summary>The expected outcome beside claim.json, or null when the claim has none.</summary>
    public static ExpectedOutcome? TryLoad(string claimDirectory)
    {
        var path = Path.Combine(claimDirectory, FileName);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<ExpectedOutcome>(File.ReadAllText(path), ClaimJson.Strict)
                   ?? throw new ClaimDirectoryException($"'{path}' holds null, not an expected outcome.");
        }
        catch (JsonException e)
        {
            throw new ClaimDirectoryException($"'{path}' is not a valid expected outcome at {e.Path ?? "$"}: {e.Message}", e);
        }
    }

    /// <summary>Null when the recommendation matches; otherwise what differs.</summary>
    public string? Mismatch(Recommendation recommendation)
    {
        var problems = new List<string>();
        if (recommendation.Decision != Decision) problems.Add($"decision {Label(recommendation.Decision)}, expected {Label(Decision)}");
        if (recommendation.PayableAmount != PayableAmount)
            problems.Add(FormattableString.Invariant($"payable {recommendation.PayableAmount:0.00}, expected {PayableAmount:0.00}"));
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static string Label(Decision d) => d.ToString().ToLowerInvariant();
}
