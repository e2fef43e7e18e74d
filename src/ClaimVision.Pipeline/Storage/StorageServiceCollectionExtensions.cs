using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaimVision.Pipeline.Storage;

/// <summary>Registers the blob store and claim store that configuration selects.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IBlobStore"/> and <see cref="IClaimStore"/> as singletons chosen by the "ClaimVision" section,
    /// plus a hosted service that creates the schema and the container at start-up.
    /// Throws at registration when a provider name is unknown, so a typo fails the host before it takes traffic.
    /// </summary>
    public static IServiceCollection AddClaimVisionStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(options);
        services.AddHttpClient(AzureBlobStore.HttpClientName);
        services.AddSingleton<IBlobStore>(sp => CreateBlobStore(options, sp.GetRequiredService<IHttpClientFactory>()));
        services.AddSingleton<IClaimStore>(_ => CreateClaimStore(options));
        services.AddHostedService<StorageInitializer>();
        // Validate provider names now rather than at first resolution.
        _ = BlobProvider(options);
        _ = StoreProvider(options);
        return services;
    }

    /// <summary>The blob store the options select.</summary>
    public static IBlobStore CreateBlobStore(StorageOptions options, IHttpClientFactory httpClients)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        return BlobProvider(options) switch
        {
            "azure" => new AzureBlobStore(httpClients.CreateClient(AzureBlobStore.HttpClientName),
                AzureStorageAccount.Parse(options.Blobs.ConnectionString ?? AzureStorageAccount.DevelopmentConnectionString),
                options.Blobs.Container),
            _ => new FileSystemBlobStore(options.Blobs.ConnectionString ?? Path.Combine(options.DataDirectory, "blobs")),
        };
    }

    /// <summary>The claim store the options select.</summary>
    public static IClaimStore CreateClaimStore(StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (StoreProvider(options) == "postgres")
            return new PostgresClaimStore(options.Store.ConnectionString ?? "Host=127.0.0.1;Port=5432;Database=claimvision;Username=claimvision");
        Directory.CreateDirectory(options.DataDirectory);
        return new SqliteClaimStore(options.Store.ConnectionString ?? $"Data Source={Path.Combine(options.DataDirectory, "claimvision.db")}");
    }

    private static string BlobProvider(StorageOptions options) => options.Blobs.Provider.ToLowerInvariant() switch
    {
        "filesystem" or "fs" => "filesystem",
        "azure" or "azurite" => "azure",
        var other => throw new InvalidOperationException(
            $"ClaimVision:Blobs:Provider is '{other}'; use 'filesystem' or 'azure'."),
    };

    private static string StoreProvider(StorageOptions options) => options.Store.Provider.ToLowerInvariant() switch
    {
        "sqlite" => "sqlite",
        "postgres" or "postgresql" => "postgres",
        var other => throw new InvalidOperationException(
            $"ClaimVision:Store:Provider is '{other}'; use 'sqlite' or 'postgres'."),
    };
}

/// <summary>Creates the claim-store schema and the blob container before the host takes work.</summary>
internal sealed class StorageInitializer(IClaimStore claims, IBlobStore blobs) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await claims.InitializeAsync(cancellationToken).ConfigureAwait(false);
        await blobs.InitializeAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
