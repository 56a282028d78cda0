using System.Globalization;
using System.Text;

namespace TalksTracker.Web.Extensions;

/// <summary>
/// What a user typed, made safe to log: control characters (a newline would start a forged log line, an escape
/// sequence would recolour a terminal) are written as <c>\n</c>, <c>\r</c>, <c>\t</c> or <c>\uXXXX</c>, and the
/// value is cut to <see cref="MaxLength"/> characters so one request cannot fill the log.
/// </summary>
public static class LogText
{
    public const int MaxLength = 200;

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var cut = value.Length > MaxLength;
        var text = new StringBuilder(Math.Min(value.Length, MaxLength) + 8);
        foreach (var c in cut ? value.AsSpan(0, MaxLength) : value.AsSpan())
        {
            _ = c switch
            {
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                '\\' => text.Append("\\\\"),
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' or '\u0085' => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                _ => text.Append(c),
            };
        }

        return cut ? text.Append("…(").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)").ToString() : text.ToString();
    }
}
