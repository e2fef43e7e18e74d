namespace ClaimVision.Pipeline.Storage;

/// <summary>
/// Where an Azure storage account's blob service is and how to authenticate: a Shared Key (account key) or a SAS token.
/// Parsed from the usual storage connection strings.
/// </summary>
public sealed record AzureStorageAccount
{
    /// <summary>Azurite's fixed, publicly documented development account (not a secret).</summary>
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>Azurite's fixed, publicly documented development key (not a secret).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The connection string for Azurite on loopback.</summary>
    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";

    public required string AccountName { get; init; }

    /// <summary>Blob service endpoint without a trailing slash ("https://acct.blob.core.windows.net", "http://127.0.0.1:10000/devstoreaccount1").</summary>
    public required Uri BlobEndpoint { get; init; }

    /// <summary>Base64 account key for Shared Key auth; null when a SAS is used.</summary>
    public string? AccountKey { get; init; }

    /// <summary>SAS token (query string without the leading '?'); used when there is no account key.</summary>
    public string? SasToken { get; init; }

    /// <summary>
    /// Parses "UseDevelopmentStorage=true[;DevelopmentStorageProxyUri=…]",
    /// "DefaultEndpointsProtocol=…;AccountName=…;AccountKey=…[;EndpointSuffix=…][;BlobEndpoint=…]" or
    /// "BlobEndpoint=…;SharedAccessSignature=…". Errors name the missing or bad part, never the key.
    /// </summary>
    public static AzureStorageAccount Parse(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var parts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0) throw new FormatException($"Storage connection string part '{pair.Split('=')[0]}' is not Name=Value.");
            parts[pair[..eq].Trim()] = pair[(eq + 1)..].Trim();
        }

        if (parts.TryGetValue("UseDevelopmentStorage", out var dev) && bool.TryParse(dev, out var useDev) && useDev)
        {
            var proxy = parts.TryGetValue("DevelopmentStorageProxyUri", out var p) ? new Uri(p) : new Uri("http://127.0.0.1");
            var port = proxy.IsDefaultPort ? 10000 : proxy.Port;
            return new AzureStorageAccount
            {
                AccountName = DevelopmentAccountName,
                AccountKey = DevelopmentAccountKey,
                BlobEndpoint = new Uri($"{proxy.Scheme}://{proxy.Host}:{port}/{DevelopmentAccountName}"),
            };
        }

        parts.TryGetValue("AccountName", out var name);
        parts.TryGetValue("AccountKey", out var key);
        parts.TryGetValue("SharedAccessSignature", out var sas);
        Uri endpoint;
        if (parts.TryGetValue("BlobEndpoint", out var blobEndpoint))
        {
            if (!Uri.TryCreate(blobEndpoint.TrimEnd('/'), UriKind.Absolute, out endpoint!))
                throw new FormatException($"Storage connection string BlobEndpoint '{blobEndpoint}' is not an absolute URI.");
        }
        else
        {
            if (string.IsNullOrEmpty(name))
                throw new FormatException("Storage connection string has neither BlobEndpoint nor AccountName.");
            var scheme = parts.TryGetValue("DefaultEndpointsProtocol", out var proto) ? proto : "https";
            var suffix = parts.TryGetValue("EndpointSuffix", out var s) ? s : "core.windows.net";
            endpoint = new Uri($"{scheme}://{name}.blob.{suffix}");
        }

        // Path-style endpoints (Azurite, "http://host:port/account") name the account in the path.
        name ??= endpoint.AbsolutePath.Trim('/') is { Length: > 0 } path ? path.Split('/')[0] : endpoint.Host.Split('.')[0];
        if (string.IsNullOrEmpty(key) && string.IsNullOrEmpty(sas))
            throw new FormatException($"Storage connection string for account '{name}' has neither AccountKey nor SharedAccessSignature.");
        if (!string.IsNullOrEmpty(key) && !IsBase64(key))
            throw new FormatException($"Storage connection string AccountKey for account '{name}' is not valid base64.");
        return new AzureStorageAccount
        {
            AccountName = name,
            BlobEndpoint = new Uri(endpoint.ToString().TrimEnd('/')),
            AccountKey = string.IsNullOrEmpty(key) ? null : key,
            SasToken = string.IsNullOrEmpty(key) ? sas!.TrimStart('?') : null,
        };
    }

    /// <summary>Never prints the key or the SAS signature.</summary>
    public override string ToString() => $"{AccountName} at {BlobEndpoint} ({(AccountKey is null ? "SAS" : "Shared Key")})";

    private static bool IsBase64(string value) => Convert.TryFromBase64String(value, new byte[value.Length], out _);
}
