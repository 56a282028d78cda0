using System.Text;
using TalksTracker.Domain.Extraction;

namespace TalksTracker.Domain.Intake;

/// <summary>A report file as uploaded or named on the command line: its text and format, or why it cannot be read.</summary>
public sealed record ReportFile(string Text, ReportFormat Format)
{
    /// <summary>Eight megabytes: a text of <see cref="ReportInput.MaxTextLength"/> characters fits with room for markup.</summary>
    public const int MaxBytes = 8 * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (ReportFile? File, string? Problem) Read(ReadOnlySpan<byte> bytes, string fileName)
    {
        if (bytes.Length == 0)
        {
            return (null, "The file is empty.");
        }

        if (bytes.Length > MaxBytes)
        {
            return (null, $"The file has {bytes.Length:N0} bytes; the limit is {MaxBytes:N0}.");
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[3..] : bytes);
        }
        catch (DecoderFallbackException)
        {
            return (null, "The file is not valid UTF-8 text.");
        }

        if (ReportInput.ProblemWith(text) is { } problem)
        {
            return (null, problem);
        }

        return (new ReportFile(text, FormatOf(fileName, text)), null);
    }

    public static ReportFormat FormatOf(string fileName, string text) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".md" or ".markdown" => ReportFormat.Markdown,
        ".html" or ".htm" => ReportFormat.Html,
        ".txt" => ReportFormat.PlainText,
        _ => ReportText.Detect(text),
    };
}
