using System.Globalization;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Settles, across a claim, a total whose currency sign OCR read as a digit: chi_sim reads a ¥ joined to the first digit
/// as a 3 or an 8, so an expense list's ¥5,038.07 comes out <c>35,038.07</c>, a figure as clean as any, while the invoice
/// and the settlement sheet of the same stay read 5038.07. A total is witnessed when a trusted document reads it surely
/// (<see cref="WitnessConfidence"/>, no failed check) or two photographs read it alike (<see cref="ClaimReadings.Witnesses"/>).
/// A total printed without a currency sign that reads exactly one digit longer than one witnessed total, and ends in all
/// of it, is read as that total, trusted no more than <see cref="SettledConfidence"/>, with a <see cref="CheckName"/>
/// check naming the witnesses. The page's own check (<c>TotalRepair.SignAsDigit</c>) needs two sums on the page; an
/// expense list has only its items. A total printed with its sign, one that is no witnessed total with a digit before
/// it, and one that is itself a witnessed total (a claim of two bills whose totals happen to nest) stays as read, for the
/// amounts rule to weigh.
/// </summary>
public static class ClaimTotal
{
    /// <summary>The check a settled total carries.</summary>
    public const string CheckName = "claimTotal";

    /// <summary>The most a settled total is trusted: the other documents say which figure was meant, not that this page
    /// printed it.</summary>
    public const double SettledConfidence = 0.7;

    /// <summary>How surely one document must read a total, with no failed check, to be a witness alone.</summary>
    public const double WitnessConfidence = 0.85;

    /// <summary>The claim's documents, those whose total a witnessed total settles with it taken; the same list when nothing
    /// changes.</summary>
    /// <param name="minClassificationConfidence">How surely a witness must have been classified (the policy's
    /// <c>MinClassificationConfidence</c>).</param>
    public static IReadOnlyList<AnalyzedDocument> Reconcile(IReadOnlyList<AnalyzedDocument> documents, double minClassificationConfidence = 0)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var witnessed = ClaimReadings.Readings(documents, FieldNames.TotalAmount, minClassificationConfidence)
            .Select(r => (r.Document, r.Field, Total: Figure(r.Field)))
            .Where(r => r.Total is not null)
            .GroupBy(r => r.Total!, StringComparer.Ordinal)
            .Select(g => (Total: g.Key, Witnesses: ClaimReadings.Witnesses(g.Select(r => (r.Document, r.Field)), WitnessConfidence)))
            .Where(w => w.Witnesses.Count > 0)
            .ToList();
        return witnessed.Count == 0 ? documents : [.. documents.Select(d => Settle(d, witnessed))];
    }

    /// <summary>The total as its figure's digits and point (<c>35038.07</c>), or null when it is no positive amount.</summary>
    private static string? Figure(ExtractedField field) =>
        AssessmentContext.Amount(field) is { } amount && amount > 0 ? amount.ToString("0.00", CultureInfo.InvariantCulture) : null;

    private static AnalyzedDocument Settle(AnalyzedDocument document, List<(string Total, List<AnalyzedDocument> Witnesses)> witnessed)
    {
        if (document.Field(FieldNames.TotalAmount) is not { } field || field.Value.IndexOfAny(['¥', '￥', '$', 'Y']) >= 0
            || Figure(field) is not { } read) return document;
        // A figure another document witnesses as it stands is that document's total, not a misread of a smaller one.
        if (witnessed.Any(w => w.Total == read)) return document;
        // At most one witnessed total is the figure without its first digit.
        var (total, witnesses) = witnessed.FirstOrDefault(w => read.Length == w.Total.Length + 1 && read.EndsWith(w.Total, StringComparison.Ordinal));
        if (total is null) return document;
        return ClaimReadings.Take(document, field, total, SettledConfidence, CheckName,
            $"figure {field.Value} is the total {total} that {ClaimReadings.WitnessesRead(witnesses)} with one digit before it: " +
            "its currency sign read as a digit. Check it on the image.");
    }

    /// <summary>The total of a document when the claim settled it (it carries a <see cref="CheckName"/> check).</summary>
    public static ExtractedField? Settled(AnalyzedDocument document) => ClaimReadings.SettledField(document, FieldNames.TotalAmount, CheckName);
}
