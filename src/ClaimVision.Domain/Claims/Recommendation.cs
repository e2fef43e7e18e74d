using System.Text.Json.Serialization;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Json;

namespace ClaimVision.Domain.Claims;

[JsonConverter(typeof(KebabCaseEnumConverter<Decision>))]
public enum Decision { Approve, Partial, Reject, Review }

[JsonConverter(typeof(KebabCaseEnumConverter<FactorStatus>))]
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
    /// <summary>How sure the reading of the field was (0–1); null for evidence that is not read off a document.</summary>
    public double? Confidence { get; init; }
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
    /// <summary>Each piece of evidence alone decides the factor (an exclusion matched by the diagnosis code and again by
    /// its text): a failure stands while one of them is a sure reading, and becomes review only when all are unsure.</summary>
    public bool AnyEvidenceDecides { get; init; }
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
    /// <summary>Sum of the bills' totals, as printed.</summary>
    public decimal? BilledAmount { get; init; }
    /// <summary>The part of the bills the policy pays towards (its expense basis) — what the claim asks this policy for.</summary>
    public decimal? EligibleAmount { get; init; }
    /// <summary>For <c>review</c>: what would be payable if the uncertain items are confirmed as read. Never paid as is.</summary>
    public decimal? ProvisionalPayable { get; init; }
    /// <summary>Deductible consumed by this claim (matters for per-year deductibles).</summary>
    public decimal DeductibleApplied { get; init; }
    /// <summary>Admission (or service) date the eligibility and the policy year were judged on.</summary>
    public DateOnly? ServiceDate { get; init; }
    /// <summary>For <c>review</c>: each thing a person must look at, naming the document and field.</summary>
    public IReadOnlyList<ReviewItem> ReviewItems { get; init; } = [];
}

/// <summary>One thing an adjuster must check before the claim can be decided.</summary>
public sealed record ReviewItem
{
    public required string Factor { get; init; }
    public string? DocumentId { get; init; }
    public string? FileName { get; init; }
    public string? Field { get; init; }
    public required string Reason { get; init; }
}
