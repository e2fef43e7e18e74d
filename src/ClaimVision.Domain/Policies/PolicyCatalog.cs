namespace ClaimVision.Domain.Policies;

/// <summary>The policies a run knows, by id. Two files with the same id are an error: which one applies would be a guess.</summary>
public sealed class PolicyCatalog
{
    private readonly Dictionary<string, (Policy Policy, string Source)> _byId = new(StringComparer.Ordinal);

    public void Add(Policy policy, string source)
    {
        if (_byId.TryGetValue(policy.Id, out var existing))
            throw new PolicyException($"Policy id '{policy.Id}' is defined twice: in '{existing.Source}' and in '{source}'.");
        _byId[policy.Id] = (policy, source);
    }

    /// <summary>Loads policy files, and every *.json in the given directories.</summary>
    public static PolicyCatalog Load(IEnumerable<string> filesOrDirectories)
    {
        var catalog = new PolicyCatalog();
        foreach (var path in filesOrDirectories)
        {
            if (!Directory.Exists(path) && !File.Exists(path))
                throw new PolicyException($"Policy catalogue '{Path.GetFullPath(path)}' does not exist: name a policy JSON file or a folder of them.");
            var files = Directory.Exists(path) ? Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal) : (IEnumerable<string>)[path];
            foreach (var file in files) catalog.Add(PolicyLoader.Load(file), file);
        }
        return catalog;
    }

    public Policy Get(string policyId) =>
        _byId.TryGetValue(policyId, out var entry)
            ? entry.Policy
            : throw new PolicyException($"No policy with id '{policyId}' is loaded (known: {string.Join(", ", _byId.Keys.Order(StringComparer.Ordinal))}).");
}
