namespace ClaimVision.Domain.Claims;

/// <summary>A strongly typed claim identifier.</summary>
public readonly record struct ClaimId(string Value)
{
    public override string ToString() => Value;
}

/// <summary>Where a person is registered: down to county, the unit that policies cover.</summary>
public sealed record Region
{
    public string? Province { get; init; }
    public string? City { get; init; }
    public string? County { get; init; }
    /// <summary>The 6-digit administrative division code (GB/T 2260) where known.</summary>
    public string? Code { get; init; }
}

/// <summary>The person the claim is for, as stated by the claimant (checked against the registry and the documents).</summary>
public sealed record InsuredPerson
{
    public required string Name { get; init; }
    public string? IdNumber { get; init; }
    public DateOnly? BirthDate { get; init; }
    public string? HouseholdId { get; init; }
    public Region? Region { get; init; }
}

/// <summary>
/// The claim as submitted: the <c>claim.json</c> of a sample claim directory and the <c>claim</c> part of
/// <c>POST /claims</c> are this record. Document files travel beside it.
/// </summary>
public sealed record ClaimRequest
{
    public required string ClaimId { get; init; }
    public required string PolicyId { get; init; }
    public required InsuredPerson Insured { get; init; }
    /// <summary>Who uploaded it (a village official uploading for the whole village, say).</summary>
    public string? SubmittedBy { get; init; }
    public DateTimeOffset? SubmittedAt { get; init; }
    /// <summary>What the claimant says the claim is for, free text.</summary>
    public string? Description { get; init; }
    /// <summary>Optional: the document files in order; when absent every image beside claim.json is a document.</summary>
    public IReadOnlyList<string>? Documents { get; init; }
}
