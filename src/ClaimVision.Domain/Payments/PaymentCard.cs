namespace ClaimVision.Domain.Payments;

/// <summary>
/// Payment card numbers (ISO/IEC 7812: a 6–8 digit issuer prefix, the account, one Luhn check digit; 13 to 19 digits in
/// all). The check digit catches every single misread digit and every swap of two neighbours except 09/90, which is
/// what makes it worth checking on an OCR reading. Some old Chinese debit cards carry no Luhn digit, so a failed check
/// means "probably misread, a person looks", never "not a card".
/// </summary>
public static class PaymentCard
{
    public const int MinLength = 13;
    public const int MaxLength = 19;

    /// <summary>The digits of a printed card number, spaces and dashes dropped; null when anything else is in it or the
    /// length is no card's.</summary>
    public static string? Normalize(string? printed)
    {
        if (string.IsNullOrWhiteSpace(printed)) return null;
        var digits = new System.Text.StringBuilder(printed.Length);
        foreach (var c in printed)
        {
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c is not (' ' or '-')) return null;
        }
        return digits.Length is >= MinLength and <= MaxLength ? digits.ToString() : null;
    }

    /// <summary>True when the last digit is the Luhn check digit of the others. Digits only.</summary>
    public static bool PassesLuhn(ReadOnlySpan<char> digits) =>
        digits.Length >= 2 && !digits.ContainsAnyExceptInRange('0', '9') && LuhnSum(digits, doubleLast: false) % 10 == 0;

    /// <summary>The Luhn check digit that completes <paramref name="digitsWithoutCheck"/>.</summary>
    public static char CheckDigit(ReadOnlySpan<char> digitsWithoutCheck) =>
        (char)('0' + (10 - LuhnSum(digitsWithoutCheck, doubleLast: true) % 10) % 10);

    /// <summary>Of candidate readings in order, the first whose digits pass the Luhn check, else the first; null for none.</summary>
    public static T? PreferValid<T>(IEnumerable<T> candidates, Func<T, string> digits) where T : class
    {
        T? first = null;
        foreach (var candidate in candidates)
        {
            if (PassesLuhn(digits(candidate))) return candidate;
            first ??= candidate;
        }
        return first;
    }

    /// <summary>The Luhn sum: every second digit from the right doubled (its digits added), starting with the last one when
    /// <paramref name="doubleLast"/> (a number still without its check digit) or the one before it.</summary>
    private static int LuhnSum(ReadOnlySpan<char> digits, bool doubleLast)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == (doubleLast ? 0 : 1))
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum;
    }
}
