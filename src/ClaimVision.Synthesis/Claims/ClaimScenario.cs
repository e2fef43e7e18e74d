using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Synthesis.Claims;

/// <summary>The insured person of a scenario, exactly as the insured registry (samples/registry/insured.csv) lists them.</summary>
public sealed record ScenarioPerson(string Name, string IdNumber, DateOnly BirthDate, bool Male, string? HouseholdId, Region? Region);

/// <summary>What is deliberately wrong with a scenario's images.</summary>
public enum ScenarioFault
{
    None,
    /// <summary>The settlement sheet's total is blotted out with ink, and so is the patient's payment, from which with the
    /// fund's payment the total could be rebuilt (TotalRepair): a key field nobody can read or work out from that sheet.</summary>
    IllegibleSettlementTotal,
    /// <summary>The settlement sheet prints a total 200.00 above the invoice's.</summary>
    ContradictingSettlementTotal,
    /// <summary>The discharge summary file is cut off after its first bytes (a failed upload).</summary>
    TruncatedDischargeSummary,
}

/// <summary>One billed item, as the expense list prints it: 甲 (covered), 乙 (covered after a self-paid share) or 丙 (outside the catalogue).</summary>
public sealed record ScenarioItem(string Description, string FeeClass, decimal Quantity, decimal UnitPrice, string Category = "甲", decimal SelfPayRatio = 0, string? Code = null)
{
    public decimal Amount => Quantity * UnitPrice;
}

/// <summary>The outcome a scenario must get, with the arithmetic by hand from the policy file.</summary>
public sealed record ScenarioExpectation(Decision Decision, decimal PayableAmount, string Reason);

/// <summary>
/// One sample claim, stated explicitly: who, where, when, what was billed, how basic insurance settled it, which
/// documents are photographed, what is wrong with them, and the expected outcome. <see cref="StatedTotal"/> and
/// <see cref="StatedBasicPaid"/> repeat the hand arithmetic that <see cref="Expected"/> rests on; the writer refuses a
/// scenario whose items and settlement do not produce them, so the expectation always matches the documents.
/// </summary>
public sealed record ClaimScenario
{
    /// <summary>Directory name, also the claim id's suffix. Claims are processed in name order; later ones see earlier ones as history.</summary>
    public required string Id { get; init; }
    public required string PolicyId { get; init; }
    /// <summary><c>zh</c> or <c>en</c>.</summary>
    public required string Language { get; init; }
    public required ScenarioPerson Person { get; init; }
    public required string SubmittedBy { get; init; }
    public required string HospitalName { get; init; }
    /// <summary>As printed (二级甲等, in-network …): it chooses the policy's reimbursement ratio.</summary>
    public required string HospitalLevel { get; init; }
    public required string HospitalAddress { get; init; }
    public required DateOnly Admission { get; init; }
    public required int Days { get; init; }
    public required string Diagnosis { get; init; }
    public required string DiagnosisCode { get; init; }
    public required string InvoiceNumber { get; init; }
    public required IReadOnlyList<ScenarioItem> Items { get; init; }
    /// <summary>Basic medical insurance's own deductible and rate on the covered part (0 and 0 where there is none).</summary>
    public decimal BasicDeductible { get; init; }
    public decimal BasicRate { get; init; }
    public required decimal StatedTotal { get; init; }
    public required decimal StatedBasicPaid { get; init; }
    public required IReadOnlyList<DocumentType> Documents { get; init; }
    public ScenarioFault Fault { get; init; }
    public required ScenarioExpectation Expected { get; init; }
}
