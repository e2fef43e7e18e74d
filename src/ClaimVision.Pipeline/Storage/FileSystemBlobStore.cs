namespace ClaimVision.Pipeline.Storage;

/// <summary>
/// Blobs as files under one root folder. Writes go to a temp file in the same volume, are flushed, then renamed into
/// place, so a reader sees either nothing or the whole blob — never a torn write, even if the process dies mid-way.
/// </summary>
public sealed class FileSystemBlobStore : IBlobStore
{
    private const string TempFolder = ".tmp";
    private readonly string _root;

    /// <summary>Creates the store; the folder is created if missing.</summary>
    public FileSystemBlobStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        _root = Path.GetFullPath(rootDirectory);
        Directory.CreateDirectory(Path.Combine(_root, TempFolder));
    }

    /// <summary>The absolute root folder.</summary>
    public string RootDirectory => _root;

    public async Task<BlobRef> PutAsync(ReadOnlyMemory<byte> content, string contentType, CancellationToken ct = default)
    {
        var sha = BlobKeys.Sha256Hex(content.Span);
        var key = BlobKeys.ForSha256(sha);
        var path = PathOf(key);
        // Same hash, same bytes: an existing complete file (the rename is atomic) is the blob.
        if (!File.Exists(path)) await WriteAtomicallyAsync(path, content, ct).ConfigureAwait(false);
        return new BlobRef(key, sha, content.Length, contentType);
    }

    public Task PutAsync(string key, ReadOnlyMemory<byte> content, string contentType, CancellationToken ct = default) =>
        WriteAtomicallyAsync(PathOf(key), content, ct);

    public async Task<byte[]?> GetAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        try
        {
            return await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return Task.FromResult(false);
        try
        {
            File.Delete(path);
            return Task.FromResult(true);
        }
        catch (DirectoryNotFoundException)
        {
            return Task.FromResult(false);
        }
    }

    public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken ct = default)
    {
        BlobKeys.ValidatePrefix(prefix);
        return Keys(prefix).ToAsyncEnumerable();
    }

    public Task<bool> PingAsync(CancellationToken ct = default) => Task.FromResult(Directory.Exists(Path.Combine(_root, TempFolder)));

    private IEnumerable<string> Keys(string prefix)
    {
        // Start from the deepest folder the prefix names in full, so "sha256/ab/" does not walk every blob.
        var lastSlash = prefix.LastIndexOf('/');
        var start = lastSlash < 0 ? _root : Path.Combine(_root, prefix[..lastSlash].Replace('/', Path.DirectorySeparatorChar));
        if (!Directory.Exists(start)) return [];
        return Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(_root, p).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(k => !k.StartsWith(TempFolder + "/", StringComparison.Ordinal) && k.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
    }

    private string PathOf(string key)
    {
        BlobKeys.Validate(key);
        var path = Path.GetFullPath(Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar)));
        // Validate already forbids "..", rooted and dot segments; this is the second lock on the same door.
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"Blob key '{key}' resolves outside the store.", nameof(key));
        return path;
    }

    private async Task WriteAtomicallyAsync(string path, ReadOnlyMemory<byte> content, CancellationToken ct)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Combine(_root, TempFolder, Guid.NewGuid().ToString("N"));
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await stream.WriteAsync(content, ct).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
