using System.Globalization;
using System.Text;
using ClaimVision.Domain.Documents;
using ClaimVision.Domain.Privacy;

namespace ClaimVision.Domain.Identity;

/// <summary>One person's enrolment in one policy, as the insurer (or the poverty-alleviation office) registered it.</summary>
public sealed record InsuredEntry
{
    public required string Name { get; init; }
    /// <summary>Resident ID (upper-case X) or, for policies outside China, the member number.</summary>
    public required string IdNumber { get; init; }
    public required DateOnly BirthDate { get; init; }
    public string? HouseholdId { get; init; }
    /// <summary>GB/T 2260 county code of the registered residence; empty outside China.</summary>
    public string? CountyCode { get; init; }
    public required string PolicyId { get; init; }
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    /// <summary>Where the entry came from, for evidence ("insured.csv line 4").</summary>
    public string Source { get; init; } = "";

    public bool CoversDay(DateOnly day) => day >= From && day <= To;
}

/// <summary>A registry file that cannot be used: which file, which line, why.</summary>
public sealed class RegistryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The insured people a claim is matched against, loaded from CSV with the header
/// <c>name,idNumber,birthDate,householdId,countyCode,policyId,from,to</c>. Rows with a resident ID must carry
/// a valid check digit and a birth date that agrees with the ID: a registry error would otherwise reject honest claims.
/// </summary>
public sealed class InsuredRegistry
{
    private static readonly string[] Header = ["name", "idNumber", "birthDate", "householdId", "countyCode", "policyId", "from", "to"];

    private readonly Dictionary<string, List<InsuredEntry>> _byId;
    private readonly Dictionary<string, List<InsuredEntry>> _byHousehold;

    public InsuredRegistry(IEnumerable<InsuredEntry> entries)
    {
        Entries = [.. entries];
        _byId = Entries.GroupBy(e => ResidentId.Normalize(e.IdNumber), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        _byHousehold = Entries.Where(e => !string.IsNullOrEmpty(e.HouseholdId))
            .GroupBy(e => e.HouseholdId!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
    }

    public static InsuredRegistry Empty { get; } = new([]);

    public IReadOnlyList<InsuredEntry> Entries { get; }

    /// <summary>Every enrolment of the person with this ID number (any policy).</summary>
    public IReadOnlyList<InsuredEntry> ByIdNumber(string? idNumber) =>
        _byId.TryGetValue(ResidentId.Normalize(idNumber), out var list) ? list : [];

    /// <summary>The enrolment of this person in this policy, or null.</summary>
    public InsuredEntry? Find(string? idNumber, string policyId) =>
        ByIdNumber(idNumber).FirstOrDefault(e => e.PolicyId == policyId);

    public IReadOnlyList<InsuredEntry> ByHousehold(string householdId) =>
        _byHousehold.TryGetValue(householdId, out var list) ? list : [];

    public static InsuredRegistry Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RegistryException($"Registry file '{path}' cannot be read: {e.Message}", e);
        }
        return Parse(text, path);
    }

    public static InsuredRegistry Parse(string text, string source)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count == 0 || lines[0].Trim().TrimStart('\uFEFF') != string.Join(',', Header))
            throw new RegistryException($"Registry file '{source}' line 1: the header must be '{string.Join(',', Header)}'.");
        var entries = new List<InsuredEntry>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            entries.Add(ParseRow(lines[i], $"{Path.GetFileName(source)} line {i + 1}", $"Registry file '{source}' line {i + 1}"));
        }
        return new InsuredRegistry(entries);
    }

    private static InsuredEntry ParseRow(string line, string where, string errorPrefix)
    {
        var cells = line.Split(',').Select(c => c.Trim()).ToArray();
        if (cells.Length != Header.Length)
            throw new RegistryException($"{errorPrefix}: {cells.Length} columns, expected {Header.Length} ({string.Join(',', Header)}).");
        var name = cells[0];
        var id = ResidentId.Normalize(cells[1]);
        if (name.Length == 0) throw new RegistryException($"{errorPrefix}: the name is empty.");
        if (id.Length == 0) throw new RegistryException($"{errorPrefix}: the ID number is empty.");
        var birth = Date(cells[2], "birthDate", errorPrefix, personal: true);
        if (LooksLikeResidentId(id))
        {
            if (!ResidentId.TryParse(id, out var rid, out var error))
                throw new RegistryException($"{errorPrefix}: ID number {Mask.IdNumber(id)} {error}.");
            if (rid!.BirthDate != birth)
                throw new RegistryException($"{errorPrefix}: birthDate disagrees with the birth date in ID number {Mask.IdNumber(id)}.");
        }
        var county = cells[4];
        if (county.Length > 0 && !RegionCode.IsValid(county))
            throw new RegistryException($"{errorPrefix}: countyCode '{county}' is not a 6-digit GB/T 2260 code.");
        var from = Date(cells[6], "from", errorPrefix);
        var to = Date(cells[7], "to", errorPrefix);
        if (from > to) throw new RegistryException($"{errorPrefix}: 'from' is after 'to'.");
        if (cells[5].Length == 0) throw new RegistryException($"{errorPrefix}: the policyId is empty.");
        return new InsuredEntry
        {
            Name = name, IdNumber = id, BirthDate = birth, HouseholdId = cells[3].Length > 0 ? cells[3] : null,
            CountyCode = county.Length > 0 ? county : null, PolicyId = cells[5], From = from, To = to, Source = where,
        };
    }

    /// <summary>17 digits and a digit or X: a PRC resident ID, whose check digit we can verify.</summary>
    public static bool LooksLikeResidentId(string id) =>
        id.Length == 18 && id.AsSpan(0, 17).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>A yyyy-MM-dd cell; a cell that is not one is an error that quotes it, unless it is
    /// <paramref name="personal"/> (a birth date: registry errors reach host logs, so it is masked as reasons mask it).</summary>
    private static DateOnly Date(string cell, string column, string errorPrefix, bool personal = false) =>
        DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new RegistryException($"{errorPrefix}: {column} '{(personal ? Mask.FieldValue(FieldNames.PatientBirthDate, cell) : cell)}' is not a date (yyyy-MM-dd).");
}
