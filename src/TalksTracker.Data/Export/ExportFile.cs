namespace TalksTracker.Data.Export;

/// <summary>
/// An export ready to download: its file name, its media type, and its content, written straight to a stream (a web
/// response or a file) so that a large export (hundreds of megabytes of JSON) is never held as one string as well.
/// </summary>
public sealed class ExportFile(string fileName, string contentType, Func<Stream, CancellationToken, Task> write)
{
    public string FileName { get; } = fileName;

    public string ContentType { get; } = contentType;

    /// <summary>Writes the content as UTF-8 (without a byte order mark), asynchronously.</summary>
    public Task WriteToAsync(Stream stream, CancellationToken ct = default) => write(stream, ct);

    internal static ExportFile Text(string fileName, string contentType, Func<TextWriter, CancellationToken, Task> write) =>
        new(fileName, contentType, async (stream, ct) =>
        {
            await using var text = new StreamWriter(stream, Utf8, bufferSize: 64 * 1024, leaveOpen: true);
            await write(text, ct);
            await text.FlushAsync(ct);
        });

    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
}
