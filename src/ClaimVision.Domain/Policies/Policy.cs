using System.Text.Json.Serialization;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Json;

namespace ClaimVision.Domain.Policies;

/// <summary>
/// An insurance policy as configuration: who is insurable, which expenses count, how the payable amount is
/// computed and when the system may decide on its own. Loaded from a versioned JSON file by <see cref="PolicyLoader"/>;
/// the file format is documented in docs/policies.md.
/// </summary>
public sealed record Policy
{
    public required string Id { get; init; }
    /// <summary>Recorded in every recommendation, so a decision can be traced to the exact rules applied.</summary>
    public required string Version { get; init; }
    public required string Name { get; init; }
    /// <summary>ISO 4217 code (CNY, USD).</summary>
    public required string Currency { get; init; }
    public required Insurability Insurable { get; init; }
    public required PolicyPeriod Period { get; init; }
    public required ExpenseBasis ExpenseBasis { get; init; }
    public required DeductibleRule Deductible { get; init; }
    public required ReimbursementRatio Ratio { get; init; }
    public required Caps Caps { get; init; }
    public required IReadOnlyList<RequiredDocument> RequiredDocuments { get; init; }
    public IReadOnlyList<Exclusion> Exclusions { get; init; } = [];
    public required QualityThresholds Quality { get; init; }
    public required DecisionThresholds Decision { get; init; }
}

/// <summary>Who may be insured.</summary>
public sealed record Insurability
{
    /// <summary>Inclusive age range, in full years on the day of admission (or service).</summary>
    public required int MinAge { get; init; }
    public required int MaxAge { get; init; }
    /// <summary>The insured must belong to a registered household (建档立卡贫困户, say) in the registry.</summary>
    public required bool RequireRegisteredHousehold { get; init; }
    /// <summary>Covered areas as GB/T 2260 codes: a province (520000), a city (522600) or a county (522631). Empty: no regional restriction.</summary>
    public required IReadOnlyList<CoveredRegion> Regions { get; init; }
}

public sealed record CoveredRegion
{
    public required string Code { get; init; }
    public required string Name { get; init; }
}

/// <summary>Inclusive dates on which treatment must start to be covered.</summary>
public sealed record PolicyPeriod
{
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public bool Contains(DateOnly day) => day >= From && day <= To;
}

/// <summary>Which part of the bill the policy pays towards.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<ExpenseBasis>))]
public enum ExpenseBasis
{
    /// <summary>The whole bill.</summary>
    Total,
    /// <summary>What basic medical insurance and critical-illness insurance left to pay: total − covered − critical-illness.</summary>
    ResidualAfterBasicAndCritical,
    /// <summary>Only costs outside the basic-insurance catalogue (自费, class 丙).</summary>
    OutOfCatalogueOnly,
}

[JsonConverter(typeof(KebabCaseEnumConverter<DeductiblePer>))]
public enum DeductiblePer { Claim, Year }

public sealed record DeductibleRule
{
    public required decimal Amount { get; init; }
    /// <summary>"claim": applies to every claim; "year": consumed once per calendar year across the insured's claims.</summary>
    public required DeductiblePer Per { get; init; }
}

/// <summary>The share of eligible expenses (after the deductible) that is paid, optionally by hospital level.</summary>
public sealed record ReimbursementRatio
{
    /// <summary>Used when the provider's level is unknown or not listed; 0–1.</summary>
    public required decimal Default { get; init; }
    /// <summary>Keyed by the providerLevel field's normalised value ("township", "county", "city", "in-network" …).</summary>
    public IReadOnlyDictionary<string, decimal> ByHospitalLevel { get; init; } = new Dictionary<string, decimal>();

    public decimal For(string? level) =>
        level is not null && ByHospitalLevel.TryGetValue(level, out var r) ? r : Default;
}

public sealed record Caps
{
    public decimal? PerClaim { get; init; }
    /// <summary>Total paid per insured person per calendar year, across claims.</summary>
    public decimal? PerYear { get; init; }
}

/// <summary>One required document: any one of the listed types satisfies it.</summary>
public sealed record RequiredDocument
{
    public required string Name { get; init; }
    public required IReadOnlyList<DocumentType> AnyOf { get; init; }
}

/// <summary>A clause that excludes a claim: by ICD-10 code prefix of the diagnosis, or by keywords in the diagnosis
/// text or the claimant's description.</summary>
public sealed record Exclusion
{
    public required string Clause { get; init; }
    /// <summary>What the clause excludes, in words ("self-inflicted injury").</summary>
    public required string Cause { get; init; }
    public IReadOnlyList<string> Icd10Prefixes { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];
}

/// <summary>How sure the reading of a decision-relevant field must be before a decision may rest on it.</summary>
public sealed record QualityThresholds
{
    /// <summary>0–1; a decision-relevant field read with less confidence sends the claim to review.</summary>
    public required double MinFieldConfidence { get; init; }
    /// <summary>Stricter or looser thresholds per field name.</summary>
    public IReadOnlyDictionary<string, double> FieldOverrides { get; init; } = new Dictionary<string, double>();
    /// <summary>Minimum classifier probability for a document to count as the type it was classified as.</summary>
    public required double MinClassificationConfidence { get; init; }

    public double ThresholdFor(string field) => FieldOverrides.TryGetValue(field, out var t) ? t : MinFieldConfidence;
}

/// <summary>Thresholds that turn the assessment into a decision.</summary>
public sealed record DecisionThresholds
{
    /// <summary>Amounts on different documents that differ by more than this contradict each other.</summary>
    public required decimal AmountTolerance { get; init; }
    /// <summary>Below this overall confidence the system does not decide on its own: review.</summary>
    public required double MinConfidence { get; init; }
}
