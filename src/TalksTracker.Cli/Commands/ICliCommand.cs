namespace TalksTracker.Cli.Commands;

public interface ICliCommand
{
    string Name { get; }
    string Summary { get; }

    /// <summary>What the command accepts: shown by <c>--help</c>, and anything else on its line is a usage error.</summary>
    CliSyntax Syntax { get; }

    Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr);
}

/// <summary>An option of a command; <paramref name="Value"/> names its value, or is null for a flag.</summary>
public sealed record CliOption(string Name, string? Value, string Description);

/// <summary>
/// A command's line: its usage (without the program name), the arguments it takes besides options (null: none),
/// its options, and what exit code 1 (refused) means for it.
/// </summary>
public sealed record CliSyntax(string Usage, string? Arguments, IReadOnlyList<CliOption> Options, string Refused)
{
    /// <summary>Why <paramref name="args"/> are not this command's, or null when every option and argument is one it takes.</summary>
    public string? Misuse(string command, string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-') || arg == "-")
            {
                if (Arguments is null)
                {
                    return $"{command} takes no argument '{arg}'.";
                }

                continue;
            }

            var option = Options.FirstOrDefault(o => o.Name == arg);
            if (option is null)
            {
                return $"Unknown option '{arg}' for {command}.";
            }

            if (option.Value is not null)
            {
                i++; // its value; a missing one is reported by CliArguments.Option
            }
        }

        return null;
    }
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
