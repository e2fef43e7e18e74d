using System.Globalization;

namespace ClaimVision.Domain.Identity;

/// <summary>
/// A PRC resident identity number (GB 11643): 6-digit region code (GB/T 2260), 8-digit birth date,
/// 3-digit sequence (odd for men, even for women) and an ISO 7064 MOD 11-2 check character (0–9 or X).
/// </summary>
public sealed record ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentId(string value, string regionCode, DateOnly birthDate)
    {
        Value = value;
        RegionCode = regionCode;
        BirthDate = birthDate;
    }

    /// <summary>The 18 characters, upper-case X.</summary>
    public string Value { get; }
    public string RegionCode { get; }
    public DateOnly BirthDate { get; }

    /// <summary>The ISO 7064 MOD 11-2 check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("The check character is computed over exactly 17 digits.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var d = first17[i] - '0';
            if (d is < 0 or > 9) throw new ArgumentException("The first 17 characters of a resident ID are digits.", nameof(first17));
            sum += d * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    /// <summary>Parses and validates; on failure <paramref name="error"/> says which rule failed (never echoes the number).</summary>
    public static bool TryParse(string? text, out ResidentId? id, out string error)
    {
        id = null;
        var s = Normalize(text);
        if (s.Length != 18) { error = $"has {s.Length} characters, a resident ID has 18"; return false; }
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(s[i])) { error = $"character {i + 1} is not a digit"; return false; }
        }
        if (!char.IsAsciiDigit(s[17]) && s[17] != 'X') { error = "the check character is not a digit or X"; return false; }
        if (!DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            error = "the birth date part is not a valid date"; return false;
        }
        if (CheckCharacter(s.AsSpan(0, 17)) != s[17]) { error = "the check digit does not match (ISO 7064 MOD 11-2)"; return false; }
        error = "";
        id = new ResidentId(s, s[..6], birth);
        return true;
    }

    /// <summary>Upper-case, without spaces; full-width digits and x folded to ASCII. Also used for member numbers of non-Chinese policies.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var chars = new List<char>(text.Length);
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) continue;
            var folded = c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c is 'ｘ' or 'Ｘ' ? 'X' : char.ToUpperInvariant(c);
            chars.Add(folded);
        }
        return new string([.. chars]);
    }

    /// <summary>Full years of age on <paramref name="day"/>; someone born on 29 February comes of age on 1 March in common years.</summary>
    public static int AgeOn(DateOnly birthDate, DateOnly day)
    {
        var age = day.Year - birthDate.Year;
        if ((day.Month, day.Day).CompareTo((birthDate.Month, birthDate.Day)) < 0) age--;
        return age;
    }

    public override string ToString() => Privacy.Mask.IdNumber(Value);
}
