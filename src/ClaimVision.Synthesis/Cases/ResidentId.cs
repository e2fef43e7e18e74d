namespace ClaimVision.Synthesis.Cases;

/// <summary>Chinese resident identity numbers (GB 11643): region code, birth date, sequence (odd for men),
/// and an ISO 7064 MOD 11-2 check character.</summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>The check character for the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17) throw new ArgumentException("A resident ID has 17 digits before its check character.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (first17[i] is < '0' or > '9') throw new ArgumentException($"Position {i + 1} of a resident ID must be a digit.", nameof(first17));
            sum += (first17[i] - '0') * Weights[i];
        }
        return CheckCharacters[sum % 11];
    }

    public static bool IsValid(string id) =>
        id.Length == 18 && id[..17].All(char.IsAsciiDigit) && char.ToUpperInvariant(id[17]) == CheckCharacter(id.AsSpan(0, 17));

    public static string Create(string regionCode, DateOnly birthDate, int sequence, bool male)
    {
        var seq = sequence % 500 * 2 + (male ? 1 : 0);
        var first17 = $"{regionCode}{birthDate:yyyyMMdd}{seq:000}";
        return first17 + CheckCharacter(first17);
    }
}
