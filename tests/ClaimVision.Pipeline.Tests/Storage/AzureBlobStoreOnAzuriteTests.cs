using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ClaimVision.Pipeline.Storage;

namespace ClaimVision.Pipeline.Tests.Storage;

/// <summary>The blob contract against Azurite, authenticated with the account key (Shared Key).</summary>
public sealed class AzureBlobStoreOnAzuriteTests : BlobStoreContract, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(
        new AzureBlobStore(_http, AzureStorageAccount.Parse(TestServers.Azurite), AzuriteContainers.Fresh(), ListPageSize));

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task A_wrong_account_key_is_refused_not_retried_forever()
    {
        var good = AzureStorageAccount.Parse(TestServers.Azurite);
        var bad = good with { AccountKey = Convert.ToBase64String(new byte[64]) };
        var store = new AzureBlobStore(_http, bad, AzuriteContainers.Fresh());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync());
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.False(await store.PingAsync());
    }

    [Fact]
    public async Task Creating_the_container_twice_is_fine()
    {
        await Store.InitializeAsync();
        Assert.True(await Store.PingAsync());
    }
}

/// <summary>The blob contract against Azurite, authenticated with an account SAS token instead of the key.</summary>
public sealed class AzureBlobStoreWithSasOnAzuriteTests : BlobStoreContract, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    protected override Task<IBlobStore> CreateStoreAsync()
    {
        var keyed = AzureStorageAccount.Parse(TestServers.Azurite);
        var sas = AccountSas(keyed.AccountName, keyed.AccountKey!, DateTimeOffset.UtcNow.AddHours(1));
        var account = AzureStorageAccount.Parse($"BlobEndpoint={keyed.BlobEndpoint};SharedAccessSignature={sas}");
        Assert.Null(account.AccountKey);
        return Task.FromResult<IBlobStore>(new AzureBlobStore(_http, account, AzuriteContainers.Fresh(), ListPageSize));
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task An_expired_sas_is_refused()
    {
        var keyed = AzureStorageAccount.Parse(TestServers.Azurite);
        var sas = AccountSas(keyed.AccountName, keyed.AccountKey!, DateTimeOffset.UtcNow.AddHours(-1));
        var store = new AzureBlobStore(_http, AzureStorageAccount.Parse($"BlobEndpoint={keyed.BlobEndpoint};SharedAccessSignature={sas}"), AzuriteContainers.Fresh());

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.InitializeAsync());
    }

    /// <summary>An account SAS (blob service; service, container and object resources; read/write/delete/list/add/create).</summary>
    private static string AccountSas(string account, string key, DateTimeOffset expiry)
    {
        const string version = AzureBlobStore.ApiVersion, permissions = "rwdlac", services = "b", resourceTypes = "sco", protocol = "http,https";
        var expires = expiry.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        // Account SAS string-to-sign for versions 2020-12-06 and later (the last field is the encryption scope).
        var toSign = $"{account}\n{permissions}\n{services}\n{resourceTypes}\n\n{expires}\n\n{protocol}\n{version}\n\n";
        var sig = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(key), Encoding.UTF8.GetBytes(toSign)));
        return $"sv={version}&ss={services}&srt={resourceTypes}&sp={permissions}&se={Uri.EscapeDataString(expires)}&spr={Uri.EscapeDataString(protocol)}&sig={Uri.EscapeDataString(sig)}";
    }
}

internal static class AzuriteContainers
{
    /// <summary>A container name no other test uses, so tests never see each other's blobs.</summary>
    public static string Fresh() => "t" + Guid.NewGuid().ToString("N");
}
