using System.Text.RegularExpressions;
using ClaimVision.Domain.Identity;
using ClaimVision.Domain.Payments;

namespace ClaimVision.Domain.Privacy;

/// <summary>
/// The last line of defence for free text on its way to a log (an exception message, a library's log line): masks the
/// personal numbers a pattern can recognise, as <see cref="Mask"/> masks them. Call sites still mask what they log
/// themselves; this catches what they could not (MassTransit's retry and fault lines quote an exception as thrown).
/// </summary>
/// <remarks>
/// <para>Masked:</para>
/// <list type="bullet">
/// <item>a resident ID number — 17 digits and a digit or X/x — that <see cref="ResidentId.TryParse"/> accepts (valid birth
/// date and check character), as <see cref="Mask.IdNumber"/> masks it (region and last four). The 15-digit
/// first-generation form has no check character and <see cref="ResidentId"/> does not accept it, so it is not recognised
/// as an ID: it is masked only when it happens to pass the Luhn check below;</item>
/// <item>a payment card or account number — 13 to 19 digits, or groups of four joined by single spaces or single dashes
/// (<c>6222 0212 3456 7890 123</c>; the last group may be shorter) — whose last digit is its Luhn check digit, as
/// <see cref="Mask.CardNumber"/> masks it (issuer prefix and last four, separators dropped).</item>
/// </list>
/// <para>A number is taken whole: one run into further digits (a 20-digit invoice number holds 18- and 16-digit runs) is
/// left alone, and so is a group of four that continues a longer grouped run. Letters around it do not matter: an ID
/// glued to a label or a file name (<c>ID110105…</c>, <c>110105….jpg</c>, <c>身份证号110105…</c>) is masked too, since
/// that is how people write them and a false positive costs only a few stars. Full-width digits (as OCR may return them)
/// count as digits.</para>
/// <para>Nothing else changes: invoice numbers, amounts, dates, claim ids and GUIDs stay as written — unless one happens
/// to pass these checks (about one 13–19 digit number in ten passes the Luhn check; an 18-digit one must also hold a valid
/// date and check character to pass as an ID). Masking such a rare number in a log is accepted: a leaked ID or card
/// number is worse.</para>
/// <para>Not caught: names (no pattern tells 王小明 or Jane Doe from other words; call sites keep masking them with
/// <see cref="Mask.Name"/>), addresses, birth dates on their own, IDs or cards split in other ways (<c>110105 19491231
/// 002X</c>, Amex's 4-6-5), and card numbers without a Luhn digit.</para>
/// </remarks>
public static partial class PersonalDataScrubber
{
    /// <summary>The fewest digits of anything masked (a card number's minimum).</summary>
    private const int MinDigits = PaymentCard.MinLength;

    /// <summary>
    /// <paramref name="text"/> with every resident ID and Luhn-valid card number masked; the same instance when nothing
    /// was masked, and at once (no regular expression) when the text holds no run of 13 or more digits (digits joined by
    /// single spaces or dashes counted as one run). Null gives "".
    /// </summary>
    public static string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text) || !HasLongDigitRun(text)) return text ?? "";
        var scrubbed = Candidates().Replace(text, MaskMatch);
        return string.Equals(scrubbed, text, StringComparison.Ordinal) ? text : scrubbed;
    }

    /// <summary>A number not run into other digits: 18 characters that may be a resident ID, a grouped card number (not
    /// continuing a longer grouped run), or 13–19 plain digits.</summary>
    [GeneratedRegex("""
        (?<![0-9０-９])
        (?:
            (?<id>[0-9０-９]{17}[0-9０-９XxＸｘ])
          | (?<![0-9０-９][ -])
            (?<grouped>[0-9０-９]{4}(?<sep>[ -])[0-9０-９]{4}(?:\k<sep>[0-9０-９]{4}){1,2}(?:\k<sep>[0-9０-９]{1,4})?)
            (?![ -][0-9０-９])
          | (?<plain>[0-9０-９]{13,19})
        )
        (?![0-9０-９])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.ExplicitCapture)]
    private static partial Regex Candidates();

    private static string MaskMatch(Match match)
    {
        var value = match.Value;
        if (match.Groups["id"].Success && ResidentId.TryParse(value, out _, out _)) return Mask.IdNumber(value);
        var digits = AsciiDigits(value);
        return digits.Length is >= PaymentCard.MinLength and <= PaymentCard.MaxLength && PaymentCard.PassesLuhn(digits)
            ? Mask.CardNumber(value)
            : value;
    }

    /// <summary>The digits of a match, full-width ones folded to ASCII, separators dropped; "" when it ends in X.</summary>
    private static string AsciiDigits(string value)
    {
        Span<char> digits = stackalloc char[value.Length];
        var n = 0;
        foreach (var c in value)
        {
            if (c is >= '0' and <= '9') digits[n++] = c;
            else if (c is >= '０' and <= '９') digits[n++] = (char)('0' + (c - '０'));
            else if (c is not (' ' or '-')) return "";
        }
        return new string(digits[..n]);
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    /// <summary>True when <paramref name="text"/> holds <see cref="MinDigits"/> or more digits in a row, a single space or
    /// dash between two digits not breaking the row.</summary>
    private static bool HasLongDigitRun(string text)
    {
        var run = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsDigit(c))
            {
                if (++run >= MinDigits) return true;
            }
            else if (!(run > 0 && c is (' ' or '-') && i + 1 < text.Length && IsDigit(text[i + 1])))
            {
                run = 0;
            }
        }
        return false;
    }
}
