using System.Text.Json;
using System.Text.Json.Serialization;
using ClaimVision.Domain.Identity;

namespace ClaimVision.Domain.Policies;

/// <summary>A policy file that cannot be used, with the file and the JSON path of the problem.</summary>
public sealed class PolicyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads policy files strictly: an unknown property, a missing required one, a wrong type or an impossible
/// value (ratio above 1, age range upside down …) is an error naming the file and the JSON path, because a
/// silently ignored typo in a policy pays the wrong amount.
/// </summary>
public static class PolicyLoader
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static Policy Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new PolicyException($"Policy file '{path}' cannot be read: {e.Message}", e);
        }
        return Parse(text, path);
    }

    /// <param name="source">Named in error messages (the file path, or "inline").</param>
    public static Policy Parse(string text, string source)
    {
        Policy? policy;
        try
        {
            policy = JsonSerializer.Deserialize<Policy>(text, Options);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? $" (line {l + 1})" : "";
            throw new PolicyException($"Policy file '{source}' is invalid at {e.Path ?? "$"}{line}: {FirstSentence(e.Message)}", e);
        }
        if (policy is null) throw new PolicyException($"Policy file '{source}' is invalid at $: the file holds null, not a policy object.");
        var problems = Validate(policy).ToList();
        if (problems.Count > 0)
            throw new PolicyException($"Policy file '{source}' is invalid: " + string.Join("; ", problems.Select(p => $"{p.Path}: {p.Message}")));
        return policy;
    }

    // System.Text.Json appends "Path: … | LineNumber: …" which we already report in our own words.
    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static IEnumerable<(string Path, string Message)> Validate(Policy p)
    {
        if (string.IsNullOrWhiteSpace(p.Id)) yield return ("$.id", "must not be empty");
        if (string.IsNullOrWhiteSpace(p.Version)) yield return ("$.version", "must not be empty");
        if (p.Currency.Length != 3 || !p.Currency.All(char.IsAsciiLetterUpper)) yield return ("$.currency", $"'{p.Currency}' is not an ISO 4217 code such as CNY or USD");
        var ins = p.Insurable;
        if (ins.MinAge < 0 || ins.MaxAge > 130 || ins.MinAge > ins.MaxAge) yield return ("$.insurable", $"age range {ins.MinAge}–{ins.MaxAge} is not a valid range");
        for (var i = 0; i < ins.Regions.Count; i++)
        {
            if (!RegionCode.IsValid(ins.Regions[i].Code)) yield return ($"$.insurable.regions[{i}].code", $"'{ins.Regions[i].Code}' is not a 6-digit GB/T 2260 code");
        }
        if (p.Period.From > p.Period.To) yield return ("$.period", "'from' is after 'to'");
        foreach (var problem in Money("$.deductible.amount", p.Deductible.Amount)) yield return problem;
        foreach (var problem in Ratio("$.ratio.default", p.Ratio.Default)) yield return problem;
        foreach (var (level, r) in p.Ratio.ByHospitalLevel)
            foreach (var problem in Ratio($"$.ratio.byHospitalLevel.{level}", r)) yield return problem;
        if (p.Caps.PerClaim is { } perClaim)
            foreach (var problem in Money("$.caps.perClaim", perClaim)) yield return problem;
        if (p.Caps.PerYear is { } perYear)
            foreach (var problem in Money("$.caps.perYear", perYear)) yield return problem;
        if (p.RequiredDocuments.Count == 0) yield return ("$.requiredDocuments", "lists no document; a claim needs at least a bill");
        for (var i = 0; i < p.RequiredDocuments.Count; i++)
        {
            if (p.RequiredDocuments[i].AnyOf.Count == 0) yield return ($"$.requiredDocuments[{i}].anyOf", "lists no document type");
        }
        for (var i = 0; i < p.Exclusions.Count; i++)
        {
            if (p.Exclusions[i].Icd10Prefixes.Count == 0 && p.Exclusions[i].Keywords.Count == 0)
                yield return ($"$.exclusions[{i}]", "has neither icd10Prefixes nor keywords, so it can never apply");
        }
        foreach (var problem in Probability("$.quality.minFieldConfidence", p.Quality.MinFieldConfidence)) yield return problem;
        foreach (var problem in Probability("$.quality.minClassificationConfidence", p.Quality.MinClassificationConfidence)) yield return problem;
        foreach (var (field, t) in p.Quality.FieldOverrides)
            foreach (var problem in Probability($"$.quality.fieldOverrides.{field}", t)) yield return problem;
        foreach (var problem in Probability("$.decision.minConfidence", p.Decision.MinConfidence)) yield return problem;
        if (p.Decision.AmountTolerance < 0) yield return ("$.decision.amountTolerance", "must not be negative");
    }

    private static IEnumerable<(string, string)> Money(string path, decimal amount)
    {
        if (amount < 0) yield return (path, "must not be negative");
        if (decimal.Round(amount, 2) != amount) yield return (path, $"{amount} has more than two decimals; amounts are in cents");
    }

    private static IEnumerable<(string, string)> Ratio(string path, decimal ratio)
    {
        if (ratio is < 0 or > 1) yield return (path, $"{ratio} is outside 0–1 (write 0.6 for 60 %)");
    }

    private static IEnumerable<(string, string)> Probability(string path, double value)
    {
        if (value is < 0 or > 1 || double.IsNaN(value)) yield return (path, $"{value} is outside 0–1");
    }
}
