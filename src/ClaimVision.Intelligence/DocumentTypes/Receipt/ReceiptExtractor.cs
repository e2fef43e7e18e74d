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

    [GeneratedRegex("药房|药店|医院|诊所|卫生院")]
    private static partial Regex ChineseProviderWord();

    [GeneratedRegex(@"\b(TEL|TELEPHONE|PHONE|FAX|H/P|HP|GST|SST|VAT|UEN|TAX|INVOICE|INV|RECEIPT|CASH\s?BILL|BILL|DATE|CASHIER|DOC|EMAIL|E-MAIL|WWW|HTTP|COUNTER|TABLE|ORDER|MEMBER|SALES|REG)\b|@|\.COM", RegexOptions.IgnoreCase)]
    private static partial Regex StopCue();

    // A registration number ends in a letter, which OCR may read as ¥ (519537-¥ for 519537-X). Business numbers of other
    // countries are named by their label with the number after it (ABN: 046485771476), not by the label alone, which
    // may be a word of a name (ABN AMRO).
    [GeneratedRegex(@"\(?\b\d{5,8}-[A-Z¥](?!\w)\)?|\bCO\.?\s?(REG|NO)|\bROC\b|\bCOMPANY\s?(REG|NO)|^\(?(?=[A-Z]*\d)[0-9A-Z]{6,12}-?[A-Z]?\)?$|\b(ABN|ACN|BRN|TIN)\s*(NO\.?)?\s*[:#.]?\s*\d", RegexOptions.IgnoreCase)]
    private static partial Regex RegistrationCue();

    [GeneratedRegex(@"\b\d{5}\b")]
    private static partial Regex Postcode();

    [GeneratedRegex(@"\b(TAX INVOICE|INVOICE|RECEIPT|WELCOME|CASH BILL|OFFICIAL|COPY|THANK|GUEST CHECK)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TitleWord();

    // Total rows by preference; rows with words from Excluded are never totals.
    private static readonly (Regex Pattern, double Strength)[] TotalCues =
    [
        (new Regex(@"ROUND(ED|ING)?\s*(D\s*)?TOTAL|TOTAL\s*ROUNDED|NETT?\s*(TOTAL|AMT|AMOUNT)|GRAND\s*TOTAL|AMOUNT\s*DUE|AMT\s*DUE|BALANCE\s*DUE|TOTAL\s*(AMOUNT|AMT)\b|(TOTAL|AMOUNT|AMT|NETT?)\s*PAYABLE|TOTAL\s*\(?\s*INCL|TOTAL\s*SALES\s*\(?\s*INCL|TOTAL\s*AFTER\s*(ROUND|ADJ)", RegexOptions.IgnoreCase | RegexOptions.Compiled), 1.0),
        (new Regex(@"\bTOTAL\b|\bJUMLAH\b", RegexOptions.IgnoreCase | RegexOptions.Compiled), 0.9),
        // Chinese receipts: 实付 (paid), 应付/应收 (due), 合计/总计 (total); chi_sim may space the characters. Not 实收: on a
        // shop receipt that is the cash handed over (实收 100.00, 找零 41.50).
        (new Regex(@"实\s*付|应\s*[付收]|合\s*计|总\s*计", RegexOptions.Compiled), 0.9),
    ];

    private static readonly Regex Excluded = new(@"SUB\s*-?\s*TOTAL|TOTAL\s*(QTY|QUANTITY|ITEM|GST|TAX|DISC|SAVING|EXCL|SALES\s*\(?\s*EXCL|NO\.? OF)|EXCLUDING|\bEXCL(\b|\.|USIVE)|ROUNDING\s*ADJ|ADJUSTMENT|CHANGE|TENDER|\bCASH\b|GST\s*SUMMARY|小\s*计|找\s*零|实\s*收|数\s*量", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    public FieldExtraction Extract(DocumentView view, ExtractionContext context)
    {
        var fields = new Dictionary<string, ExtractedField>();
        var lines = view.Lines;
        var chineseAddress = ChineseAddress(lines);
        var latinAddress = AddressLine(lines);
        // A Chinese street address line anchors the seller's name above it as a Latin address line does; the higher one wins.
        var addressLine = latinAddress is { } l && chineseAddress is { } c ? Math.Min(l, c.Line) : latinAddress ?? chineseAddress?.Line;
        var company = CompanyLines(lines, addressLine);
        // A Chinese receipt names its seller in the title (…大药房 / …医院 / …诊所): that line wins over the layout guess.
        if (lines.Take(3).Any(l => ChineseProviderWord().IsMatch(l.Text)) && LabelledTypeExtractor.ProviderFromTitle(view) is { } titled)
            fields[FieldNames.ProviderName] = titled;
        else if (SellerAboveTitle(lines) is { } seller && (addressLine is null || addressLine > seller.Title)
                 && !lines.Take(8).Any(l => LegalForm().IsMatch(l.Text))
                 && ValueReader.Read(FieldKind.Text, seller.Span.Text, context.DateOrder) is { } sold)
            fields[FieldNames.ProviderName] = LabelledFields.FromSpan(FieldNames.ProviderName, seller.Span, sold with { Normalized = MendSellerName(sold.Normalized) }, 0.85);
        else if (CompanyName(lines, company) is { } name && ValueReader.Read(FieldKind.Text, name.Span.Text, context.DateOrder) is { } read)
            fields[FieldNames.ProviderName] = LabelledFields.FromSpan(FieldNames.ProviderName, name.Span,
                read with { Normalized = MendSellerName(read.Normalized) }, name.Strength);
        // Where only a Chinese street line was found, it is the address (below); the Latin block reading would run on.
        var addressFrom = latinAddress is null && chineseAddress is not null ? null : addressLine ?? (company.Count > 0 ? company[^1] + 1 : (int?)null);
        // The address is kept as printed, closing punctuation included ("… 40170 SHAH ALAM,"): it is no label's value.
        // Without a line that starts like an address, the lines under the seller are one only when a postcode closes them
        // (a label line such as "Customer: …" under the seller is no address).
        if (addressFrom is { } af && Address(lines, af) is { } address && ValueReader.Read(FieldKind.Text, address.Text, context.DateOrder) is not null
            && (addressLine is not null || Postcode().IsMatch(address.Text)))
        {
            var printed = LeadingSpeck().Replace(TextCleanup.CollapseWhitespace(address.Text).Trim(), "");
            fields[FieldNames.ProviderAddress] = LabelledFields.FromSpan(FieldNames.ProviderAddress, address,
                new ReadValue(printed, AmountNormalizer.SectionSignInPostcode(printed), 1), addressLine is null ? 0.6 : 0.8);
        }
        if (!fields.ContainsKey(FieldNames.ProviderAddress) && chineseAddress is { } chinese)
            fields[FieldNames.ProviderAddress] = chinese.Field;
        if (Date(view, context) is { } date) fields[FieldNames.DocumentDate] = date;
        if (Total(view) is { } total) fields[FieldNames.TotalAmount] = total;
        var labelled = LabelledFields.Read(new FieldSchema(Schema.Type, [new(FieldNames.InvoiceNumber, FieldKind.Identifier)]), view, context);
        foreach (var (k, v) in labelled) fields[k] = v;
        if (LabelledTypeExtractor.CurrencyOf(view) is { } currency) fields[FieldNames.Currency] = currency;
        CommonChecks.Apply(fields, [], context);
        return new FieldExtraction(fields, []);
    }

    [GeneratedRegex(@"(?<!\w)(SDN\.?\s*BHD\.?|BHD\.?|S/B|SDN|ENTERPRISES?|TRADING|PLT|LTD\.?|LIMITED|CO\.|\(M\)|CORPORATION|HOLDINGS|INDUSTRIES)(?=\W|$)", RegexOptions.IgnoreCase)]
    private static partial Regex LegalForm();

    /// <summary>A receipt's own title: SALES RECEIPT, Customer receipt, 购物小票, 销售凭证, 收据.</summary>
    [GeneratedRegex(@"^\W*(?:[A-Z]+\s+){0,2}RECEIPT\W*$|^\W*[\p{IsCJKUnifiedIdeographs}]{0,4}(?:小\s*票|凭\s*证|收\s*据)\W*$", RegexOptions.IgnoreCase)]
    private static partial Regex ReceiptTitle();

    /// <summary>A receipt that prints no company form and no address before its title names its seller on the line
    /// right above the receipt's title (Walgreens #3831 / Customer receipt, 家乐福 / 购物小票); the label lines under the
    /// title (Customer: …, 会员: …) are never the seller. Returns the seller and the title's line index.</summary>
    private static (TextSpan Span, int Title)? SellerAboveTitle(IReadOnlyList<LineView> lines)
    {
        for (var t = 1; t < Math.Min(3, lines.Count); t++)
        {
            if (!ReceiptTitle().IsMatch(lines[t].Text.Trim())) continue;
            var text = lines[t - 1].Text.Trim();
            var letters = text.Count(char.IsLetter);
            if (letters < 2 || letters < text.Count(char.IsDigit) || text.Contains(':') || text.Contains('：')
                || StopCue().IsMatch(text) || DateNormalizer.FindAll(text).Count > 0) return null;
            return (lines[t - 1].Whole() with { Text = text }, t);
        }
        return null;
    }

    [GeneratedRegex(@"^\s*(NO\s?[.,:]?\s?\d|LOT\b|\d+[A-Z]?\s?[,.\-/ ]|[A-Z]{1,2}-\d|BLOCK\b|BLOK\b|LEVEL\b|UNIT\b|SUITE\b)|\b(JALAN|JLN|JL|ROAD|STREET|LORONG|TAMAN|TMN|PERSIARAN|LEBUH|LEBUHRAYA|KAMPUNG|KG|BANGUNAN|WISMA|KOMPLEKS|SEKSYEN|LOT|BLOCK|PLAZA|FLOOR|FLR)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AddressStart();

    [GeneratedRegex(@"\s*\(?\s*(CO\.?\s?(REG|NO)\.?\s*(NO\.?)?\s*:?\s*)?\b[0-9]{4,}-?[A-Z¥]\s*\)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TrailingRegistration();

    [GeneratedRegex(@"(?<!\w)(SDN\.?\s*BHD\.?|BHD\.?|S/B|SDN|PLT|LTD\.?|LIMITED|CO\.|\(M\))(?=\W|$)", RegexOptions.IgnoreCase)]
    private static partial Regex StrongLegalForm();

    /// <summary>A store number after a chain's name (<c>Watsons #2728</c>): no part of what makes the line a name or not.</summary>
    [GeneratedRegex(@"(?<!\b(?:REF|TRANS|TERMINAL|POS|TILL|LANE|SLIP|RECEIPT|INVOICE|ORDER|TABLE|CHECK|BILL|NO)\.?)\s#\s?\d{1,5}\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StoreNumber();

    /// <summary>A line of nothing but a table's column headings (<c>Item Amount</c>, <c>Description Qty Price</c>, <c>品名 单价</c>).</summary>
    [GeneratedRegex(@"^\W*(?:(?:ITEMS?|QTY|QUANTITY|AMOUNT|AMT|DESCRIPTION|DESC|PRICE|UNIT|TOTAL|PRODUCT|RM|S/N|NO\.?|品\s*名|商\s*品|单\s*价|数\s*量|金\s*额)\W*)+$", RegexOptions.IgnoreCase)]
    private static partial Regex ColumnHeadings();

    private static bool NameLike(string line)
    {
        var text = StoreNumber().Replace(TrailingRegistration().Replace(line, "").TrimEnd(), "");
        // "(CO. REG : 860671-D)", "BR NO.: 0195932-X": a label whose value was the registration number.
        if (text.EndsWith(':')) return false;
        // The receipt's title (购物小票, SALES RECEIPT), column headings and a Chinese street address are not the seller.
        return text.Count(char.IsLetter) >= 3 && text.Count(char.IsLetter) >= text.Count(char.IsDigit) * 2
        && !TitleWord().IsMatch(text) && !StopCue().IsMatch(text) && !RegistrationCue().IsMatch(text) && DateNormalizer.FindAll(text).Count == 0
        && !ReceiptTitle().IsMatch(text.Trim()) && !ColumnHeadings().IsMatch(text) && !ChineseStreetAddress().IsMatch(text.Trim());
    }

    /// <summary>Below this OCR confidence a line is a logo, a stamp or noise read as letters, never the seller's name.</summary>
    private const double MinNameConfidence = 0.15;

    private static bool NameLine(LineView line) => line.Line.Confidence >= MinNameConfidence && NameLike(line.Text);

    private static bool Skippable(string text) =>
        RegistrationCue().IsMatch(text) || DateNormalizer.FindAll(text).Count > 0 || text.Count(char.IsLetter) < 3 || StopCue().IsMatch(text);

    /// <summary>A price closing its line, as the amount column does (<c>3.50</c>, <c>RM 12.90</c>, <c>3.50 SR</c> with a tax
    /// code): not a dotted date (2024.12.15), and not a unit number inside an address (<c>LOT 1.08, LEVEL 1</c>).</summary>
    [GeneratedRegex(@"(?<![\d.])\d+\.\d{2}(?:\s+[A-Z*]{1,2})?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Price();

    /// <summary>The first line of the item rows: one that ends in a price, or stands on a row with one (OCR may read the
    /// price column apart).</summary>
    private static int FirstPricedLine(IReadOnlyList<LineView> lines)
    {
        bool Priced(LineView l) => Price().IsMatch(l.Text);
        for (var i = 0; i < lines.Count; i++)
            if (Priced(lines[i]) || lines.Any(o => o != lines[i] && lines[i].SameRow(o) && Priced(o)))
                return i;
        return lines.Count;
    }

    /// <summary>The first line of the seller's address: a house number, LOT, or street word, after at least one name line
    /// and above the item rows (an item row such as <c>92 号汽油 52.68</c> starts like a house number).</summary>
    private static int? AddressLine(IReadOnlyList<LineView> lines)
    {
        var priced = FirstPricedLine(lines);
        for (var i = 1; i < Math.Min(priced, 12); i++)
            if (AddressStart().IsMatch(lines[i].Text) && lines.Take(i).Any(NameLine) && !Skippable(lines[i].Text)
                && !LegalForm().IsMatch(lines[i].Text))
                return i;
        return null;
    }

    /// <summary>The lines naming the seller. The first name-like line above the address with a legal form (SDN BHD,
    /// ENTERPRISE, TRADING, S/B …) is the registered seller; a brand or branch line under it, or the old name after
    /// FORMERLY KNOWN AS, is not. Without one: the first of the name lines just above the address (registration
    /// numbers and dates skipped; a line set well apart above them is not one), as a shop's name tops its header and a
    /// line under it describes the shop ("BISTRO &amp; CAFE"). Either way a name broken over lines (ending in '&amp;', an
    /// open bracket, or continued by a line that starts with or is little more than a legal form) is joined.</summary>
    private static List<int> CompanyLines(IReadOnlyList<LineView> lines, int? address)
    {
        var top = Math.Min(lines.Count, address ?? 8);
        var legal = Enumerable.Range(0, top).FirstOrDefault(i => NameLine(lines[i]) && LegalForm().IsMatch(lines[i].Text), -1);
        if (legal >= 0) return Joined(lines, Enumerable.Range(0, top).Where(i => NameLine(lines[i])).ToList(), legal);
        if (address is null)
        {
            // No address to stand above: the seller tops the receipt, item and column lines come further down.
            var names = Enumerable.Range(0, top).Where(i => NameLine(lines[i]) && !AddressStart().IsMatch(lines[i].Text)).ToList();
            return names.Count == 0 ? [] : Joined(lines, names, names[0]);
        }
        var block = new List<int>();
        for (var i = top - 1; i >= 0; i--)
        {
            var text = lines[i].Text;
            // A line set well apart above the header (a hand-written name, a logo caption) is not part of it.
            if (block.Count > 0 && lines[block[0]].Box.Y - lines[i].Box.Bottom > 2 * Math.Min(lines[i].Box.Height, lines[block[0]].Box.Height)) break;
            // A line that starts with a number is the seller's still when it carries the registration number (99 SPEED MART S/B (519537-X)).
            if (NameLine(lines[i]) && (!AddressStart().IsMatch(text) || RegistrationCue().IsMatch(text))) block.Insert(0, i);
            else if (block.Count == 0 && Skippable(text)) continue;
            else if (block.Count > 0) break;
        }
        return block.Count == 0 ? [] : Joined(lines, block, block[0]);
    }

    /// <summary>The line <paramref name="at"/> joined with the adjacent lines of <paramref name="candidates"/> that continue it.</summary>
    private static List<int> Joined(IReadOnlyList<LineView> lines, List<int> candidates, int at)
    {
        var start = candidates.IndexOf(at);
        var end = start;
        while (start > 0 && candidates[start - 1] == candidates[start] - 1 && ContinuesPrevious(lines[candidates[start - 1]].Text, lines[candidates[start]].Text)) start--;
        while (end + 1 < candidates.Count && candidates[end + 1] == candidates[end] + 1 && ContinuesPrevious(lines[candidates[end]].Text, lines[candidates[end + 1]].Text)) end++;
        return candidates.GetRange(start, end - start + 1);
    }

    [GeneratedRegex(@"^\W*(SDN\.?\s*BHD|BHD|S/B|SDN|ENTERPRISES?|TRADING|PLT|LTD|LIMITED|CO\.|\(M\))(?=\W|$)", RegexOptions.IgnoreCase)]
    private static partial Regex StartsWithLegalForm();

    private static bool ContinuesPrevious(string previous, string current)
    {
        var p = previous.TrimEnd();
        if (p.EndsWith('&') || p.Count(c => c == '(') > p.Count(c => c == ')') || StartsWithLegalForm().IsMatch(current)) return true;
        // A line that is little more than a legal form ("CO. (M) SDN BHD", "RESTAURANT SDN BHD") ends a longer name.
        var rest = StrongLegalForm().Replace(TrailingRegistration().Replace(current, ""), " ");
        return StrongLegalForm().IsMatch(current) && rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetter)) <= 1;
    }

    /// <summary>Malaysia's private-company form, SDN BHD, with one of its two words misread by a glyph OCR confuses
    /// (<c>SON BHD</c>, <c>SIN BHD</c>, <c>SDN 8HD</c>, <c>5DN BHD</c>, <c>SDN BHO</c>). Only the pair is mended, and only when the
    /// other word is read right: a lone <c>SON</c> or <c>SIN</c> may be a name, and so may one after <c>&amp;</c> or AND
    /// (<c>LEE &amp; SON BHD</c>, a public company). A public company whose name ends in SIN or SON without one would be
    /// mended too; on receipts the private SDN BHD is far the commoner.</summary>
    [GeneratedRegex(@"(?<!(?:&|\bAND)\s*)(?<![\w$])(?<sdn>[S5$][DO0QIl1]N)(?<dot>\.?\s*)(?<bhd>[B8]H[DO0Q])(?![\w$])", RegexOptions.IgnoreCase)]
    private static partial Regex SdnBhd();

    /// <summary>A ¥ against a Latin capital or a point: OCR's reading of a Y with a bar (<c>MR. D.I.¥.</c>); right after
    /// a Y it is that Y read twice (<c>D.I.Y¥(M)</c>).</summary>
    [GeneratedRegex(@"(?<Y>(?<=Y))¥|(?<=[A-Z.])¥|¥(?=[A-Z.(])")]
    private static partial Regex YenForY();

    /// <summary>A bracketed part of a Chinese name, the branch of a chain (华润万家超市（人民路店）), with the brackets as OCR
    /// reads them: 〈 or a half-width ( with spaces for （, a spaced ) or 〉 for ）.</summary>
    [GeneratedRegex(@"\s*[(（〈]\s*(?<inner>[^()（）〈〉]*?\p{IsCJKUnifiedIdeographs}[^()（）〈〉]*?)\s*[)）〉]")]
    private static partial Regex ChineseBracketed();

    /// <summary>The seller's name with OCR's misreadings of a Latin Y as ¥ and of one glyph of its SDN BHD (see
    /// <see cref="SdnBhd"/>) read as printed, and a Chinese name's bracketed branch in the full-width brackets it is
    /// printed with (星巴克 (解放路店 ) → 星巴克（解放路店）).</summary>
    internal static string MendSellerName(string name) => MendLatinSellerName(
        name.Any(TextCleanup.IsHan) ? ChineseBracketed().Replace(name, m => $"（{TextCleanup.RemoveSpacesBesideHan(m.Groups["inner"].Value.Trim())}）") : name);

    private static string MendLatinSellerName(string name) => SdnBhd().Replace(YenForY().Replace(name, y => y.Groups["Y"].Success ? "" : "Y"), m =>
    {
        var (sdn, bhd) = (m.Groups["sdn"].Value, m.Groups["bhd"].Value);
        var sdnRight = sdn.Equals("SDN", StringComparison.OrdinalIgnoreCase);
        var bhdRight = bhd.Equals("BHD", StringComparison.OrdinalIgnoreCase);
        if (sdnRight == bhdRight) return m.Value; // both right, or both misread: leave it as read
        var right = sdnRight ? sdn : bhd; // the mended word takes the case of the one read right (SDN BHD, Sdn Bhd)
        string Cased(string word) => right.All(char.IsUpper) ? word : word[0] + word[1..].ToLowerInvariant();
        return (sdnRight ? sdn : Cased("SDN")) + m.Groups["dot"].Value + (bhdRight ? bhd : Cased("BHD"));
    });

    /// <summary>A label before the name on its line ("DIMILIKI: …", "OWNED BY: …").</summary>
    [GeneratedRegex(@"^[A-Z][A-Z .]{1,20}:\s*(?=\w)", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingLabel();

    private static (TextSpan Span, double Strength)? CompanyName(IReadOnlyList<LineView> lines, List<int> indices)
    {
        if (indices.Count == 0) return null;
        var spans = indices.Select(i => lines[i].Whole()).ToList();
        var text = LeadingLabel().Replace(TrailingRegistration().Replace(string.Join(' ', spans.Select(s => s.Text)), "").Trim(), "");
        var strength = indices.Any(i => LegalForm().IsMatch(lines[i].Text) || CompanyCue().IsMatch(lines[i].Text)) ? 0.95 : 0.7;
        return (new TextSpan(text, spans.Select(s => s.Box).Aggregate(BoundingBox.Union), spans.Average(s => s.Confidence), spans[0].Page), strength);
    }

    [GeneratedRegex(@"\d\.\d{2}\b")]
    private static partial Regex DecimalAmount();

    [GeneratedRegex(@"(?<![\d-])(\+?6)?\(?0\d{1,2}\)?[- ]?\d{3,4}[- ]?\d{3,4}(?![\d-])")]
    private static partial Regex PhoneNumber();

    /// <summary>The address block, read top to bottom by position (a short state line can sit on the same visual row
    /// as the phone line below it): from the first line to the postcode line, then at most two short lines that are
    /// neither a phone/tax/document line nor an amount (city, state, country, or the branch printed under the
    /// address, which belongs to the block). A phone/tax/document/title line or a date ends it.</summary>
    private static TextSpan? Address(IReadOnlyList<LineView> lines, int first)
    {
        // The seller block may end on the last line: then nothing follows that could be the address.
        if (first >= lines.Count) return null;
        var start = lines[first];
        var below = lines.Where(l => l.Page == start.Page && (l == start || l.Index > first || l.CenterY > start.Box.Bottom))
            .OrderBy(l => l == start ? double.MinValue : l.CenterY).ToList();
        var parts = new List<TextSpan>();
        var afterPostcode = -1;
        foreach (var line in below)
        {
            if (parts.Count >= 7) break;
            var text = line.Text.Trim();
            if (parts.Count == 0 && Skippable(text)) continue;
            // Noise read as letters (eee eee ee Clee over a smudge beside the street line) is no part of the address.
            if (line.Line.Confidence < MinAddressConfidence) continue;
            if (StopCue().IsMatch(text) || TitleWord().IsMatch(text) || DateNormalizer.FindAll(text).Count > 0 || RegistrationCue().IsMatch(text)
                || PhoneNumber().IsMatch(text) || PhoneLine().IsMatch(text)) break;
            if (afterPostcode >= 0 && !AddressTail(text, afterPostcode)) break;
            parts.Add(line.Whole());
            if (afterPostcode >= 0) afterPostcode++;
            else if (Postcode().IsMatch(text)) afterPostcode = 0;
        }
        if (parts.Count == 0) return null;
        return new TextSpan(string.Join(' ', parts.Select(p => p.Text)), parts.Select(p => p.Box).Aggregate(BoundingBox.Union),
            parts.Average(p => p.Confidence), parts[0].Page);
    }

    /// <summary>A rule or speck OCR read before the address's first word (<c>_74, JALAN IPOH</c>: the underline of the
    /// seller's name above it); no address begins with one.</summary>
    [GeneratedRegex(@"^[_~|•·*=\-—]+\s*")]
    private static partial Regex LeadingSpeck();

    /// <summary>Below this OCR confidence a line inside the address block is noise read as letters, skipped (a stamp, a
    /// smudge, a logo's edge).</summary>
    private const double MinAddressConfidence = 0.3;

    /// <summary>A Chinese street address: Han characters up to a street word (路, 街, 道, 巷, 弄, 胡同) and a house number with
    /// 号, optionally after a 地址 label (山东省胜利街 290 号, 地址：朝阳区建国路 88 号 2 楼).</summary>
    [GeneratedRegex(@"^\W*(?:地\s*址\s*[:：]?\s*)?(?<address>\p{IsCJKUnifiedIdeographs}[\p{IsCJKUnifiedIdeographs}\s]*(?:路|街|道|巷|弄|胡\s*同)\s*\d+(?:\s*[-—]\s*\d+)?\s*号[\p{IsCJKUnifiedIdeographs}\d\s]*?)\W*$")]
    private static partial Regex ChineseStreetAddress();

    /// <summary>A Chinese receipt prints its seller's address on one line near the top, unlabelled or after 地址 (the
    /// layout rules above look for Latin street words and postcodes). The first such line of the first ten is it.</summary>
    private static (ExtractedField Field, int Line)? ChineseAddress(IReadOnlyList<LineView> lines)
    {
        for (var i = 0; i < Math.Min(10, lines.Count); i++)
        {
            var line = lines[i];
            var trimmed = line.Text.TrimStart();
            if (ChineseStreetAddress().Match(trimmed.TrimEnd()) is not { Success: true } m) continue;
            var group = m.Groups["address"];
            var start = line.Text.Length - trimmed.Length + group.Index;
            var span = line.Slice(start, start + group.Value.Length);
            var printed = TextCleanup.CollapseWhitespace(group.Value).Trim();
            return (LabelledFields.FromSpan(FieldNames.ProviderAddress, span, new ReadValue(printed, TextCleanup.RemoveSpacesBesideHan(printed), 1), 0.7), i);
        }
        return null;
    }

    /// <summary>A line of nothing but a phone number's characters, grouped however OCR spaced them (<c>+603-91 30 2672</c>).</summary>
    [GeneratedRegex(@"^\+?\(?\d[\d\s\-()]{7,}\d$")]
    private static partial Regex PhoneLine();

    /// <summary>A line after the postcode line still belongs to the address when it is short, has words, and is no
    /// labelled field ("CARELINE : …") or amount; at most two such lines.</summary>
    private static bool AddressTail(string text, int linesAfterPostcode) =>
        linesAfterPostcode < 2 && text.Length <= 40 && text.Count(char.IsLetter) >= 3 && !text.Contains(':') && !DecimalAmount().IsMatch(text);

    [GeneratedRegex(@"DATE|日\s*期", RegexOptions.IgnoreCase)]
    private static partial Regex DateLabel();

    [GeneratedRegex(@"^\W{0,3}\d{1,2}[:.]\d{2}(?!\d)")]
    private static partial Regex TimeNext();

    /// <summary>The date of sale: one labelled DATE (on its line or row) first, then one not after today, then one
    /// printed with a time next to it ("19-09-17 15:39", unlike an item code such as "CK 11-22-31"), then the first.</summary>
    private static ExtractedField? Date(DocumentView view, ExtractionContext context)
    {
        var best = view.Lines
            .SelectMany(l => DateNormalizer.FindAll(l.Text, context.DateOrder).Select(m => (l, m)))
            .Select(x => (x.l, x.m, labelled: view.Lines.Any(o => (o == x.l || o.SameRow(x.l)) && DateLabel().IsMatch(o.Text))))
            .OrderByDescending(x => x.labelled)
            .ThenByDescending(x => x.m.Date <= context.Today)
            .ThenByDescending(x => TimeNext().IsMatch(x.l.Text[(x.m.Index + x.m.Length)..]))
            .ThenBy(x => x.l.Index).FirstOrDefault();
        if (best.l is null) return null;
        var span = best.l.Slice(best.m.Index, best.m.Index + best.m.Length);
        var read = new ReadValue(best.m.Printed, best.m.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), best.m.Ambiguous ? 0.85 : 1);
        return LabelledFields.FromSpan(FieldNames.DocumentDate, span, read, best.labelled ? 1 : 0.8);
    }

    private static readonly Regex Tendered = new(@"^\W*(CASH|TENDERED|PAID|PAYMENT)\b", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private static readonly Regex Change = new(@"^\W*(CHANGE|CASH\s*CHANGE|BALANCE)\b", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    private static readonly Regex RoundingAdjustment = new(@"ROUND(ING|ED)?\s*(ADJ|ADJUSTMENT)|^\W*ROUNDING\b(?!\s*TOTAL)", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    /// <summary>The word TOTAL with one glyph misread the way OCR misreads thermal print (<c>Tota!</c>, <c>Tota]</c>,
    /// <c>Totai</c>, <c>iotal</c>, <c>T0tal</c>), as a whole word.</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?:[Iij17f]OTAL|T[0QD]TAL|TO[Il1f]AL|TOT[4e]L|TOTA[Il1i!|\]])(?![\p{L}\d])", RegexOptions.IgnoreCase)]
    private static partial Regex MisreadTotal();

    /// <summary>The line with every one-glyph misreading of TOTAL written TOTAL, so total cues and exclusions (SUB TOTAL)
    /// see it alike.</summary>
    private static string WithTotalMended(string text) => MisreadTotal().Replace(text, "TOTAL");

    /// <summary>The most cash rounding changes a total by (rounding to 5 or 10 cents moves it 2–5 cents; a little room for a
    /// currency that rounds to larger coins).</summary>
    private const decimal MaxRounding = 0.10m;

    /// <summary>A total row that says it is the rounded figure (what cash rounding leaves to pay).</summary>
    private static readonly Regex RoundedTotal = new(@"ROUND(ED|ING)?\s*(D\s*)?TOTAL|TOTAL\s*((AMOUNT|AMT)\s*)?ROUNDED|TOTAL\s*AFTER\s*(ROUND|ADJ)", RegexOptions.IgnoreCase | RegexOptions.Compiled);

    /// <summary>The total paid. Every row with a total cue gives a candidate (its amount, never 0.00). The one equal to
    /// cash tendered minus change is what was paid; else the rounded total: a row that says so (ROUNDED TOTAL, TOTAL
    /// AFTER ADJ) or, when a rounding adjustment is printed, a total below it; else the strongest cue, and among equals
    /// the largest amount (a total with tax over one without). Without any total row: cash tendered minus change.</summary>
    private static ExtractedField? Total(DocumentView view)
    {
        var candidates = new List<(TextSpan Span, AmountMatch Amount, double Strength, double Y, bool Rounded)>();
        foreach (var line in view.Lines)
        {
            var text = WithTotalMended(line.Text);
            if (Excluded.IsMatch(text)) continue;
            var cue = TotalCues.FirstOrDefault(c => c.Pattern.IsMatch(text));
            if (cue.Pattern is null) continue;
            if (AmountBeside(view, line, positive: true) is { } a) candidates.Add((a.Span, a.Match, cue.Strength, line.CenterY, RoundedTotal.IsMatch(text)));
        }
        var rounding = view.Lines.FirstOrDefault(l => RoundingAdjustment.IsMatch(WithTotalMended(l.Text)));
        // A rounding adjustment row with the rounded total printed alone on the line under it (ROUNDING ADJ / RM 60.30):
        // a figure larger than any rounding there is that total, not the adjustment.
        if (rounding is not null && AmountBeside(view, rounding, positive: false) is null
            && AmountUnder(view, rounding) is { } under && under.Match.Value > MaxRounding)
            candidates.Add((under.Span, under.Match, 0.8, under.Y, true));
        var tendered = view.Lines.Where(l => Tendered.IsMatch(l.Text) && !Change.IsMatch(l.Text))
            .Select(l => AmountBeside(view, l, positive: true) ?? (AmountUnder(view, l) is { } u ? (u.Span, u.Match) : null)).FirstOrDefault(a => a is not null);
        var change = view.Lines.Where(l => Change.IsMatch(l.Text)).Select(l => AmountBeside(view, l, positive: false)).FirstOrDefault(a => a is not null);
        var paid = tendered is { } t ? t.Match.Value - (change?.Match.Value ?? 0) : (decimal?)null;
        if (candidates.Count > 0)
        {
            // A rounded figure differs from the unrounded total by less than a coin; one further off than that from every
            // other total is a misread figure.
            bool Plausible(int i) => candidates.Count == 1
                || candidates.Where((_, k) => k != i).Any(c => Math.Abs(c.Amount.Value - candidates[i].Amount.Value) <= MaxRounding);
            var best = candidates.Select((c, i) => (c, i))
                .OrderByDescending(x => paid is { } p && x.c.Amount.Value == p)
                .ThenByDescending(x => (x.c.Rounded || (rounding is not null && x.c.Y > rounding.CenterY)) && Plausible(x.i))
                .ThenByDescending(x => x.c.Strength).ThenByDescending(x => x.c.Amount.Value).First().c;
            if (paid != best.Amount.Value && MisreadOf(view, best.Amount, candidates.Select(c => c.Amount)) is { } figure)
                best = candidates.First(c => c.Amount.Value == figure.Value);
            return Field(best.Span, best.Amount, best.Strength);
        }
        // No total row: what was tendered minus the change given back is what was paid.
        if (tendered is not { } cash || paid is not { } value || value <= 0) return null;
        return Field(cash.Span, cash.Match with { Value = value, Printed = AmountNormalizer.Format(value) }, change is null ? 0.6 : 0.7);
    }

    private static ExtractedField Field(TextSpan span, AmountMatch amount, double strength) =>
        LabelledFields.FromSpan(FieldNames.TotalAmount, span,
            new ReadValue(amount.Printed, AmountNormalizer.Format(amount.Value), amount.HasDecimals ? 1 : 0.8), strength);

    /// <summary>Another total candidate that is the same figure as <paramref name="chosen"/> but for one digit (OCR reads
    /// 9.00 as 9.60, 86.00 as 686.00) and that the receipt prints more often (on item, subtotal or cash rows): the
    /// chosen one is then the misread copy. Figures a rounding apart are no misread (17.76 rounded to 17.70). Null when there is none.</summary>
    private static AmountMatch? MisreadOf(DocumentView view, AmountMatch chosen, IEnumerable<AmountMatch> candidates)
    {
        var printed = view.Lines.SelectMany(l => AmountNormalizer.FindAll(l.Text)).Where(a => a.HasDecimals)
            .GroupBy(a => Math.Abs(a.Value)).ToDictionary(g => g.Key, g => g.Count());
        var digits = AmountNormalizer.Format(chosen.Value);
        // Two totals whose gap the receipt prints (tax 0.60 between 10.00 and 10.60, a discount, a service charge) are two
        // figures, not one misread.
        return candidates
            .Where(c => Math.Abs(c.Value - chosen.Value) > MaxRounding && !printed.ContainsKey(Math.Abs(c.Value - chosen.Value))
                        && printed.GetValueOrDefault(c.Value) > printed.GetValueOrDefault(chosen.Value)
                        && OneDigitMisread(AmountNormalizer.Format(c.Value), digits))
            .OrderByDescending(c => printed.GetValueOrDefault(c.Value)).FirstOrDefault();
    }

    /// <summary>Digits Tesseract takes for one another in receipt print.</summary>
    private static readonly string[] ConfusedDigits = ["0689", "147", "38", "56"];

    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> differ by one digit OCR confuses (9.00 / 9.60,
    /// 102.00 / 702.00) or by one digit more in front (86.00 / 686.00).</summary>
    private static bool OneDigitMisread(string a, string b)
    {
        if (a.Length == b.Length)
        {
            var differ = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
            return differ is [var i] && ConfusedDigits.Any(set => set.Contains(a[i]) && set.Contains(b[i]));
        }
        var (longer, shorter) = a.Length > b.Length ? (a, b) : (b, a);
        return longer.Length == shorter.Length + 1 && char.IsDigit(longer[0]) && longer[1..] == shorter;
    }

    /// <summary>A figure whose minus is a dash set apart from it (<c>Total Amt Payable - 79.50</c>): on a row read as a
    /// positive figure (a total, cash tendered) the dash separates label and figure. A refund's total printed
    /// <c>TOTAL - 5.00</c> is read as 5.00 too; one printed <c>-5.00</c> keeps its sign and is no total.</summary>
    private static AmountMatch Unsigned(AmountMatch a) =>
        a.Value < 0 && a.Printed.Length > 1 && a.Printed[0] == '-' && char.IsWhiteSpace(a.Printed[1])
            ? a with { Value = -a.Value, Printed = a.Printed[1..].TrimStart() }
            : a;

    /// <summary>The figure printed alone on the line right under <paramref name="label"/> (a label whose value was set on
    /// the next line: <c>CASH</c> / <c>RM 170. 00</c>), overlapping it across or starting to its right; at most two stray
    /// glyphs besides it. Null when the label has text after it or no such line follows within about a line height.</summary>
    private static (TextSpan Span, AmountMatch Match, double Y)? AmountUnder(DocumentView view, LineView label)
    {
        if (label.Text.Any(char.IsDigit)) return null;
        var h = Math.Max(1, label.Box.Height);
        var next = view.Lines
            .Where(l => l.Page == label.Page && l.Box.Y >= label.Box.Bottom - h / 2 && l.Box.Y - label.Box.Bottom <= 1.5 * h
                        && l.Box.Right > label.Box.X)
            .OrderBy(l => l.Box.Y).FirstOrDefault();
        if (next is null) return null;
        var amounts = AmountNormalizer.FindAll(next.Text);
        if (amounts is not [{ HasDecimals: true, Value: > 0 } amount]) return null;
        var rest = next.Text.Remove(amount.Index, amount.Length);
        if (rest.Count(char.IsLetterOrDigit) > 2) return null;
        return (next.Slice(amount.Index, amount.Index + amount.Length), amount, next.CenterY);
    }

    /// <summary>The amount printed for a label line: on the same line after the label, else the nearest amount to its right
    /// within about one line height (scanned receipts are often slanted, so "rows" are not exact); with
    /// <paramref name="positive"/>, 0.00 is skipped (a neighbouring tax row's amount, never a total).</summary>
    private static (TextSpan Span, AmountMatch Match)? AmountBeside(DocumentView view, LineView label, bool positive)
    {
        AmountMatch? Figure(string text) =>
            AmountNormalizer.FindAll(text).Select(a => positive ? Unsigned(a) : a).LastOrDefault(a => a.HasDecimals && (!positive || a.Value > 0));
        var own = Figure(label.Text);
        if (own is not null) return (label.Slice(own.Index, own.Index + own.Length), own);
        var h = Math.Max(1, label.Box.Height);
        return view.Lines
            .Where(l => l.Page == label.Page && l != label && l.Box.X >= label.Box.Right - h && Math.Abs(l.CenterY - label.CenterY) < h * 1.1)
            .Select(l => (l, m: Figure(l.Text)))
            .Where(x => x.m is not null && !TotalCues.Any(c => c.Pattern.IsMatch(WithTotalMended(x.l.Text))))
            .OrderBy(x => Math.Abs(x.l.CenterY - label.CenterY))
            .Select(x => ((TextSpan, AmountMatch)?)(x.l.Slice(x.m!.Index, x.m.Index + x.m.Length), x.m))
            .FirstOrDefault();
    }
}
