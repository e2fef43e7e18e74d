using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Polly;
using Polly.Retry;

namespace ClaimVision.Pipeline.Storage;

/// <summary>
/// Azure Blob Storage over its REST API (the SDK cannot be restored here): container create, put (block blob),
/// get, delete, list with prefix and marker paging; Shared Key or SAS auth. Tested against Azurite.
/// Transient failures (connection errors, timeouts, 408/429/5xx) are retried with exponential backoff; when they
/// persist, <see cref="BlobStoreUnavailableException"/> reaches the caller, whose message can be redelivered.
/// </summary>
public sealed class AzureBlobStore : IBlobStore
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client this store uses.</summary>
    public const string HttpClientName = "ClaimVision.AzureBlob";

    /// <summary>The REST API version sent with every request.</summary>
    public const string ApiVersion = "2021-12-02";

    private readonly HttpClient _http;
    private readonly AzureStorageAccount _account;
    private readonly string _container;
    private readonly int _pageSize;
    private readonly ResiliencePipeline _retry;

    /// <summary>Creates the store for one container.</summary>
    /// <param name="pageSize">List page size (maxresults); small values are for exercising the paging.</param>
    /// <param name="retry">Retry policy; default 5 attempts with exponential backoff from 200 ms.</param>
    public AzureBlobStore(HttpClient http, AzureStorageAccount account, string container, int pageSize = 1000, RetryStrategyOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(account);
        if (container.Length is < 3 or > 63 || container.StartsWith('-') || container.EndsWith('-') || container.Contains("--", StringComparison.Ordinal)
            || !container.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            throw new ArgumentException($"'{container}' is not a valid container name (3–63 lower-case letters, digits and single dashes).", nameof(container));
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 5000);
        (_http, _account, _container, _pageSize) = (http, account, container, pageSize);
        _retry = new ResiliencePipelineBuilder().AddRetry(retry ?? new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<BlobStoreUnavailableException>(),
            MaxRetryAttempts = 4,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(200),
            UseJitter = true,
        }).Build();
    }

    /// <summary>Creates the container if it does not exist.</summary>
    public Task InitializeAsync(CancellationToken ct = default) => SendAsync(
        () => new HttpRequestMessage(HttpMethod.Put, Url(null, "restype=container")),
        response => response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict ? true : Fail<bool>(response, "create container"), ct);

    public async Task<BlobRef> PutAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken ct = default)
    {
        var sha = BlobKeys.Sha256Hex(content.Span);
        var key = BlobKeys.ForSha256(sha);
        // If-None-Match: * keeps an existing blob (same hash, same bytes) untouched; 409 means it is already there.
        await SendAsync(() => PutRequest(key, content, contentType, ifNoneMatch: true),
            response => response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict ? true : Fail<bool>(response, $"put '{key}'"), ct).ConfigureAwait(false);
        return new BlobRef(key, sha, content.Length, contentType);
    }

    public Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct = default)
    {
        BlobKeys.Validate(key);
        return SendAsync(() => PutRequest(key, content, contentType, ifNoneMatch: false),
            response => response.StatusCode == HttpStatusCode.Created ? true : Fail<bool>(response, $"put '{key}'"), ct);
    }

    public Task<byte[]?> GetAsync(string key, CancellationToken ct = default)
    {
        BlobKeys.Validate(key);
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url(key, null)), async (response, token) => response.StatusCode switch
        {
            HttpStatusCode.OK => await response.Content.ReadAsByteArrayAsync(token).ConfigureAwait(false),
            HttpStatusCode.NotFound => null,
            _ => Fail<byte[]?>(response, $"get '{key}'"),
        }, ct);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        BlobKeys.Validate(key);
        return SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, Url(key, null)), response => response.StatusCode switch
        {
            HttpStatusCode.Accepted => true,
            HttpStatusCode.NotFound => false,
            _ => Fail<bool>(response, $"delete '{key}'"),
        }, ct);
    }

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken ct = default)
    {
        BlobKeys.ValidatePrefix(prefix);
        return ListPagesAsync(prefix, ct);
    }

    /// <summary>One attempt, no retries: readiness must answer now.</summary>
    public async Task<bool> PingAsync(CancellationToken ct = default)
    {
        try
        {
            using var request = Signed(new HttpRequestMessage(HttpMethod.Get, Url(null, "restype=container")));
            using var response = await _http.SendAsync(request, ct).ConfigureAwait(false);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async IAsyncEnumerable<string> ListPagesAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? marker = null;
        do
        {
            var query = $"restype=container&comp=list&maxresults={_pageSize.ToString(CultureInfo.InvariantCulture)}"
                + (prefix.Length > 0 ? "&prefix=" + Uri.EscapeDataString(prefix) : "")
                + (marker is null ? "" : "&marker=" + Uri.EscapeDataString(marker));
            var page = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, Url(null, query)), async (response, token) =>
                response.StatusCode == HttpStatusCode.OK
                    ? XDocument.Parse(await response.Content.ReadAsStringAsync(token).ConfigureAwait(false))
                    : Fail<XDocument>(response, $"list '{prefix}'"), ct).ConfigureAwait(false);
            var root = page.Root ?? throw new InvalidDataException("List Blobs answered an empty XML document.");
            foreach (var name in root.Elements("Blobs").Elements("Blob").Elements("Name"))
                yield return name.Value;
            marker = root.Element("NextMarker")?.Value;
        }
        while (!string.IsNullOrEmpty(marker));
    }

    private HttpRequestMessage PutRequest(string key, ReadOnlyMemory<byte> content, string contentType, bool ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, Url(key, null)) { Content = new ReadOnlyMemoryContent(content) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Content.Headers.ContentLength = content.Length;
        request.Headers.Add("x-ms-blob-type", "BlockBlob");
        if (ifNoneMatch) request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        return request;
    }

    private Uri Url(string? key, string? query)
    {
        var path = $"{_account.BlobEndpoint.ToString().TrimEnd('/')}/{_container}" + (key is null ? "" : "/" + key);
        var sas = _account.AccountKey is null ? _account.SasToken : null;
        var fullQuery = string.Join('&', new[] { query, sas }.Where(q => !string.IsNullOrEmpty(q)));
        return new Uri(fullQuery.Length == 0 ? path : path + "?" + fullQuery);
    }

    private Task<T> SendAsync<T>(Func<HttpRequestMessage> build, Func<HttpResponseMessage, T> read, CancellationToken ct) =>
        SendAsync(build, (response, _) => Task.FromResult(read(response)), ct);

    private async Task<T> SendAsync<T>(Func<HttpRequestMessage> build, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken ct) =>
        await _retry.ExecuteAsync(async token =>
        {
            // A request message cannot be sent twice, and the signature covers x-ms-date: build and sign per attempt.
            using var request = Signed(build());
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, token).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new BlobStoreUnavailableException($"Blob store {_account.BlobEndpoint} unreachable: {e.Message}", e);
            }
            catch (TaskCanceledException e) when (!token.IsCancellationRequested)
            {
                throw new BlobStoreUnavailableException($"Blob store {_account.BlobEndpoint} timed out.", e);
            }
            using (response)
            {
                if (IsTransient(response.StatusCode))
                    throw new BlobStoreUnavailableException($"Blob store {_account.BlobEndpoint} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                return await read(response, token).ConfigureAwait(false);
            }
        }, ct).ConfigureAwait(false);

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static T Fail<T>(HttpResponseMessage response, string what)
    {
        var code = response.Headers.TryGetValues("x-ms-error-code", out var codes) ? codes.FirstOrDefault() : null;
        throw new InvalidOperationException($"Azure blob {what} failed: {(int)response.StatusCode} {code ?? response.ReasonPhrase}.");
    }

    private HttpRequestMessage Signed(HttpRequestMessage request)
    {
        request.Headers.Add("x-ms-version", ApiVersion);
        request.Headers.Add("x-ms-date", DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture));
        if (_account.AccountKey is { } key)
        {
            var signature = Convert.ToBase64String(HMACSHA256.HashData(Convert.FromBase64String(key),
                Encoding.UTF8.GetBytes(SharedKey.StringToSign(request, _account.AccountName))));
            request.Headers.Authorization = new AuthenticationHeaderValue("SharedKey", $"{_account.AccountName}:{signature}");
        }
        return request;
    }
}

/// <summary>The blob store could not be reached or answered with a transient error, even after retries.</summary>
public sealed class BlobStoreUnavailableException : Exception
{
    public BlobStoreUnavailableException() { }
    public BlobStoreUnavailableException(string message) : base(message) { }
    public BlobStoreUnavailableException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>The Shared Key string-to-sign (Blob service, version 2015-02-21 and later).</summary>
public static class SharedKey
{
    /// <summary>
    /// VERB, the eleven standard headers (Content-Length empty when 0), the x-ms-* headers lower-cased and sorted,
    /// then "/account/path" and the query parameters lower-cased, sorted, decoded, one per line.
    /// </summary>
    public static string StringToSign(HttpRequestMessage request, string accountName)
    {
        ArgumentNullException.ThrowIfNull(request);
        var content = request.Content?.Headers;
        string Header(string name) => request.Headers.TryGetValues(name, out var v) ? string.Join(",", v)
            : content is not null && content.TryGetValues(name, out var c) ? string.Join(",", c) : "";
        var length = content?.ContentLength is > 0 ? content.ContentLength.Value.ToString(CultureInfo.InvariantCulture) : "";
        var sb = new StringBuilder()
            .Append(request.Method.Method).Append('\n')
            .Append(Header("Content-Encoding")).Append('\n')
            .Append(Header("Content-Language")).Append('\n')
            .Append(length).Append('\n')
            .Append(Header("Content-MD5")).Append('\n')
            .Append(content?.ContentType?.ToString() ?? "").Append('\n')
            .Append('\n') // Date: x-ms-date is used instead
            .Append(Header("If-Modified-Since")).Append('\n')
            .Append(Header("If-Match")).Append('\n')
            .Append(Header("If-None-Match")).Append('\n')
            .Append(Header("If-Unmodified-Since")).Append('\n')
            .Append(Header("Range")).Append('\n');
        foreach (var (name, value) in request.Headers
                     .Where(h => h.Key.StartsWith("x-ms-", StringComparison.OrdinalIgnoreCase))
                     .Select(h => (Name: h.Key.ToLowerInvariant(), Value: string.Join(",", h.Value).Trim()))
                     .OrderBy(h => h.Name, StringComparer.Ordinal))
            sb.Append(name).Append(':').Append(value).Append('\n');
        var uri = request.RequestUri ?? throw new ArgumentException("Request has no URI.", nameof(request));
        sb.Append('/').Append(accountName).Append(uri.AbsolutePath);
        var parameters = uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .GroupBy(p => Uri.UnescapeDataString(p[0]).ToLowerInvariant(), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : "")
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var parameter in parameters)
            sb.Append('\n').Append(parameter.Key).Append(':').Append(string.Join(",", parameter.Order(StringComparer.Ordinal)));
        return sb.ToString();
    }
}
