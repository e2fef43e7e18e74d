namespace ClaimVision.Domain.Identity;

/// <summary>
/// GB/T 2260 administrative division codes: PPCCDD. A code ending in "0000" names a province,
/// one ending in "00" a prefecture-level city; any other code a county-level division.
/// </summary>
public static class RegionCode
{
    public static bool IsValid(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit) && code[..2] != "00";

    /// <summary>True when <paramref name="area"/> is <paramref name="code"/> itself or contains it
    /// (a province contains its cities and counties, a city its counties).</summary>
    public static bool Covers(string area, string code)
    {
        if (!IsValid(area) || !IsValid(code)) return false;
        if (area.EndsWith("0000", StringComparison.Ordinal)) return code.StartsWith(area[..2], StringComparison.Ordinal);
        if (area.EndsWith("00", StringComparison.Ordinal)) return code.StartsWith(area[..4], StringComparison.Ordinal);
        return area == code;
    }
}
