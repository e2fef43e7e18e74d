namespace ClaimVision.Domain.Tests;

/// <summary>Finds files of the repository (samples/) from the test's output folder.</summary>
internal static class RepoFiles
{
    public static string Path(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "ClaimVision.sln"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("ClaimVision.sln not found above " + AppContext.BaseDirectory);
        return System.IO.Path.Combine([dir.FullName, .. parts]);
    }
}
