using System.Net;
using System.Net.Http.Headers;
using ClaimVision.Pipeline.Storage;
using Polly;
using Polly.Retry;

namespace ClaimVision.Pipeline.Tests.Storage;

/// <summary>Connection strings, request signing and retries, without a server.</summary>
public sealed class AzureBlobStoreUnitTests
{
    [Fact]
    public void Development_storage_means_azurite_on_loopback_with_the_well_known_account()
    {
        var account = AzureStorageAccount.Parse("UseDevelopmentStorage=true");

        Assert.Equal("devstoreaccount1", account.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), account.BlobEndpoint);
        Assert.Equal(AzureStorageAccount.DevelopmentAccountKey, account.AccountKey);
    }

    [Fact]
    public void Development_storage_honours_the_proxy_uri()
    {
        var account = AzureStorageAccount.Parse("UseDevelopmentStorage=true;DevelopmentStorageProxyUri=http://azurite:10500");

        Assert.Equal(new Uri("http://azurite:10500/devstoreaccount1"), account.BlobEndpoint);
    }

    [Fact]
    public void Account_key_connection_strings_build_the_public_endpoint()
    {
        var account = AzureStorageAccount.Parse("DefaultEndpointsProtocol=https;AccountName=claims;AccountKey=AAAA;EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal("claims", account.AccountName);
        Assert.Equal(new Uri("https://claims.blob.core.chinacloudapi.cn"), account.BlobEndpoint);
        Assert.Equal("AAAA", account.AccountKey);
        Assert.Null(account.SasToken);
    }

    [Fact]
    public void Path_style_blob_endpoints_name_the_account_in_the_path()
    {
        var account = AzureStorageAccount.Parse("BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1/;SharedAccessSignature=?sv=2021-12-02&sig=x");

        Assert.Equal("devstoreaccount1", account.AccountName);
        Assert.Equal("sv=2021-12-02&sig=x", account.SasToken);
        Assert.Null(account.AccountKey);
    }

    [Theory]
    [InlineData("AccountName=claims", "neither AccountKey nor SharedAccessSignature")]
    [InlineData("AccountKey=AAAA", "neither BlobEndpoint nor AccountName")]
    [InlineData("AccountName=claims;AccountKey=not base64!", "not valid base64")]
    [InlineData("AccountName", "not Name=Value")]
    public void Broken_connection_strings_say_what_is_wrong_without_echoing_the_key(string connectionString, string expected)
    {
        var error = Assert.Throws<FormatException>(() => AzureStorageAccount.Parse(connectionString));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAA", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_string_to_sign_follows_the_shared_key_layout()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put,
            "http://127.0.0.1:10000/devstoreaccount1/claims/sha256/ab/cd/abcd?restype=x&Comp=b&comp=a")
        {
            Content = new ByteArrayContent([1, 2, 3]),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("image/jpeg");
        request.Headers.Add("x-ms-version", "2021-12-02");
        request.Headers.Add("X-MS-Date", "Tue, 01 Dec 2026 18:00:00 GMT");
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);

        var expected = string.Join('\n',
            "PUT", "", "", "3", "", "image/jpeg", "", "", "", "*", "", "",
            "x-ms-blob-type:BlockBlob", "x-ms-date:Tue, 01 Dec 2026 18:00:00 GMT", "x-ms-version:2021-12-02",
            "/devstoreaccount1/devstoreaccount1/claims/sha256/ab/cd/abcd", "comp:a,b", "restype:x");
        Assert.Equal(expected, SharedKey.StringToSign(request, "devstoreaccount1"));
    }

    [Fact]
    public void A_zero_content_length_signs_as_empty()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, "http://h/acct/c?restype=container") { Content = new ByteArrayContent([]) };
        request.Content.Headers.ContentLength = 0;

        Assert.StartsWith("PUT\n\n\n\n", SharedKey.StringToSign(request, "acct"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transient_answers_are_retried_then_succeed()
    {
        var handler = new ScriptedHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.InternalServerError, HttpStatusCode.Created);
        var store = Store(handler, retries: 2);

        await store.PutAsync("reports/r.json", "{}"u8.ToArray(), "application/json");

        Assert.Equal(3, handler.Calls);
        Assert.All(handler.Authorizations, a => Assert.StartsWith("SharedKey devstoreaccount1:", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Persistent_transient_failures_surface_as_unavailable_for_the_caller_to_retry()
    {
        var handler = new ScriptedHandler(Enumerable.Repeat(HttpStatusCode.ServiceUnavailable, 10).ToArray());
        var store = Store(handler, retries: 2);

        await Assert.ThrowsAsync<BlobStoreUnavailableException>(() => store.GetAsync("reports/r.json"));
        Assert.Equal(3, handler.Calls);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var handler = new ScriptedHandler(HttpStatusCode.Forbidden, HttpStatusCode.Created);
        var store = Store(handler, retries: 2);

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.PutAsync("reports/r.json", "{}"u8.ToArray(), "application/json"));
        Assert.Equal(1, handler.Calls);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("Claims")]
    [InlineData("bad--name")]
    [InlineData("-claims")]
    public void Invalid_container_names_are_refused(string container)
    {
        using var http = new HttpClient();
        Assert.Throws<ArgumentException>(() => new AzureBlobStore(http, AzureStorageAccount.Parse("UseDevelopmentStorage=true"), container));
    }

    private static AzureBlobStore Store(ScriptedHandler handler, int retries) => new(
        new HttpClient(handler), AzureStorageAccount.Parse("UseDevelopmentStorage=true"), "claims",
        retry: new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<BlobStoreUnavailableException>(),
            MaxRetryAttempts = retries,
            Delay = TimeSpan.FromMilliseconds(1),
        });

    private sealed class ScriptedHandler(params HttpStatusCode[] answers) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        public List<string> Authorizations { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Authorizations.Add(request.Headers.Authorization?.ToString() ?? "");
            return Task.FromResult(new HttpResponseMessage(answers[Calls++]));
        }
    }
}
