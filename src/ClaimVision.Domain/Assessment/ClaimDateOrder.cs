using System.Globalization;
using ClaimVision.Domain.Documents;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Settles, across a claim, the dates a document alone could not: 03/12/2022 on a diagnosis certificate is 3 December
/// or 12 March, and the certificate may say nothing that decides it, while the same stay's invoice (amounts in US
/// dollars) or ID card (a birth date 02/16/1955) proves its page month first. The documents of one claim come from one
/// stay and one country, so when every document that proved an order proved the same one, the all-numeric dates of the
/// documents read in the default order are read again in that order, and each such field says so in a
/// <see cref="CheckName"/> check. Proofs that disagree settle nothing; documents that proved their own order keep it.
/// </summary>
public static class ClaimDateOrder
{
    /// <summary>The check a date field read again in the claim's order carries.</summary>
    public const string CheckName = "dateOrder";

    public static IReadOnlyList<AnalyzedDocument> Reconcile(IReadOnlyList<AnalyzedDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        var proofs = documents.Where(d => !d.Failed && d.DateOrder is { Proven: true }).ToList();
        if (proofs.Count == 0 || proofs.Select(d => d.DateOrder!.Order).Distinct().Count() != 1) return documents;
        var order = proofs[0].DateOrder!.Order;
        var witness = proofs[0];
        var proof = $"{witness.FileName} in the same claim is {DocumentDateOrder.Describe(order)} ({witness.DateOrder!.Proof})";
        return [.. documents.Select(d => d.DateOrder is { Proven: false } own && own.Order != order ? Reread(d, order, proof) : d)];
    }

    private static AnalyzedDocument Reread(AnalyzedDocument document, DateOrder order, string proof)
    {
        var fields = document.Fields.ToDictionary(kv => kv.Key, kv => Swapped(kv.Value, order, proof) ?? kv.Value, StringComparer.Ordinal);
        return document with { Fields = fields, DateOrder = new DocumentDateOrder(order, proof) };
    }

    /// <summary>The field with day and month exchanged, when its value is one all-numeric date that both orders can read
    /// and its normalised form is that date read the other way; otherwise null.</summary>
    private static ExtractedField? Swapped(ExtractedField field, DateOrder order, string proof)
    {
        if (field.Normalized is not { } iso || !DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var read)) return null;
        var printed = NumericDate.Pattern().Matches(field.Value);
        if (printed.Count != 1) return null;
        var a = int.Parse(printed[0].Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(printed[0].Groups["b"].Value, CultureInfo.InvariantCulture);
        if (a > 12 || b > 12 || a == b) return null;
        var (month, day) = order == DateOrder.MonthFirst ? (a, b) : (b, a);
        // Only a date read the other way round (month = day of this order, day = month) is read again.
        if (read.Month != day || read.Day != month) return null;
        var again = new DateOnly(read.Year, month, day);
        return field with
        {
            Normalized = again.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Checks = [.. field.Checks, new FieldCheck(CheckName, true, $"{field.Value} read {DocumentDateOrder.Describe(order)}: {proof}")],
        };
    }
}
