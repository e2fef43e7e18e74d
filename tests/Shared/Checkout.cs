namespace ClaimVision.Testing;

/// <summary>
/// Files of the checkout (samples/, models/, scripts/, project files), found from a test's output folder by walking up to
/// ClaimVision.sln. Compiled into every test project (tests/Directory.Build.props), so there is one such walk.
/// </summary>
internal static class Checkout
{
    /// <summary>The checkout's root, where ClaimVision.sln is.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path inside the checkout.</summary>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ClaimVision.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No ClaimVision.sln above {AppContext.BaseDirectory}.");
    }
}
