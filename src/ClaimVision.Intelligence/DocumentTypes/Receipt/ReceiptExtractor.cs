using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Extraction;
using ClaimVision.Intelligence.Normalization;

namespace ClaimVision.Intelligence.DocumentTypes.Receipt;

/// <summary>
/// Reads a retail or pharmacy receipt, where little is labelled: the seller is the top line that looks like a
/// business name (company-form words such as SDN BHD, ENTERPRISE, TRADING), the address the lines after it up to
/// the postcode line or the first phone/tax/document line, the date the first date (labelled DATE preferred), the
/// total the amount on a TOTAL / ROUNDED / AMOUNT DUE row.
/// </summary>
public sealed partial class ReceiptExtractor(DocumentType type) : ITypeExtractor
{
    public FieldSchema Schema { get; } = ReceiptSchema.For(type);

    [GeneratedRegex(@"\b(SDN\.?\s*BHD|BHD|S/B|SDN|ENTERPRISES?|TRADING|PLT|LTD|LIMITED|CO\.|COMPANY|RESTAURANTS?|RESTORAN|HARDWARE|STATIONERY|MART|MARKET|SUPERMARKET|STORES?|SHOP|KEDAI|CAFE|BAKERY|PHARMACY|FARMASI|HOLDINGS|INDUSTRIES|CORPORATION|MARKETING|SERVICES|MOTOR|AUTO|BOOKSTORE|GALLERY|HOTEL|CLINIC|KLINIK|HOSPITAL)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CompanyCue();

    [GeneratedRegex(@"\b(TEL|TELEPHONE|PHONE|FAX|H/P|HP|GST|SST|TAX|INVOICE|RECEIPT|CASH\s?BILL|BILL|DATE|CASHIER|DOC|EMAIL|E-MAIL|WWW|HTTP|COUNTER|TABLE|ORDER|MEMBER|SALES|REG)\b|@|\.COM", RegexOptions.IgnoreCase)]
    private static partial Regex StopCue();

    [GeneratedRegex(@"\(?\b\d{5,8}-[A-Z]\b\)?|\bCO\.?\s?(REG|NO)|\bROC\b|\bCOMPANY\s?(REG|NO)|^\(?[0-9A-Z]{6,12}-?[A-Z]?\)?$", RegexOptions.IgnoreCase)]
    private static partial Regex RegistrationCue();

    [GeneratedRegex(@"\b\d{5}\b")]
    private static partial Regex Postcode();

    [GeneratedRegex(@"\b(TAX INVOICE|INVOICE|RECEIPT|WELCOME|CASH BILL|OFFICIAL|COPY|THANK)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TitleWord();

    // Total rows by preference; rows with words from Excluded are never totals.
    private static readonly (Regex Pattern, double Strength)[] TotalCues =
    [
        (new Regex(@"ROUND(ED|ING)?\s*(D\s*)?TOTAL|TOTAL\s*ROUNDED|NETT?\s*TOTAL|GRAND\s*TOTAL|AMOUNT\s*DUE|TOTAL\s*AMOUNT|TOTAL\s*PAYABLE|TOTAL\s*\(?\s*INCL|TOTAL\s*SALES\s*\(?\s*INCL", RegexOptions.IgnoreCase | RegexOptions.Compiled), 1.0),
        (new Regex(@"\bTOTAL\b|\bJUMLAH\b", RegexOptions.IgnoreCase | RegexOptions.Compiled), 0.9),
    ];

    private static readonly Regex Excluded = new(@"SUB\s*-?\s*TOTAL|TOTAL\s*(QTY|QUANTITY|ITEM|GST|TAX|DISC|SAVING|EXCL|SALES\s*\(?\s*EXCL|NO\.? OF)|EXCLUDING|ROUNDING\s*ADJ|ADJUSTMENT|CHANGE|TENDER|\bCASH\b|GST\s*SUMMARY", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    public FieldExtraction Extract(DocumentView view, ExtractionContext context)
    {
        var fields = new Dictionary<string, ExtractedField>();
        var lines = view.Lines;
        var companyIndex = CompanyLine(lines);
        if (companyIndex is { } ci)
        {
            var (span, strength) = CompanyName(lines, ci);
            if (ValueReader.Read(FieldKind.Text, span.Text, context.DateOrder) is { } read)
                fields[FieldNames.ProviderName] = LabelledFields.FromSpan(FieldNames.ProviderName, span, read, strength);
            if (Address(lines, ci) is { } address && ValueReader.Read(FieldKind.Text, address.Text, context.DateOrder) is { } ar)
                fields[FieldNames.ProviderAddress] = LabelledFields.FromSpan(FieldNames.ProviderAddress, address, ar, 0.8);
        }
        if (Date(view, context) is { } date) fields[FieldNames.DocumentDate] = date;
        if (Total(view) is { } total) fields[FieldNames.TotalAmount] = total;
        var labelled = LabelledFields.Read(new FieldSchema(Schema.Type, [new(FieldNames.InvoiceNumber, FieldKind.Identifier)]), view, context);
        foreach (var (k, v) in labelled) fields[k] = v;
        if (LabelledTypeExtractor.CurrencyOf(view) is { } currency) fields[FieldNames.Currency] = currency;
        CommonChecks.Apply(fields, [], context);
        return new FieldExtraction(fields, []);
    }

    private static int? CompanyLine(IReadOnlyList<LineView> lines)
    {
        var top = lines.Take(Math.Min(lines.Count, 10)).ToList();
        var stop = top.FindIndex(l => StopCue().IsMatch(l.Text) || DateNormalizer.FindAll(l.Text).Count > 0);
        var window = stop < 0 ? top : top.Take(Math.Max(stop, 1)).ToList();
        var cue = window.FindIndex(l => CompanyCue().IsMatch(l.Text) && !TitleWord().IsMatch(l.Text));
        if (cue >= 0) return cue;
        var named = window.FindIndex(l => l.Text.Count(char.IsLetter) >= 3 && l.Text.Count(char.IsLetter) > l.Text.Length / 2 && !TitleWord().IsMatch(l.Text));
        return named >= 0 ? named : null;
    }

    /// <summary>The company line; a bare company-form line ("SDN BHD") is joined to the name line above it.</summary>
    private static (TextSpan Span, double Strength) CompanyName(IReadOnlyList<LineView> lines, int index)
    {
        var line = lines[index];
        var span = line.Whole();
        var letters = new string([.. line.Text.Where(char.IsLetter)]);
        if (index > 0 && letters.Length <= 8 && CompanyCue().IsMatch(line.Text))
        {
            var above = lines[index - 1].Whole();
            return (above with { Text = above.Text + " " + span.Text, Box = BoundingBox.Union(above.Box, span.Box) }, 0.8);
        }
        return (span, CompanyCue().IsMatch(line.Text) ? 0.95 : 0.7);
    }

    private static TextSpan? Address(IReadOnlyList<LineView> lines, int companyIndex)
    {
        var parts = new List<TextSpan>();
        var sawPostcode = false;
        for (var i = companyIndex + 1; i < lines.Count && parts.Count < 6; i++)
        {
            var text = lines[i].Text.Trim();
            if (parts.Count == 0 && (RegistrationCue().IsMatch(text) || CompanyCue().IsMatch(text) && !Postcode().IsMatch(text) && !text.Contains(',', StringComparison.Ordinal))) continue;
            if (StopCue().IsMatch(text) || DateNormalizer.FindAll(text).Count > 0 || RegistrationCue().IsMatch(text)) break;
            if (sawPostcode && (text.Any(char.IsDigit) || text.Length > 25)) break;
            parts.Add(lines[i].Whole());
            if (Postcode().IsMatch(text)) sawPostcode = true;
        }
        if (parts.Count == 0) return null;
        return new TextSpan(string.Join(' ', parts.Select(p => p.Text)), parts.Select(p => p.Box).Aggregate(BoundingBox.Union),
            parts.Average(p => p.Confidence), parts[0].Page);
    }

    private static ExtractedField? Date(DocumentView view, ExtractionContext context)
    {
        var best = view.Lines
            .SelectMany(l => DateNormalizer.FindAll(l.Text, context.DateOrder).Select(m => (l, m)))
            .Select(x => (x.l, x.m, labelled: view.Lines.Any(o => (o == x.l || o.SameRow(x.l)) && o.Text.Contains("DATE", StringComparison.OrdinalIgnoreCase))))
            .OrderByDescending(x => x.labelled).ThenBy(x => x.l.Index).FirstOrDefault();
        if (best.l is null) return null;
        var span = best.l.Slice(best.m.Index, best.m.Index + best.m.Length);
        var read = new ReadValue(best.m.Printed, best.m.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), best.m.Ambiguous ? 0.85 : 1);
        return LabelledFields.FromSpan(FieldNames.DocumentDate, span, read, best.labelled ? 1 : 0.8);
    }

    private static ExtractedField? Total(DocumentView view)
    {
        var rows = view.Rows();
        var candidates = new List<(TextSpan Span, AmountMatch Amount, double Strength, int Row)>();
        for (var r = 0; r < rows.Count; r++)
        {
            var rowText = string.Join(' ', rows[r].Select(l => l.Text));
            if (Excluded.IsMatch(rowText)) continue;
            var cue = TotalCues.FirstOrDefault(c => c.Pattern.IsMatch(rowText));
            if (cue.Pattern is null) continue;
            var amount = AmountOnRow(rows[r]) ?? (r + 1 < rows.Count && !TotalCues.Any(c => c.Pattern.IsMatch(string.Join(' ', rows[r + 1].Select(l => l.Text)))) ? AmountOnRow(rows[r + 1]) : null);
            if (amount is { } a && a.Match.Value > 0) candidates.Add((a.Span, a.Match, cue.Strength, r));
        }
        if (candidates.Count == 0) return null;
        // The strongest cue wins; among equals the largest amount (a total including tax over one without).
        var best = candidates.OrderByDescending(c => c.Strength).ThenByDescending(c => c.Amount.Value).First();
        var read = new ReadValue(best.Amount.Printed, AmountNormalizer.Format(best.Amount.Value), best.Amount.HasDecimals ? 1 : 0.8);
        return LabelledFields.FromSpan(FieldNames.TotalAmount, best.Span, read, best.Strength);
    }

    private static (TextSpan Span, AmountMatch Match)? AmountOnRow(IReadOnlyList<LineView> row)
    {
        foreach (var line in row.Reverse())
        {
            var m = AmountNormalizer.FindAll(line.Text).LastOrDefault(a => a.HasDecimals);
            if (m is not null) return (line.Slice(m.Index, m.Index + m.Length), m);
        }
        return null;
    }
}
