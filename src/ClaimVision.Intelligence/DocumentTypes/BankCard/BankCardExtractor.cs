using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Payments;
using ClaimVision.Intelligence.Extraction;
using ClaimVision.Intelligence.Normalization;

namespace ClaimVision.Intelligence.DocumentTypes.BankCard;

/// <summary>
/// Reads a bank card (see <see cref="BankCardSchema"/>). A card face carries almost no labels (VALID THRU at most, and OCR
/// rarely reads it), so after the labelled reading each field is found by what it looks like: the card number as the one
/// run of 13–19 grouped digits, the expiry as MM/YY off the number's line, the bank as a known issuer's name or a 银行 /
/// "Bank" name, and the holder as a line of capitalised words below the number. The card number's Luhn digit is checked
/// (<see cref="Validation.CardNumberCheck"/>, for every type that reads one) like a resident ID's check digit.
/// </summary>
public sealed partial class BankCardExtractor() : LabelledTypeExtractor(BankCardSchema.Schema)
{
    /// <summary>Position strength of a value found by its shape rather than a label.</summary>
    private const double ShapeStrength = 0.85;
    private const double KnownBankStrength = 0.9;
    private const double FoldedBankStrength = 0.75;
    private const double UnknownBankStrength = 0.7;
    private const double HolderStrength = 0.8;

    protected override void Complete(Dictionary<string, ExtractedField> fields, DocumentView view, ExtractionContext context)
    {
        if (!fields.ContainsKey(FieldNames.CardNumber) && FindNumber(view) is { } number) fields[FieldNames.CardNumber] = number;
        var numberLine = fields.TryGetValue(FieldNames.CardNumber, out var n) ? LineOf(view, n) : null;
        if (!fields.ContainsKey(FieldNames.ExpiryDate) && FindExpiry(view, numberLine, context) is { } expiry) fields[FieldNames.ExpiryDate] = expiry;
        if (!fields.ContainsKey(FieldNames.BankName) && FindBank(view) is { } bank) fields[FieldNames.BankName] = bank;
        // A holder read by a label (Member: on MEMBER SINCE 2019) is a name only with two words or more.
        if (fields.TryGetValue(FieldNames.PatientName, out var labelled) && Words().Count(labelled.Value) < 2) fields.Remove(FieldNames.PatientName);
        if (!fields.ContainsKey(FieldNames.PatientName) && numberLine is not null && FindHolder(view, numberLine, fields.GetValueOrDefault(FieldNames.BankName)) is { } holder)
            fields[FieldNames.PatientName] = holder;
    }

    /// <summary>The line a field was read from: the one on its page whose box holds the field's vertical centre.</summary>
    private static LineView? LineOf(DocumentView view, ExtractedField field) =>
        field.Box is not { } box ? null
            : view.Lines.FirstOrDefault(l => l.Page == field.Page && l.Box.Y <= box.Y + box.Height / 2 && box.Y + box.Height / 2 <= l.Box.Bottom
                                             && l.Box.X < box.Right && box.X < l.Box.Right);

    /// <summary>The card number by its shape: the first line's run of 13–19 grouped digits that passes the Luhn check, else the first.</summary>
    private static ExtractedField? FindNumber(DocumentView view) =>
        PaymentCard.PreferValid(view.Lines.Select(NumberOn).OfType<ExtractedField>(), f => f.Normalized!);

    private static ExtractedField? NumberOn(LineView line)
    {
        if (ValueReader.Read(FieldKind.CardNumber, line.Text, DateOrder.DayFirst) is not { } read) return null;
        var at = line.Text.IndexOf(read.Printed, StringComparison.Ordinal);
        return LabelledFields.FromSpan(FieldNames.CardNumber, line.Slice(at, at + read.Printed.Length), read, ShapeStrength);
    }

    /// <summary>The latest month printed off the number's line: a card that prints VALID FROM 08/21 and THRU 08/26 expires
    /// in the second. A month read as printed goes before one mended from a misread zero (19/26 → 10/26), whatever its date.</summary>
    private static ExtractedField? FindExpiry(DocumentView view, LineView? numberLine, ExtractionContext context)
    {
        ExtractedField? latest = null;
        foreach (var line in view.Lines.Where(l => l != numberLine))
        {
            var rest = line.Text;
            var offset = 0;
            while (ValueReader.Read(FieldKind.MonthYear, rest, context.DateOrder) is { } read)
            {
                var at = offset + rest.IndexOf(read.Printed, StringComparison.Ordinal);
                var found = LabelledFields.FromSpan(FieldNames.ExpiryDate, line.Slice(at, at + read.Printed.Length), read, ShapeStrength);
                if (latest is null || found.Confidence > latest.Confidence
                    || (found.Confidence == latest.Confidence && string.CompareOrdinal(found.Normalized, latest.Normalized) > 0)) latest = found;
                offset = at + read.Printed.Length;
                rest = line.Text[offset..];
            }
        }
        return latest;
    }

    // A Chinese bank's name as printed: Han characters ending in 银行 or 信用社 (中国农业银行, 北京农商银行, 农村信用社).
    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}{1,10}(?:银行|信用社)")]
    private static partial Regex ChineseBank();

    // An English name with the word Bank in it and at least one word more (TD Bank, Hong Leong Bank, Bank of Ayudhya).
    [GeneratedRegex(@"\b(?:[A-Z][A-Za-z&.']*\s+){1,3}(?:Bank|BANK)\b|\b(?:Bank|BANK)\s+(?:of|OF)(?:\s+[A-Z][A-Za-z]+){1,2}\b")]
    private static partial Regex EnglishBank();

    private static ExtractedField? FindBank(DocumentView view)
    {
        foreach (var line in view.Lines)
            if (BankIn(line) is { } found) return found;
        return null;
    }

    /// <summary>The bank a line names: a known name (folded when OCR damaged it), else a 银行 or "… Bank …" name as read.</summary>
    private static ExtractedField? BankIn(LineView line)
    {
        var words = Words().Matches(line.Text).ToList();
        for (var k = Math.Min(4, words.Count); k >= 1; k--)
            for (var i = 0; i + k <= words.Count; i++)
            {
                var start = words[i].Index;
                var end = words[i + k - 1].Index + words[i + k - 1].Length;
                var candidate = line.Text[start..end];
                if (BankNames.Match(candidate) is not { } known) continue;
                var exact = string.Equals(TextCleanup.RemoveSpaces(candidate), TextCleanup.RemoveSpaces(known), StringComparison.OrdinalIgnoreCase);
                return LabelledFields.FromSpan(FieldNames.BankName, line.Slice(start, end), new ReadValue(candidate, known, 1),
                    exact ? KnownBankStrength : FoldedBankStrength);
            }
        var m = ChineseBank().Match(line.Text);
        if (!m.Success) m = EnglishBank().Match(line.Text);
        return m.Success
            ? LabelledFields.FromSpan(FieldNames.BankName, line.Slice(m.Index, m.Index + m.Length), new ReadValue(m.Value, m.Value, 1), UnknownBankStrength)
            : null;
    }

    // Runs of letters (Latin or Han) with the apostrophes, hyphens, points and ampersands of names; digits and OCR specks excluded.
    [GeneratedRegex(@"[\p{L}&][\p{L}&.'-]*")]
    private static partial Regex Words();

    /// <summary>A word of a name printed in capitals, as OCR reads it: Latin letters, at most one of them lower-case
    /// (RODRIGUEz), and a capital first.</summary>
    private static bool IsCapitalised(string word) =>
        word.All(c => c < 0x80) && char.IsUpper(word[0]) && word.Count(char.IsLower) <= (word.Length >= 4 ? 1 : 0);

    // A courtesy title before the holder's name, not part of it.
    [GeneratedRegex(@"^(?:MR|MRS|MS|MISS|DR)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex Title();

    // Card networks and card-face words printed beside the holder's name.
    [GeneratedRegex(@"^(?:VISA|MASTERCARD|MASTER|CARD|UNIONPAY|AMEX|AMERICAN|EXPRESS|DISCOVER|JCB|DEBIT|CREDIT|VALID|THRU|GOOD|FROM|MEMBER|SINCE|PLATINUM|GOLD|CLASSIC|SIGNATURE|WORLD|BUSINESS|ELECTRON|MAESTRO|CARDHOLDER)$", RegexOptions.IgnoreCase)]
    private static partial Regex CardWord();

    /// <summary>The holder's name: the first line below the number that begins with two to four capitalised words, up to
    /// the card network's name or whatever else follows (SARAH JACKSON VISA → SARAH JACKSON). Chinese cards print no name.</summary>
    private static ExtractedField? FindHolder(DocumentView view, LineView? numberLine, ExtractedField? bank)
    {
        foreach (var line in view.Lines)
        {
            if (numberLine is not null && (line.Page != numberLine.Page || line.Box.Y <= numberLine.Box.Y)) continue;
            if (bank is not null && LineOf(view, bank) == line) continue;
            var words = Words().Matches(line.Text).ToList();
            if (words.Count < 2 || line.Text[..words[0].Index].Count(c => !char.IsWhiteSpace(c)) > 1) continue;
            // Consecutive capitalised words with only spaces between them (DAVID R@BRIGUEZ is no name read whole).
            var name = new List<Match>();
            foreach (var w in words)
            {
                if (!IsCapitalised(w.Value) || CardWord().IsMatch(w.Value.Trim('.', '\''))) break;
                if (name.Count == 0 && Title().IsMatch(w.Value)) continue;
                if (name.Count > 0 && !string.IsNullOrWhiteSpace(line.Text[(name[^1].Index + name[^1].Length)..w.Index])) break;
                name.Add(w);
            }
            if (name.Count is < 2 or > 4 || name.Count(w => w.Value.Count(char.IsLetter) >= 2) < 2) continue;
            var start = name[0].Index;
            var end = name[^1].Index + name[^1].Length;
            var text = line.Text[start..end];
            if (!PersonName.IsPlausible(text) || BankNames.Match(text) is not null) continue;
            // Printed in capitals: a lower-case letter among them is OCR's (RODRIGUEz); upper-cased, the name is name-cased
            // like every patient name (Nancy Rodriguez).
            return LabelledFields.FromSpan(FieldNames.PatientName, line.Slice(start, end), new ReadValue(text, text.ToUpperInvariant(), 1), HolderStrength);
        }
        return null;
    }
}
