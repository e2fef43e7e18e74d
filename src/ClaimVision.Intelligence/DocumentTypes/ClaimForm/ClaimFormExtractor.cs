using System.Text.RegularExpressions;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Payments;
using ClaimVision.Intelligence.Extraction;

namespace ClaimVision.Intelligence.DocumentTypes.ClaimForm;

/// <summary>Reads the labelled fields of a claim form (see <see cref="ClaimFormSchema"/>); an ICD-10 code inside the diagnosis
/// line is split off (<see cref="DiagnosisLine"/>), and the payout account is found where OCR lost its label
/// (<see cref="UnlabelledAccount"/>).</summary>
public sealed partial class ClaimFormExtractor() : LabelledTypeExtractor(ClaimFormSchema.Schema)
{
    /// <summary>The most an account found without its label is trusted: its Luhn digit backs its digits, not that it is the payout account.</summary>
    public const double UnlabelledAccountConfidence = 0.6;

    protected override void Complete(Dictionary<string, ExtractedField> fields, DocumentView view, ExtractionContext context)
    {
        DiagnosisLine.SplitCode(fields, context);
        UnlabelledAccount(fields, view);
    }

    /// <summary>
    /// The account a claimant asks to be paid into, on a form that names the bank (开户银行 read) but whose 银行账号 label OCR
    /// lost (<c>: 6217006955625214443</c> alone on its line): the one line that is nothing but a card number of 16 to 19
    /// digits (a colon or bar before it at most) whose last digit is its Luhn check digit. A number of a resident ID's 18
    /// digits is never taken (the form prints the claimant's ID too, and one ID in ten passes a Luhn check). Trusted at most
    /// <see cref="UnlabelledAccountConfidence"/>; two such lines give nothing.
    /// </summary>
    private static void UnlabelledAccount(Dictionary<string, ExtractedField> fields, DocumentView view)
    {
        if (fields.ContainsKey(FieldNames.CardNumber) || !fields.ContainsKey(FieldNames.BankName)) return;
        var found = view.Lines
            .Select(l => (Line: l, Match: AccountLine().Match(l.Text)))
            .Where(c => c.Match.Success && c.Match.Groups["digits"].Value is var d && d.Length != 18 && PaymentCard.PassesLuhn(d))
            .ToList();
        if (found is not [var (line, match)]) return;
        var digits = match.Groups["digits"].Value;
        fields[FieldNames.CardNumber] = new ExtractedField
        {
            Name = FieldNames.CardNumber,
            Value = digits,
            Normalized = digits,
            Confidence = Math.Min(line.Line.Confidence, UnlabelledAccountConfidence),
            Box = line.Box,
            Page = line.Page,
            Checks = [new FieldCheck(Validation.CardNumberCheck.Name, true, "the last digit is the Luhn check digit of the others (it is how this line was found)"),
                new FieldCheck("accountLabelled", false, "the account number's label was not read; the form names the bank, and this line " +
                "is nothing but a card number. Check it on the image.")],
        };
    }

    [GeneratedRegex(@"^\s*[:：|]?\s*(?<digits>[0-9]{16,19})\s*$")]
    private static partial Regex AccountLine();
}
