namespace TalksTracker.Testing;

/// <summary>Where the repository's own files are, for tests that read the source (scans of src/).</summary>
public static class RepoPaths
{
    public static string Root { get; } = Find();

    public static string Src => Path.Combine(Root, "src");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TalksTracker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("TalksTracker.sln not found above the test's folder.");
    }
}
