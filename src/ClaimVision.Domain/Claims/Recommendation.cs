using System.Text.Json.Serialization;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Domain.Claims;

[JsonConverter(typeof(JsonStringEnumConverter<Decision>))]
public enum Decision { Approve, Partial, Reject, Review }

[JsonConverter(typeof(JsonStringEnumConverter<FactorStatus>))]
public enum FactorStatus { Pass, Fail, Uncertain }

/// <summary>Where a factor's conclusion comes from: a field on a document, and the box it was read from.</summary>
public sealed record Evidence
{
    public string? DocumentId { get; init; }
    public string? FileName { get; init; }
    public string? Field { get; init; }
    public string? Value { get; init; }
    public BoundingBox? Box { get; init; }
    public int Page { get; init; }
    /// <summary>Evidence that is not a document field: a registry row, a policy clause, an earlier claim.</summary>
    public string? Source { get; init; }
}

/// <summary>One reason that bears on the decision.</summary>
public sealed record Factor
{
    public required string Name { get; init; }
    public required FactorStatus Status { get; init; }
    /// <summary>What the factor does to the decision: "reject", "review", "reduce", "none" …</summary>
    public required string Effect { get; init; }
    public double Weight { get; init; }
    public required string Reason { get; init; }
    public IReadOnlyList<Evidence> Evidence { get; init; } = [];
}

/// <summary>One step of the payable computation, with the policy clause that justifies it.</summary>
public sealed record ComputationStep
{
    public required string Step { get; init; }
    public required string Clause { get; init; }
    public required decimal Amount { get; init; }
    public string? Detail { get; init; }
}

/// <summary>The structured recommendation handed to adjusters.</summary>
public sealed record Recommendation
{
    public required string ClaimId { get; init; }
    public required Decision Decision { get; init; }
    public required decimal PayableAmount { get; init; }
    public required string Currency { get; init; }
    public required double Confidence { get; init; }
    public IReadOnlyList<Factor> Factors { get; init; } = [];
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public IReadOnlyList<ComputationStep> Computation { get; init; } = [];
    public required string PolicyVersion { get; init; }
    public IReadOnlyDictionary<string, string> ModelVersions { get; init; } = new Dictionary<string, string>();
    public DateTimeOffset CreatedAt { get; init; }
}
