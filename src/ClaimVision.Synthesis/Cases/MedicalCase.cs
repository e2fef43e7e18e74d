namespace ClaimVision.Synthesis.Cases;

/// <summary>The insured person. Chinese cases carry a resident ID; English ones a US-style member id in <see cref="IdNumber"/>.</summary>
public sealed record Patient(string Name, string IdNumber, bool Male, DateOnly BirthDate, string Address);

/// <summary>The treating hospital: name, grade (三级甲等 …), address in its county/district.</summary>
public sealed record Hospital(string Name, string Level, string Address, string Department, string Physician);

/// <summary>One billed item. <see cref="Category"/> is 甲 (fully covered), 乙 (covered after a self-paid share
/// <see cref="SelfPayRatio"/>) or 丙 (outside the catalogue); <see cref="FeeClass"/> groups items on invoices.</summary>
public sealed record CaseLineItem(string Description, string FeeClass, decimal Quantity, decimal UnitPrice, decimal Amount, string Category, decimal SelfPayRatio, string? Code)
{
    /// <summary>A medicine (western or Chinese patent medicine): what prescriptions and pharmacy receipts list.</summary>
    public bool IsMedicine => FeeClass is "西药费" or "中成药费" or "Pharmacy";
}

/// <summary>What the insurer and the patient paid, derived from the line items so every document agrees.</summary>
public sealed record Settlement(decimal Total, decimal Covered, decimal SelfPaid, decimal OutOfCatalogue, decimal Deductible, decimal ReimbursementRate, decimal InsurancePaid, decimal PersonalPaid);

/// <summary>
/// One coherent claim: the patient, the stay, the diagnosis, the bill and its settlement. Every document
/// rendered from the same case agrees with the others, except where <see cref="Edits"/> says otherwise.
/// </summary>
public sealed record MedicalCase
{
    public required string CaseId { get; init; }
    /// <summary><c>zh</c> (Chinese hospital, CNY, basic medical insurance) or <c>en</c> (US-style provider, USD).</summary>
    public required string Language { get; init; }
    public required Patient Patient { get; init; }
    public required Hospital Hospital { get; init; }
    public required DateOnly AdmissionDate { get; init; }
    public required DateOnly DischargeDate { get; init; }
    /// <summary>The date invoices and certificates are issued (the discharge date unless edited).</summary>
    public required DateOnly DocumentDate { get; init; }
    public required string Diagnosis { get; init; }
    public required string DiagnosisCode { get; init; }
    public required string MedicalRecordNumber { get; init; }
    public required string InvoiceNumber { get; init; }
    public required IReadOnlyList<CaseLineItem> LineItems { get; init; }
    public required Settlement Settlement { get; init; }
    public required string Currency { get; init; }
    public required string InsurerName { get; init; }
    public required string PolicyNumber { get; init; }
    public required string BankName { get; init; }
    public required string BankCardNumber { get; init; }
    public required DateOnly CardExpiry { get; init; }
    public required string LabTest { get; init; }
    /// <summary>Deliberate inconsistencies applied by <see cref="CaseEdits"/>; empty for a coherent claim.</summary>
    public IReadOnlyList<string> Edits { get; init; } = [];

    public int LengthOfStay => DischargeDate.DayNumber - AdmissionDate.DayNumber;
}
