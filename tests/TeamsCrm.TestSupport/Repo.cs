namespace TeamsCrm.TestSupport;

/// <summary>The repository checkout the tests run from (where TeamsCrm.sln is).</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TeamsCrm.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No TeamsCrm.sln above {AppContext.BaseDirectory}.");
    }
}
