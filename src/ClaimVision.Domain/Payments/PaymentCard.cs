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
    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        if (digits.Length < 2) return false;
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var c = digits[digits.Length - 1 - i];
            if (!char.IsAsciiDigit(c)) return false;
            var d = c - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>The Luhn check digit that completes <paramref name="digitsWithoutCheck"/>.</summary>
    public static char CheckDigit(ReadOnlySpan<char> digitsWithoutCheck)
    {
        var sum = 0;
        for (var i = 0; i < digitsWithoutCheck.Length; i++)
        {
            var d = digitsWithoutCheck[digitsWithoutCheck.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return (char)('0' + (10 - sum % 10) % 10);
    }
}
