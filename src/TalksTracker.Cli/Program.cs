using System.Text;
using TalksTracker.Cli;

// Results are UTF-8 whatever the locale says (Console.Out follows LANG): JSON must be, and `export --out -` is the file's bytes.
await using var stdout = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { AutoFlush = true };
return await CliApp.RunAsync(args, stdout, Console.Error);
