using System.Security.Cryptography;
using System.Text;
using ClaimVision.Pipeline.Storage;

namespace ClaimVision.Pipeline.Tests.Storage;

/// <summary>What every <see cref="IBlobStore"/> must do; one derived class per implementation.</summary>
public abstract class BlobStoreContract : IAsyncLifetime
{
    /// <summary>Page size a derived store should use for listing, small enough that <see cref="List_returns_every_key_across_pages"/> spans pages.</summary>
    protected const int ListPageSize = 4;

    protected IBlobStore Store { get; private set; } = null!;

    /// <summary>A fresh, empty store.</summary>
    protected abstract Task<IBlobStore> CreateStoreAsync();

    public async Task InitializeAsync()
    {
        Store = await CreateStoreAsync();
        await Store.InitializeAsync();
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Content_put_is_addressed_by_its_sha256_and_reads_back()
    {
        var bytes = RandomNumberGenerator.GetBytes(10_000);
        var expected = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var blob = await Store.PutAsync(bytes, "image/jpeg");

        Assert.Equal(expected, blob.Sha256);
        Assert.Equal($"sha256/{expected[..2]}/{expected[2..4]}/{expected}", blob.Key);
        Assert.Equal(bytes.Length, blob.Length);
        Assert.Equal(bytes, await Store.GetAsync(blob.Key));
    }

    [Fact]
    public async Task Putting_the_same_content_twice_stores_one_blob()
    {
        var bytes = RandomNumberGenerator.GetBytes(2_000);

        var first = await Store.PutAsync(bytes, "image/png");
        var second = await Store.PutAsync(bytes, "image/png");

        Assert.Equal(first.Key, second.Key);
        Assert.Equal([first.Key], await Store.ListAsync("sha256/").ToListAsync());
        Assert.Equal(bytes, await Store.GetAsync(first.Key));
    }

    [Fact]
    public async Task Put_by_key_overwrites()
    {
        await Store.PutAsync("reports/claim-1/doc-1.json", "{\"v\":1}"u8.ToArray(), "application/json");
        await Store.PutAsync("reports/claim-1/doc-1.json", "{\"v\":2}"u8.ToArray(), "application/json");

        Assert.Equal("{\"v\":2}", Encoding.UTF8.GetString((await Store.GetAsync("reports/claim-1/doc-1.json"))!));
    }

    [Fact]
    public async Task Empty_content_round_trips()
    {
        await Store.PutAsync("reports/empty.txt", ReadOnlyMemory<byte>.Empty, "text/plain");

        Assert.Equal(Array.Empty<byte>(), await Store.GetAsync("reports/empty.txt"));
    }

    [Fact]
    public async Task Get_of_a_missing_key_is_null()
    {
        Assert.Null(await Store.GetAsync("reports/none/such.json"));
    }

    [Fact]
    public async Task Delete_removes_and_reports_whether_anything_was_there()
    {
        var blob = await Store.PutAsync(RandomNumberGenerator.GetBytes(100), "image/jpeg");

        Assert.True(await Store.DeleteAsync(blob.Key));
        Assert.Null(await Store.GetAsync(blob.Key));
        Assert.False(await Store.DeleteAsync(blob.Key));
    }

    [Fact]
    public async Task List_returns_exactly_the_keys_under_a_prefix_in_ordinal_order()
    {
        foreach (var key in new[] { "reports/b/1.json", "reports/a/2.json", "reports/a/1.json", "reportsX/1.json", "other/a/1.json" })
            await Store.PutAsync(key, "{}"u8.ToArray(), "application/json");

        Assert.Equal(["reports/a/1.json", "reports/a/2.json"], await Store.ListAsync("reports/a/").ToListAsync());
        Assert.Equal(["reports/a/1.json", "reports/a/2.json", "reports/b/1.json"], await Store.ListAsync("reports/").ToListAsync());
        Assert.Equal(["reports/a/1.json", "reports/a/2.json", "reports/b/1.json", "reportsX/1.json"], await Store.ListAsync("reports").ToListAsync());
        Assert.Equal(["reports/a/1.json", "reports/a/2.json"], await Store.ListAsync("reports/a").ToListAsync());
        Assert.Empty(await Store.ListAsync("nothing/").ToListAsync());
    }

    [Fact]
    public async Task List_returns_every_key_across_pages()
    {
        var keys = Enumerable.Range(0, ListPageSize * 3 + 1).Select(i => $"many/{i:D3}.bin").ToList();
        foreach (var key in keys)
            await Store.PutAsync(key, new byte[] { 1, 2, 3 }, "application/octet-stream");

        Assert.Equal(keys, await Store.ListAsync("many/").ToListAsync());
    }

    [Fact]
    public async Task A_large_blob_round_trips_intact()
    {
        var bytes = RandomNumberGenerator.GetBytes(6 * 1024 * 1024);

        var blob = await Store.PutAsync(bytes, "image/jpeg");

        Assert.Equal(bytes, await Store.GetAsync(blob.Key));
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("a//b")]
    [InlineData("a/./b")]
    [InlineData("a/")]
    [InlineData("")]
    [InlineData("a\\..\\b")]
    [InlineData(".tmp/x")]
    [InlineData("a/b c")]
    public async Task Keys_that_could_escape_or_are_malformed_are_refused(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, "x"u8.ToArray(), "text/plain"));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(key));
    }

    [Theory]
    [InlineData("../")]
    [InlineData("/abs")]
    [InlineData("a/../b")]
    public void List_prefixes_that_could_escape_are_refused(string prefix)
    {
        Assert.Throws<ArgumentException>(() => Store.ListAsync(prefix));
    }

    [Fact]
    public async Task Ping_reports_a_reachable_store()
    {
        Assert.True(await Store.PingAsync());
    }
}
