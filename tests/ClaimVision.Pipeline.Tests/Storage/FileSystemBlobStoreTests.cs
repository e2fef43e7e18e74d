using ClaimVision.Pipeline.Storage;

namespace ClaimVision.Pipeline.Tests.Storage;

public sealed class FileSystemBlobStoreTests : BlobStoreContract
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cv-blobs-" + Guid.NewGuid().ToString("N"));

    protected override Task<IBlobStore> CreateStoreAsync() => Task.FromResult<IBlobStore>(new FileSystemBlobStore(_root));

    public override Task DisposeAsync()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Blobs_are_files_under_the_root_and_no_temp_file_is_left_behind()
    {
        var blob = await Store.PutAsync(new byte[] { 1, 2, 3 }, "image/jpeg");
        await Store.PutAsync("reports/r.json", "{}"u8.ToArray(), "application/json");

        Assert.True(File.Exists(Path.Combine(_root, blob.Key)));
        Assert.True(File.Exists(Path.Combine(_root, "reports", "r.json")));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, ".tmp")));
    }

    [Fact]
    public async Task Concurrent_puts_of_the_same_key_leave_one_complete_blob()
    {
        var versions = Enumerable.Range(0, 16).Select(i => Enumerable.Repeat((byte)i, 200_000).ToArray()).ToList();

        await Task.WhenAll(versions.Select(v => Task.Run(() => Store.PutAsync("reports/race.bin", v, "application/octet-stream"))));

        var stored = await Store.GetAsync("reports/race.bin");
        Assert.Contains(versions, v => v.AsSpan().SequenceEqual(stored));
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(_root, ".tmp")));
    }

    [Fact]
    public async Task Temp_files_are_not_listed()
    {
        await File.WriteAllBytesAsync(Path.Combine(_root, ".tmp", "half-written"), [1]);

        Assert.Empty(await Store.ListAsync("").ToListAsync());
    }
}
