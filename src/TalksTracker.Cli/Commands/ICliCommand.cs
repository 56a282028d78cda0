namespace TalksTracker.Cli.Commands;

public interface ICliCommand
{
    string Name { get; }
    string Summary { get; }
    Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr);
}

/// <summary>The command was called wrongly (exit code 2).</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>The input or the data was refused; nothing was written (exit code 1).</summary>
public sealed class CliRefusalException(string message) : Exception(message);

internal static class CliArguments
{
    /// <summary>The value after an option (e.g. --folder DIR), or null when the option is absent.</summary>
    public static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        if (index < 0)
        {
            return null;
        }

        return index + 1 < args.Length && !args[index + 1].StartsWith("--", StringComparison.Ordinal)
            ? args[index + 1]
            : throw new CliUsageException($"{name} needs a value.");
    }

    public static bool Flag(string[] args, string name) => args.Contains(name);
}
