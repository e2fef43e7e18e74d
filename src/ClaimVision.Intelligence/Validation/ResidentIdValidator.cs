using System.Globalization;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Identity;

namespace ClaimVision.Intelligence.Validation;

/// <summary>
/// Checks a Chinese resident identity number (GB 11643-1999): 18 characters = 6-digit region code,
/// birth date yyyyMMdd, 3-digit sequence, ISO 7064 MOD 11-2 check character (0–9 or X); or the legacy
/// 15-digit form (birth date yyMMdd in the 19xx century, no check character).
/// </summary>
public static class ResidentIdValidator
{
    /// <summary>Name of the check that the MOD 11-2 check character matches the first 17 digits.</summary>
    public const string CheckDigit = "idCheckDigit";

    /// <summary>At most the share of wrong 18-character readings that still pass the check character: none with a single
    /// wrong digit, one in 11 of the rest.</summary>
    public const double CheckDigitFalsePassRate = 1.0 / 11;

    /// <summary>The normalised form of an ID field: as the assessment normalises an ID (<see cref="ResidentId.Normalize"/>:
    /// no spaces, upper case, full-width digits and x folded to ASCII), with the O→0 confusion repaired.</summary>
    public static string Normalize(string printed) => ResidentId.Normalize(printed).Replace('O', '0');

    /// <summary>Whether a read ID number is a member or insurance number (XVT326004448, W123456789, OJO949387615) rather
    /// than a resident ID, so that none of these checks applies: it starts with a letter or a 0 (no region code does: a
    /// resident ID starts with 1 to 8, so its first character is never a 0 misread as O, and a leading 0 is a member
    /// number's O misread), or holds two or more letters besides a final X and the Os that stand for 0s. A resident ID with
    /// a glyph misread as a letter (1101051949S231002X) or read short is still a resident ID, and still fails its checks.</summary>
    public static bool IsMemberNumber(string printed)
    {
        var asRead = ResidentId.Normalize(printed);
        if (asRead.Length == 0) return false;
        var id = asRead.Replace('O', '0');
        var body = id[^1] == 'X' ? id[..^1] : id;
        return char.IsAsciiLetter(asRead[0]) || asRead[0] == '0' || body.Count(char.IsAsciiLetter) >= 2;
    }

    /// <summary>Runs every check on a printed ID; the caller lowers the field's confidence for each failure.</summary>
    public static IReadOnlyList<FieldCheck> Check(string printed, DateOnly today)
    {
        var id = Normalize(printed);
        var checks = new List<FieldCheck>();
        if (id.Length == 18)
        {
            var shape = id[..17].All(char.IsAsciiDigit) && (char.IsAsciiDigit(id[17]) || id[17] == 'X');
            checks.Add(new FieldCheck("idShape", shape, shape ? "18 characters: 17 digits and a check character" : "an 18-character ID must be 17 digits and a digit or X"));
            if (!shape) return checks;
            var expected = ResidentId.CheckCharacter(id.AsSpan(0, 17));
            var ok = expected == id[17];
            checks.Add(new FieldCheck(CheckDigit, ok, ok ? "ISO 7064 MOD 11-2 check character matches" : $"check character is {id[17]}, MOD 11-2 gives {expected}"));
            checks.Add(BirthDate(id.Substring(6, 8), today));
        }
        else if (id.Length == 15)
        {
            var shape = id.All(char.IsAsciiDigit);
            checks.Add(new FieldCheck("idShape", shape, shape ? "legacy 15-digit ID" : "a 15-character ID must be all digits"));
            if (!shape) return checks;
            checks.Add(BirthDate(string.Concat("19", id.AsSpan(6, 6)), today));
        }
        else
        {
            checks.Add(new FieldCheck("idShape", false, $"a resident ID has 18 (or legacy 15) characters, this one has {id.Length}"));
            return checks;
        }
        checks.Add(RegionCode(id[..6]));
        return checks;
    }

    /// <summary>The birth date inside a valid-shaped ID, or null.</summary>
    public static DateOnly? BirthDateOf(string printed)
    {
        var id = Normalize(printed);
        var digits = id.Length == 18 ? id.Substring(6, 8) : id.Length == 15 ? string.Concat("19", id.AsSpan(6, 6)) : null;
        return digits is not null && DateOnly.TryParseExact(digits, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
    }

    private static FieldCheck BirthDate(string yyyymmdd, DateOnly today)
    {
        if (!DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
            return new FieldCheck("idBirthDate", false, "the birth date it encodes (characters 7–14) is not a calendar date");
        var ok = birth.Year >= 1900 && birth <= today;
        return new FieldCheck("idBirthDate", ok, ok ? "birth date is a past calendar date" : "the birth date it encodes is before 1900 or after today");
    }

    // Province codes (first two digits) run 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81–83 (GB/T 2260).
    private static FieldCheck RegionCode(string region)
    {
        var province = int.Parse(region[..2], CultureInfo.InvariantCulture);
        var ok = province is >= 11 and <= 15 or >= 21 and <= 23 or >= 31 and <= 37 or >= 41 and <= 46
                 or >= 50 and <= 54 or >= 61 and <= 65 or 71 or >= 81 and <= 83;
        return new FieldCheck("idRegion", ok, ok ? "province code is a GB/T 2260 code" : $"province code {region[..2]} does not exist");
    }
}
