using System.Globalization;
using ClaimVision.Domain.Claims;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Payments;
using ClaimVision.Domain.Privacy;
using static ClaimVision.Domain.Assessment.AssessmentContext;

namespace ClaimVision.Domain.Assessment;

/// <summary>
/// Payee: where the money goes. The account is read from the trusted bank cards of the claim (<c>cardNumber</c>,
/// <c>bankName</c>, <c>expiryDate</c>, and on English cards the holder's <c>patientName</c>) and from the claim form's
/// 开户银行 / 银行账号 (<c>bankName</c>, <c>cardNumber</c>). A <c>cardNumber</c> on any other document type (a social
/// security card's, a driver licence's) is no bank account and is not read here.
/// A number that fails its Luhn check digit is probably misread; two valid numbers that differ leave open which
/// account is meant; an expired card may refuse the transfer; a card in another person's name needs the insured's
/// authorisation. Each is a doubt for a person to settle, never a reason to reject: the factors are only ever pass or
/// uncertain. A claim that shows no bank details at all gets no payee factor.
/// </summary>
public sealed class PayeeRule : IFactorRule
{
    public const string AccountFactor = "payee.account";
    public const string HolderFactor = "payee.holder";

    public IEnumerable<Factor> Evaluate(AssessmentContext context)
    {
        var cards = context.OfType(DocumentType.BankCard).ToList();
        var forms = context.OfType(DocumentType.ClaimForm).ToList();
        var numbers = Readings(cards.Concat(forms), FieldNames.CardNumber);
        var banks = Readings(cards.Concat(forms), FieldNames.BankName);
        var expiries = Readings(cards, FieldNames.ExpiryDate);
        var holders = Readings(cards, FieldNames.PatientName);
        if (numbers.Count + banks.Count + expiries.Count + holders.Count == 0) yield break;

        yield return Account(context, numbers, banks, expiries, holders);
        if (holders.Count > 0) yield return Holder(context, holders);
    }

    private static Factor Account(AssessmentContext context, List<(AnalyzedDocument Document, ExtractedField Field)> numbers,
        List<(AnalyzedDocument Document, ExtractedField Field)> banks, List<(AnalyzedDocument Document, ExtractedField Field)> expiries,
        List<(AnalyzedDocument Document, ExtractedField Field)> holders)
    {
        var problems = new List<string>();
        var doubtful = new List<Evidence>();
        var valid = new List<(AnalyzedDocument Document, ExtractedField Field, string Digits)>();
        foreach (var (doc, field) in numbers)
        {
            var digits = PaymentCard.Normalize(field.Normalized ?? field.Value);
            if (digits is null)
            {
                problems.Add($"the account number on {doc.FileName} is no card number of {PaymentCard.MinLength}–{PaymentCard.MaxLength} digits, probably misread");
                doubtful.Add(Evidence(doc, field));
            }
            else if (!PaymentCard.PassesLuhn(digits))
            {
                problems.Add($"the account number on {doc.FileName} ({Mask.CardNumber(digits)}) fails its check digit, probably misread");
                doubtful.Add(Evidence(doc, field));
            }
            else valid.Add((doc, field, digits));
        }

        var accounts = valid.GroupBy(v => v.Digits, StringComparer.Ordinal).ToList();
        if (accounts.Count > 1)
        {
            problems.Add("the documents name different accounts: " + string.Join(", ", valid.Select(v => $"{v.Document.FileName} {Mask.CardNumber(v.Digits)}")));
            doubtful.AddRange(valid.Select(v => Evidence(v.Document, v.Field)));
        }
        if (numbers.Count == 0)
        {
            var shown = banks.Concat(expiries).Concat(holders).Select(r => r.Document).DistinctBy(d => d.DocumentId).ToList();
            problems.Add($"bank details are shown on {string.Join(", ", shown.Select(d => d.FileName))} but no account number was read");
            doubtful.AddRange(shown.Select(d => Evidence(d, "no account number read")));
        }

        var submitted = DateOnly.FromDateTime((context.Claim.SubmittedAt ?? context.Now).Date);
        var expiryEvidence = new List<Evidence>();
        foreach (var (doc, field) in expiries)
        {
            if (Expiry(Text(field)) is not { } expiry) continue; // an unreadable expiry says nothing about the account
            expiryEvidence.Add(Evidence(doc, field));
            if (expiry.LastValidDay >= submitted) continue;
            problems.Add($"the bank card {doc.FileName} expired {expiry.Printed}, before the claim was submitted ({Iso(submitted)}); a transfer to it may fail");
            doubtful.Add(Evidence(doc, field));
        }

        if (problems.Count > 0)
            return Factors.Uncertain(AccountFactor, Capitalise(string.Join("; ", problems)) + ".", doubtful);

        var account = accounts.Single();
        var agreeing = account.Select(v => Evidence(v.Document, v.Field)).ToList();
        // The bank as printed on a card rather than as written on a form, when both are there.
        var bank = banks.OrderBy(b => b.Document.Type == DocumentType.BankCard ? 0 : 1).Select(b => Text(b.Field)).FirstOrDefault(b => b.Length > 0);
        var factor = Factors.Pass(AccountFactor,
            $"Payment to account {Mask.CardNumber(account.Key)}{(bank is null ? "" : $" ({bank})")}, read on {agreeing.Count} document(s).",
            [.. agreeing, .. banks.Select(b => Evidence(b.Document, b.Field)), .. expiryEvidence]);
        // The conclusion is the account: as sure as the surest reading of a number that passes its check digit and that
        // every other reading repeats exactly (a misread bank name or expiry does not make the account less sure).
        return factor with { Weight = account.Max(v => v.Field.Confidence) };
    }

    private static Factor Holder(AssessmentContext context, List<(AnalyzedDocument Document, ExtractedField Field)> holders)
    {
        var (reference, referenceSource) = IdentityRule.ReferenceName(context);
        var names = NameReadings.Compare(holders, reference,
            (doc, read) => $"the bank card {doc.FileName} is in the name of {Mask.Name(read)}, not the insured {Mask.Name(reference)}");
        if (names.Different.Count > 0)
            return Factors.Uncertain(HolderFactor, Capitalise(string.Join("; ", names.DifferentNotes)) + ": paying someone else needs the insured's authorisation.",
                [referenceSource, .. names.Different]);
        var detail = names.Notes.Count > 0 ? " (" + string.Join("; ", names.Notes) + ")" : "";
        // As for identity.name: a sure exact reading leaves only the look-alikes' doubt in the factor.
        return names.Weigh(Factors.Pass(HolderFactor, $"The holder's name on {names.Matching.Count} bank card(s) agrees with {(context.Entry is null ? "the claim" : "the registry")}{detail}.",
            [referenceSource, .. names.Matching]), context.Policy);
    }

    private static List<(AnalyzedDocument Document, ExtractedField Field)> Readings(IEnumerable<AnalyzedDocument> documents, string name) =>
        [.. documents.Select(d => (d, f: d.Field(name))).Where(x => x.f is not null && !string.IsNullOrWhiteSpace(x.f.Normalized ?? x.f.Value)).Select(x => (x.d, x.f!))];

    /// <summary>A card's expiry: the month it is valid through (<c>yyyy-MM</c>, or as printed <c>MM/yy</c>), or a full date.</summary>
    private static (DateOnly LastValidDay, string Printed)? Expiry(string text)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return (day, Iso(day));
        foreach (var format in new[] { "yyyy-MM", "MM/yy", "MM/yyyy" })
        {
            if (!DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) continue;
            var last = new DateOnly(month.Year, month.Month, DateTime.DaysInMonth(month.Year, month.Month));
            return (last, last.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }
        return null;
    }
}
