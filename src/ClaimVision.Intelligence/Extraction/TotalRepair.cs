using ClaimVision.Domain.Documents;
using ClaimVision.Intelligence.Normalization;
using ClaimVision.Intelligence.Validation;

namespace ClaimVision.Intelligence.Extraction;

/// <summary>
/// Supplies the total of a bill whose figure was not read, or was read damaged (a ¥ merged with its first digit), from
/// the page's independent evidence: the fund payment plus the patient's payment, the covered / self-paid /
/// out-of-catalogue breakdown, the line items, and the 大写 amount. A total taken from one source alone is kept with a
/// failed <c>totalPrinted</c> check (lower confidence); one that two sources agree on is trusted nearly as much as a
/// clean read. An intact printed total is replaced only when it is visibly a fragment of a sum: a bare integer that
/// starts it (cut short), or the end of what two sums agree on (leading digits lost); otherwise the shared checks
/// flag it when the evidence disagrees, and a clean total with its currency sign read as a digit is the sum two readings
/// agree on. With a total so read or repaired, a damaged figure of one of its splits (the payments; the breakdown) is
/// completed as total − the split's other figures.
/// </summary>
public static partial class TotalRepair
{
    /// <summary>An independent sum the total must equal, the least sure field it came from, and what was added.</summary>
    private sealed record Sum(decimal Value, ExtractedField Source, string What);

    /// <summary>The check a total built from other figures carries (passed or not): such a total is not evidence of its own.</summary>
    public const string TotalPrinted = "totalPrinted";

    /// <summary>The passed check a payment completed as total − the other payment(s) carries.</summary>
    public const string PartFromTotal = "partFromTotal";

    public static void Apply(Dictionary<string, ExtractedField> fields, DocumentView view, IReadOnlyList<LineItem> items)
    {
        fields.TryGetValue(FieldNames.TotalAmount, out var total);
        var sums = Sums(fields, items);
        if (total is not null && Intact(total))
        {
            if (CutShort(total, sums) is { } whole)
            {
                // Trusted like a clean read only when a second sum agrees; from one sum alone it is kept, but doubted.
                var agreeing = Agreeing(sums, whole.Value).Count;
                var confirmed = agreeing >= 2;
                fields[FieldNames.TotalAmount] = total = From(whole.Value, whole.Source, total, confirmed ? 0.9 : 0.6,
                    new FieldCheck(TotalPrinted, confirmed, $"figure {total.Value} cut short; {AmountNormalizer.Format(whole.Value)} = {whole.What}"
                        + (confirmed ? $", and {agreeing - 1} other sum(s) agree" : ", one sum alone")));
            }
            else if (LostLead(total, sums, view) is { } agreed)
            {
                fields[FieldNames.TotalAmount] = total = From(agreed.Value, agreed.Source, total, 0.9,
                    new FieldCheck(TotalPrinted, true, $"figure {total.Value} lost its leading digits; {AmountNormalizer.Format(agreed.Value)} = {agreed.What}"));
            }
            else if (SignAsDigit(total, sums, view) is { } signed)
            {
                fields[FieldNames.TotalAmount] = total = From(signed.Value, signed.Source, total, 0.9,
                    new FieldCheck(TotalPrinted, true, $"figure {total.Value} has its currency sign read as a digit; {AmountNormalizer.Format(signed.Value)} = {signed.What}"));
            }
            RepairPart(fields, total);
            CutPart(fields, total);
            PatientShare(fields, total);
            FundShare(fields, total);
            return;
        }
        var parts = PartsSum(fields);
        var words = fields.TryGetValue(FieldNames.TotalAmountInWords, out var w) && Intact(w) ? CommonChecks.AmountOf(w) : null;

        ExtractedField? repaired = null;
        if (total is not null && sums.FirstOrDefault(x => Completes(x.Value, total)) is { } c)
            repaired = From(c.Value, c.Source, total, 0.9, new FieldCheck(TotalPrinted, true, $"damaged figure {total.Normalized} completed to {AmountNormalizer.Format(c.Value)} = {c.What}"));
        else if (total is not null && words is { } written && Completes(written, total))
            repaired = From(written, w!, total, 0.9, new FieldCheck(TotalPrinted, true, $"damaged figure {total.Normalized} completed to {AmountNormalizer.Format(written)} by the 大写 amount"));
        else if (sums.FirstOrDefault(x => words == x.Value || (words is null && WordsResemble(view, x.Value))) is { } confirmed)
            repaired = From(confirmed.Value, confirmed.Source, total, 0.9, new FieldCheck(TotalPrinted, true, $"total {AmountNormalizer.Format(confirmed.Value)} = {confirmed.What}, confirmed by the 大写 amount"));
        else if (words is { } v)
            repaired = From(v, w!, total, 0.6, new FieldCheck(TotalPrinted, false, $"figure not legible; total {AmountNormalizer.Format(v)} taken from the 大写 amount alone"));
        else if (parts is { } q)
            repaired = From(q.Sum, q.Source, total, 0.6, new FieldCheck(TotalPrinted, false, $"figure not legible; total {AmountNormalizer.Format(q.Sum)} taken from fund + patient payment alone"));
        if (repaired is null) return;
        fields[FieldNames.TotalAmount] = repaired;
        // A total completed or confirmed by a second reading is as good as a clean one for completing a damaged payment
        // ("至 ,453.57" completed by the breakdown, then "丈 ,058.93" as 3453.57 − 1394.64); one from a single source is not.
        if (!repaired.Checks.Any(c => c.Name == TotalPrinted && c.Passed)) return;
        RepairPart(fields, repaired);
        CutPart(fields, repaired);
    }

    /// <summary>The two ways a bill splits its total: who paid it (the fund, the patient) and what it was spent on (within
    /// the catalogue, self-paid first, out of the catalogue).</summary>
    private static readonly string[][] Splits =
    [
        [FieldNames.InsurancePaidAmount, FieldNames.PersonalPaidAmount],
        [FieldNames.CoveredAmount, FieldNames.SelfPaidAmount, FieldNames.OutOfCatalogueAmount],
    ];

    /// <summary>With an intact total, a damaged figure of one of its splits whose other figures are all printed and intact
    /// is total − those figures, when that difference ends in the digits that were read (习 ,521.92 with 3129.54 − 1607.62
    /// = 1521.92; 到 ,744.39 with 5422.27 − 570.38 − 107.50 = 4744.39).</summary>
    private static void RepairPart(Dictionary<string, ExtractedField> fields, ExtractedField total)
    {
        if (CommonChecks.AmountOf(total) is not { } t) return;
        foreach (var split in Splits)
        {
            if (!split.All(fields.ContainsKey)) continue;
            var damaged = split.Select(n => fields[n]).Where(f => !Intact(f)).ToList();
            if (damaged is not [var part]) continue;
            var others = split.Where(n => n != part.Name).Select(n => fields[n]).ToList();
            var amounts = others.Select(CommonChecks.AmountOf).ToList();
            if (amounts.Any(a => a is null)) continue;
            var rest = t - amounts.Sum(a => a!.Value);
            if (!Completes(rest, part)) continue;
            fields[part.Name] = part with
            {
                Normalized = AmountNormalizer.Format(rest),
                Confidence = Math.Min(total.Confidence, others.Min(o => o.Confidence)) * 0.9,
                Checks = [.. part.Checks, new FieldCheck(PartFromTotal, true,
                    $"damaged figure {part.Normalized} completed to {AmountNormalizer.Format(rest)} = total − the other figure(s) of its split")],
            };
        }
    }

    /// <summary>
    /// A payment read cut short, its cents lost (a bare integer: <c>2,223</c> for 2,223.72, <c>4017</c> of 4017.349 with a
    /// glyph added; or one decimal: <c>943.8</c> for 943.83), is what the total leaves for it once the other payments, read
    /// whole, are taken off, when that difference has the same whole part (and the decimal that was read). The
    /// figure as read stays as the value; the normalised amount is the difference, with a passed <c>partFromTotal</c>
    /// check, trusted like <see cref="RepairPart"/>'s. A payment whose whole part differs is left to the shared check.
    /// A payment printed without a currency sign that reads one digit longer than that difference and ends in it
    /// (<c>34,244.35</c> with 11480.70 − 7236.35 = 4244.35) had its ¥ read as a digit, as <see cref="SignAsDigit"/> finds on a
    /// total, and is the difference too.
    /// </summary>
    private static void CutPart(Dictionary<string, ExtractedField> fields, ExtractedField total)
    {
        if (CommonChecks.AmountOf(total) is not { } t) return;
        foreach (var name in new[] { FieldNames.PersonalPaidAmount, FieldNames.InsurancePaidAmount })
        {
            if (!fields.TryGetValue(name, out var part) || !Intact(part)) continue;
            var cut = CutShortFigure(part.Value);
            var signed = cut is null && !CurrencySign().IsMatch(part.Value) ? CommonChecks.AmountOf(part) : null;
            if (cut is null && signed is null) continue;
            var others = CommonChecks.PartFields.Where(n => n != name && fields.ContainsKey(n)).Select(n => fields[n]).ToList();
            // The fund's payment and the patient's are both printed on every bill that prints either; the other must be whole.
            if (!others.Any(o => o.Name is FieldNames.InsurancePaidAmount or FieldNames.PersonalPaidAmount)
                || others.Any(o => !Intact(o) || CutShortFigure(o.Value) is not null || CommonChecks.AmountOf(o) is null)) continue;
            var rest = t - others.Sum(o => CommonChecks.AmountOf(o)!.Value);
            var full = AmountNormalizer.Format(rest);
            if (rest <= 0 || full == part.Normalized) continue;
            var why = cut is not null
                ? full.StartsWith(cut, StringComparison.Ordinal) ? $"figure {part.Value} cut short; {full} = total − the other payment(s), and starts with what was read" : null
                : AmountNormalizer.Format(signed!.Value) is var read && read.Length == full.Length + 1 && read.EndsWith(full, StringComparison.Ordinal)
                    ? $"figure {part.Value} has its currency sign read as a digit; {full} = total − the other payment(s), and ends with what was read"
                    : null;
            if (why is null) continue;
            fields[name] = part with
            {
                Normalized = full,
                Confidence = Math.Min(total.Confidence, others.Min(o => o.Confidence)) * 0.9,
                Checks = [.. part.Checks, new FieldCheck(PartFromTotal, true, why)],
            };
        }
    }

    // A currency marker printed with the figure: then its first digit is a digit.
    [System.Text.RegularExpressions.GeneratedRegex(@"[¥$Y元]|RMB", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex CurrencySign();

    /// <summary>The start of the normalised amount a figure cut short must have: its whole part and point, and the one decimal
    /// read (<c>2,223</c> → <c>2223.</c>, <c>943.8</c> → <c>943.8</c>); null for a figure with two decimals, or of one digit.</summary>
    private static string? CutShortFigure(string printed)
    {
        var m = CutShort().Match(printed);
        if (!m.Success) return null;
        var whole = m.Groups["whole"].Value.Replace(",", "", StringComparison.Ordinal);
        return whole.Length < 2 ? null : $"{whole.TrimStart('0').PadLeft(1, '0')}.{m.Groups["tenth"].Value}";
    }

    // A figure at the end of the read value with no decimals or one: digits with thousands commas, then nothing or .d.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<![0-9.,])(?<whole>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?<tenth>[0-9]))?\s*$")]
    private static partial System.Text.RegularExpressions.Regex CutShort();

    /// <summary>A patient payment OCR did not read at all is total − fund payments (统筹 and 大病 where printed), kept with a
    /// failed <c>personalPaidPrinted</c> check: it was inferred, not read.</summary>
    private static void PatientShare(Dictionary<string, ExtractedField> fields, ExtractedField total) =>
        InferShare(fields, total, FieldNames.PersonalPaidAmount, FieldNames.InsurancePaidAmount, "personalPaidPrinted",
            "patient payment not read; {0} = total − fund payments", atMostCovered: false);

    /// <summary>A fund payment OCR did not read at all (its label and figure lost or broken: <c>统筹基 : 金支付 : ¥319.85</c>,
    /// <c>lan paid: $2,214.96</c>) is total − patient payment − 大病 where printed, kept with a failed
    /// <c>insurancePaidPrinted</c> check. A fund pays only within the covered amount, so when that was read and the
    /// difference exceeds it, something else paid part of the bill (a relief fund, a discount) and nothing is inferred.</summary>
    private static void FundShare(Dictionary<string, ExtractedField> fields, ExtractedField total) =>
        InferShare(fields, total, FieldNames.InsurancePaidAmount, FieldNames.PersonalPaidAmount, "insurancePaidPrinted",
            "fund payment not read; {0} = total − patient payment", atMostCovered: true);

    /// <summary><paramref name="missing"/>, not read, as total − <paramref name="other"/> (read intact) − 大病 where printed,
    /// with a failed <paramref name="check"/>: inferred, trusted at most 0.3 of the figures it comes from.</summary>
    private static void InferShare(Dictionary<string, ExtractedField> fields, ExtractedField total, string missing, string other,
        string check, string reason, bool atMostCovered)
    {
        if (fields.ContainsKey(missing) || !fields.TryGetValue(other, out var known) || !Intact(known)
            || CommonChecks.AmountOf(total) is not { } t || CommonChecks.AmountOf(known) is not { } k) return;
        var critical = fields.TryGetValue(FieldNames.CriticalIllnessAmount, out var c) ? CommonChecks.AmountOf(c) : 0m;
        if (critical is null || t - k - critical <= 0) return;
        var share = t - k - critical.Value;
        if (atMostCovered && fields.TryGetValue(FieldNames.CoveredAmount, out var covered) && Intact(covered) && CommonChecks.AmountOf(covered) < share) return;
        fields[missing] = new ExtractedField
        {
            Name = missing,
            Value = AmountNormalizer.Format(share),
            Normalized = AmountNormalizer.Format(share),
            Confidence = Math.Min(total.Confidence, known.Confidence) * 0.6 * FieldChecks.FailurePenalty,
            Page = total.Page,
            Checks = [new FieldCheck(check, false, string.Format(System.Globalization.CultureInfo.InvariantCulture, reason, AmountNormalizer.Format(share)))],
        };
    }

    /// <summary>A damaged figure that lost its leading digit(s) is completed by <paramref name="value"/> when the value
    /// ends in the digits that were read and adds at most three characters (digits and a thousands separator).</summary>
    private static bool Completes(decimal value, ExtractedField damaged)
    {
        var full = AmountNormalizer.Format(value);
        var read = damaged.Normalized ?? "";
        return value > 0 && read.Length > 0 && full != read && full.EndsWith(read, StringComparison.Ordinal) && full.Length - read.Length <= 3;
    }

    private static bool Intact(ExtractedField f) => !LabelledFields.IsDamaged(f);

    /// <summary>Independent sums a bill's total must equal, most direct first: fund + patient payment; the
    /// settlement breakdown 政策范围内 + 乙类先行自付 + 全自费 (covered + self-paid + out-of-catalogue: together every
    /// fee of the bill); two or more line items. Only intact figures count.</summary>
    private static List<Sum> Sums(Dictionary<string, ExtractedField> fields, IReadOnlyList<LineItem> items)
    {
        var sums = new List<Sum>();
        if (PartsSum(fields) is { } p) sums.Add(new Sum(p.Sum, p.Source, "fund + patient payment"));
        var pieces = new[] { FieldNames.CoveredAmount, FieldNames.SelfPaidAmount, FieldNames.OutOfCatalogueAmount }
            .Select(n => fields.TryGetValue(n, out var f) && Intact(f) && CommonChecks.AmountOf(f) is { } v ? (Field: f, Value: v) : ((ExtractedField Field, decimal Value)?)null)
            .ToList();
        if (pieces.All(x => x is not null))
            sums.Add(new Sum(pieces.Sum(x => x!.Value.Value), pieces.Select(x => x!.Value.Field).MinBy(f => f.Confidence)!, "covered + self-paid + out-of-catalogue amounts"));
        if (items.Count >= 2)
        {
            var least = items.MinBy(i => i.Confidence)!;
            var source = new ExtractedField { Name = FieldNames.TotalAmount, Value = "", Confidence = least.Confidence, Box = least.Box, Page = least.Page };
            sums.Add(new Sum(items.Sum(i => i.Amount), source, $"sum of {items.Count} line items"));
        }
        return sums;
    }

    /// <summary>The independent sums that come to <paramref name="value"/>.</summary>
    private static List<Sum> Agreeing(List<Sum> sums, decimal value) => [.. sums.Where(o => o.Value == value)];

    /// <summary>A total that reads cleanly yet is only the end of what two independent sums agree on (628.91 printed,
    /// payments and line items both 3628.91): its leading digits were lost with the label before them. One sum alone
    /// never replaces a clean figure; one sum and a 大写 amount as long as the sum's written form (not the figure's), whose
    /// every legible numeral agrees with it, do: two independent readings of the larger amount. The 大写 amount may be
    /// up to half illegible here, since it only has to tell 3628.91 (叁仟陆佰…, twelve characters) from 628.91 (ten).</summary>
    private static Sum? LostLead(ExtractedField total, List<Sum> sums, DocumentView view) =>
        ReadTwice(sums.Where(s => Completes(s.Value, total)), sums, view);

    /// <summary>The first of <paramref name="candidates"/> that a second reading backs: another of the independent
    /// <paramref name="sums"/> comes to it, or a 大写 amount as long as its written form, with every legible numeral
    /// agreeing, reads it (up to half illegible); its <see cref="Sum.What"/> says which. Null when none is read twice.</summary>
    private static Sum? ReadTwice(IEnumerable<Sum> candidates, List<Sum> sums, DocumentView view)
    {
        foreach (var s in candidates)
        {
            var agreeing = Agreeing(sums, s.Value);
            if (agreeing.Count >= 2) return s with { What = string.Join(" = ", agreeing.Select(a => a.What)) };
            if (WordsResemble(view, s.Value, 0.5)) return s with { What = s.What + ", confirmed by the 大写 amount" };
        }
        return null;
    }

    /// <summary>
    /// A total that reads cleanly, with no currency sign, as one digit before what two independent sums agree on
    /// (38,540.08 printed ¥8,540.08; the payments and the breakdown both 8540.08): chi_sim reads a ¥ joined to the first
    /// digit as a 3 or an 8. As with <see cref="LostLead"/>, one sum and a 大写 amount that agrees with it count as two.
    /// One sum alone is not enough: a payment that silently lost its leading digits (184.96 for 1,184.96) makes the
    /// payments one digit short of a total read right, and nothing on the page says which figure is wrong. A total that
    /// any sum agrees with as read is left as it is.
    /// </summary>
    private static Sum? SignAsDigit(ExtractedField total, List<Sum> sums, DocumentView view)
    {
        if (total.Value.IndexOfAny(['¥', '￥', '$', 'Y']) >= 0 || total.Normalized is not { Length: > 1 } read
            || CommonChecks.AmountOf(total) is not { } t || Agreeing(sums, t).Count > 0) return null;
        return ReadTwice(sums.Where(s =>
        {
            var agreed = AmountNormalizer.Format(s.Value);
            return s.Value > 0 && read.Length == agreed.Length + 1 && read.EndsWith(agreed, StringComparison.Ordinal);
        }), sums, view);
    }

    /// <summary>A total read as a bare integer of at least two digits (72) that is the start of a larger independent sum
    /// (7289.58): OCR lost the rest of the figure. A total equal to the sum, or not its start, is left as printed.</summary>
    private static Sum? CutShort(ExtractedField total, List<Sum> sums)
    {
        var digits = new string(total.Value.Where(char.IsAsciiDigit).ToArray());
        // One digit would start a sum by chance once in ten; two or more leave that to one in a hundred or less.
        if (digits.Length < 2 || total.Value.Contains('.') || CommonChecks.AmountOf(total) is not { } t) return null;
        return sums.FirstOrDefault(s =>
        {
            var whole = AmountNormalizer.Format(s.Value);
            return s.Value > t && whole.StartsWith(digits, StringComparison.Ordinal) && whole.Length - digits.Length >= 3;
        });
    }

    private static (decimal Sum, ExtractedField Source)? PartsSum(Dictionary<string, ExtractedField> fields)
    {
        if (!fields.TryGetValue(FieldNames.InsurancePaidAmount, out var fund) || !fields.TryGetValue(FieldNames.PersonalPaidAmount, out var patient)
            || !Intact(fund) || !Intact(patient) || CommonChecks.AmountOf(fund) is not { } a || CommonChecks.AmountOf(patient) is not { } b)
            return null;
        return (a + b, fund.Confidence <= patient.Confidence ? fund : patient);
    }

    /// <summary>The passed check a 大写 amount read by the figures it agrees with carries (<see cref="WordsFromFigures"/>).</summary>
    public const string WordsResembleFigures = "amountInWordsResemblesFigures";

    /// <summary>The most a 大写 amount read by the figures is trusted: its legible glyphs agree, the others are unread.</summary>
    public const double WordsFromFiguresConfidence = 0.6;

    /// <summary>
    /// A 大写 amount OCR read only in part (抽什壹佰肆拾伍元肆角参分: the numerals 捌 and 叁 garbled, 仟 read as 什) is read
    /// as the bill's figure total when it is that total's written form wherever it is legible
    /// (<see cref="ChineseAmount.Resembles"/>: the same length, every numeral and unit read agrees, under a third of the
    /// glyphs unreadable). The value keeps what was printed as read; the normalised amount is the total's, trusted at most
    /// <see cref="WordsFromFiguresConfidence"/>, with a <see cref="WordsResembleFigures"/> check saying how it was read.
    /// A 大写 amount read whole is left to the shared check against the figures, and one a legible numeral contradicts
    /// keeps its fragment (and the doubt the fragment carries). Only a total printed and read whole is compared: one built
    /// from other figures, or confirmed by this 大写 amount, would make the words agree with themselves.
    /// </summary>
    public static void WordsFromFigures(Dictionary<string, ExtractedField> fields, DocumentView view)
    {
        if (!fields.TryGetValue(FieldNames.TotalAmount, out var total) || !Intact(total) || total.Checks.Any(c => c.Name == TotalPrinted)
            || CommonChecks.AmountOf(total) is not { } t) return;
        if (fields.TryGetValue(FieldNames.TotalAmountInWords, out var words) && Intact(words)) return;
        if (WordsResembling(view, t) is not { } found) return;
        var printed = ChineseAmount.Written(found.Value.Text).Trim();
        fields[FieldNames.TotalAmountInWords] = new ExtractedField
        {
            Name = FieldNames.TotalAmountInWords,
            Value = printed,
            Normalized = AmountNormalizer.Format(t),
            Confidence = Math.Min(Math.Min(found.Value.Confidence, total.Confidence), WordsFromFiguresConfidence),
            Box = found.Value.Box,
            Page = found.Value.Page,
            Checks = [new FieldCheck(WordsResembleFigures, true,
                $"大写 amount {printed} read damaged; every legible glyph agrees with {ChineseAmount.Format(t)}, the printed figures' {AmountNormalizer.Format(t)}")],
        };
    }

    /// <summary>Whether any text printed after a 大写 label reads as <paramref name="value"/> despite unreadable glyphs.</summary>
    private static bool WordsResemble(DocumentView view, decimal value, double unreadableShare = ChineseAmount.UnreadableShare) =>
        WordsResembling(view, value, unreadableShare) is not null;

    /// <summary>The first text printed after a 大写 label that reads as <paramref name="value"/> despite unreadable glyphs.</summary>
    private static LabelledValue? WordsResembling(DocumentView view, decimal value, double unreadableShare = ChineseAmount.UnreadableShare) =>
        new LabelValueFinder(view, view.Labels).Find(FieldNames.TotalAmountInWords, s => ChineseAmount.Resembles(s.Text, value, unreadableShare)).FirstOrDefault();

    private static ExtractedField From(decimal value, ExtractedField source, ExtractedField? printed, double strength, FieldCheck check) => new()
    {
        Name = FieldNames.TotalAmount,
        Value = printed?.Value ?? AmountNormalizer.Format(value),
        Normalized = AmountNormalizer.Format(value),
        Confidence = Math.Clamp(source.Confidence * strength * (check.Passed ? 1 : FieldChecks.FailurePenalty), 0, 1),
        Box = printed?.Box,
        Page = printed?.Page ?? source.Page,
        Checks = [.. printed?.Checks ?? [], check],
    };
}
