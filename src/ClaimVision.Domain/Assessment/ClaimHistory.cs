namespace ClaimVision.Domain.Assessment;

/// <summary>One document of an earlier claim: which invoice number (normalised) and image it carried.</summary>
public sealed record PriorDocument(string DocumentId, string FileName, string Sha256, string? InvoiceNumber);

/// <summary>What is remembered of an earlier claim: enough to catch a duplicate and to track per-year caps and deductibles.</summary>
public sealed record PriorClaim
{
    public required string ClaimId { get; init; }
    public required string PolicyId { get; init; }
    public required string InsuredIdNumber { get; init; }
    public DateOnly? ServiceDate { get; init; }
    public IReadOnlyList<string> InvoiceNumbers { get; init; } = [];
    public IReadOnlyList<string> ImageSha256s { get; init; } = [];
    /// <summary>The documents behind <see cref="InvoiceNumbers"/> and <see cref="ImageSha256s"/>, when known; names them in evidence.</summary>
    public IReadOnlyList<PriorDocument> Documents { get; init; } = [];
    /// <summary>What its bills came to (the sum of their totals), or null when not all were read or not recorded.</summary>
    public decimal? BilledAmount { get; init; }
    /// <summary>Amount paid (0 for rejected or still-in-review claims).</summary>
    public decimal PaidAmount { get; init; }
    public decimal DeductibleApplied { get; init; }

    /// <summary>The document of this claim that carried the invoice number, or null when not recorded.</summary>
    public PriorDocument? DocumentWithInvoice(string invoiceNumber)
    {
        var key = ClaimHistory.NormalizeInvoice(invoiceNumber);
        return key.Length == 0 ? null : Documents.FirstOrDefault(d => ClaimHistory.NormalizeInvoice(d.InvoiceNumber) == key);
    }

    /// <summary>The document of this claim with that image, or null when not recorded.</summary>
    public PriorDocument? DocumentWithImage(string sha256) =>
        string.IsNullOrEmpty(sha256) ? null : Documents.FirstOrDefault(d => string.Equals(d.Sha256, sha256, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// What to search earlier claims for when assessing one claim: its invoice numbers (normalised) and image hashes for
/// duplicates, and the insured person, policy and calendar year of service for per-year caps and deductibles.
/// </summary>
/// <param name="InsuredIdNumber">Normalised ID number; empty when the claim names none (then no per-year history applies).</param>
public sealed record HistoryLookup(string ClaimId, string InsuredIdNumber, string PolicyId, int Year, IReadOnlyList<string> InvoiceNumbers, IReadOnlyList<string> ImageSha256s);

/// <summary>Earlier claims, searched for duplicates and summed for per-year limits. Immutable; <see cref="With"/> adds one.</summary>
public sealed class ClaimHistory(IEnumerable<PriorClaim> claims)
{
    public static ClaimHistory Empty { get; } = new([]);

    public IReadOnlyList<PriorClaim> Claims { get; } = [.. claims];

    public ClaimHistory With(PriorClaim claim) => new([.. Claims, claim]);

    /// <summary>The earlier claim that already carried this invoice number (compared without spaces, case-insensitive).</summary>
    public PriorClaim? FindInvoice(string invoiceNumber, string exceptClaimId)
    {
        var key = NormalizeInvoice(invoiceNumber);
        return key.Length == 0 ? null : Claims.FirstOrDefault(c => c.ClaimId != exceptClaimId && c.InvoiceNumbers.Any(n => NormalizeInvoice(n) == key));
    }

    /// <summary>Earlier paid claims of the same person under the same policy whose service (admission, or a bill's date) was
    /// on <paramref name="serviceDate"/>: the same stay or visit claimed again, perhaps with its invoice number misread. Only
    /// paid claims count: an unpaid one pays nothing twice, and a claim store returns a person's claims only when they paid.</summary>
    public IEnumerable<PriorClaim> SameService(string idNumber, string policyId, DateOnly serviceDate, string exceptClaimId) =>
        InYear(idNumber, policyId, serviceDate.Year, exceptClaimId).Where(c => c.ServiceDate == serviceDate && c.PaidAmount > 0);

    /// <summary>
    /// Two invoice numbers that are one number read twice, one of the readings damaged: equal once normalised, one the
    /// start or end of the other with at least <see cref="MinResemblingLength"/> characters (a reading cut short), or of one
    /// length of at least <see cref="MinResemblingLength"/> + 2 with one character different that is not a digit in both (a
    /// misread glyph: one digit for another is as likely the next bill). Evidence of a duplicate only with the same person,
    /// service date and amount: alone, a shared prefix is often the hospital's series.
    /// </summary>
    public static bool InvoicesResemble(string? a, string? b)
    {
        var x = NormalizeInvoice(a);
        var y = NormalizeInvoice(b);
        if (x.Length == 0 || y.Length == 0) return false;
        if (x == y) return true;
        var (shorter, longer) = x.Length <= y.Length ? (x, y) : (y, x);
        if (shorter.Length >= MinResemblingLength && (longer.StartsWith(shorter, StringComparison.Ordinal) || longer.EndsWith(shorter, StringComparison.Ordinal)))
            return true;
        // One digit for another is as likely the next bill of the series as a misread; a glyph that is no digit is a misread.
        return x.Length == y.Length && x.Length >= MinResemblingLength + 2
            && x.Zip(y).Where(p => p.First != p.Second).ToList() is [var (c, d)] && !(char.IsAsciiDigit(c) && char.IsAsciiDigit(d));
    }

    /// <summary>The fewest characters a partial reading of an invoice number must keep to count as that number.</summary>
    public const int MinResemblingLength = 6;

    public PriorClaim? FindImage(string sha256, string exceptClaimId) =>
        string.IsNullOrEmpty(sha256) ? null
            : Claims.FirstOrDefault(c => c.ClaimId != exceptClaimId && c.ImageSha256s.Contains(sha256, StringComparer.OrdinalIgnoreCase));

    /// <summary>Claims of this person under this policy whose service date falls in <paramref name="year"/>.</summary>
    public IEnumerable<PriorClaim> InYear(string idNumber, string policyId, int year, string exceptClaimId) =>
        Claims.Where(c => c.ClaimId != exceptClaimId && c.PolicyId == policyId && c.ServiceDate?.Year == year &&
                          !string.IsNullOrEmpty(idNumber) && string.Equals(c.InsuredIdNumber, idNumber, StringComparison.OrdinalIgnoreCase));

    public static string NormalizeInvoice(string? number) =>
        string.IsNullOrWhiteSpace(number) ? "" : new string([.. number.Where(c => !char.IsWhiteSpace(c) && c != '-').Select(char.ToUpperInvariant)]);
}
