namespace ClaimVision.Pipeline.Storage;

/// <summary>
/// Storage configuration, section "ClaimVision". Every value has a loopback or local default, so an empty
/// configuration runs the embedded product; environment variables override (ClaimVision__Blobs__Provider=azure).
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string Section = "ClaimVision";

    /// <summary>Folder for the embedded stores (blobs, SQLite file); relative paths resolve against the working folder.</summary>
    public string DataDirectory { get; set; } = "./data";

    public BlobStorageOptions Blobs { get; set; } = new();

    public ClaimStoreOptions Store { get; set; } = new();
}

/// <summary>Which blob store, and where.</summary>
public sealed class BlobStorageOptions
{
    /// <summary>"filesystem" (default) or "azure".</summary>
    public string Provider { get; set; } = "filesystem";

    /// <summary>
    /// Azure: a storage connection string (AccountName/AccountKey, SharedAccessSignature, or UseDevelopmentStorage=true,
    /// the default, for Azurite on 127.0.0.1:10000). Filesystem: an optional folder; default {DataDirectory}/blobs.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Azure container name.</summary>
    public string Container { get; set; } = "claimvision";
}

/// <summary>Which claim store, and where.</summary>
public sealed class ClaimStoreOptions
{
    /// <summary>"sqlite" (default) or "postgres".</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>
    /// SQLite: default "Data Source={DataDirectory}/claimvision.db". PostgreSQL: an Npgsql connection string,
    /// default "Host=127.0.0.1;Port=5432;Database=claimvision;Username=claimvision".
    /// </summary>
    public string? ConnectionString { get; set; }
}
