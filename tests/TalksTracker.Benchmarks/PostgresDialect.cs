using System.Globalization;
using System.Text;

namespace TalksTracker.Benchmarks;

/// <summary>
/// The floors are written once, in SQLite's spelling; on PostgreSQL the same statements run after three
/// mechanical changes, so both providers are compared with the same hand-written SQL:
/// PascalCase identifiers are quoted (EF's PostgreSQL schema keeps their case), <c>$name</c> parameters
/// become <c>@name</c>, and parameter values written as ISO dates or times are sent as dates and UTC
/// timestamps. String literals and identifiers already quoted are left alone; SQL keywords in the floors
/// are upper case and functions lower case, so neither is mistaken for an identifier.
/// </summary>
public static class PostgresDialect
{
    public static string Translate(string sql)
    {
        var result = new StringBuilder(sql.Length + 64);
        for (var i = 0; i < sql.Length;)
        {
            var c = sql[i];
            if (c is '\'' or '"')
            {
                var end = sql.IndexOf(c, i + 1);
                end = end < 0 ? sql.Length - 1 : end;
                result.Append(sql, i, end - i + 1);
                i = end + 1;
            }
            else if (c == '$' && i + 1 < sql.Length && char.IsLetter(sql[i + 1]))
            {
                result.Append('@');
                i++;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_'))
                {
                    i++;
                }

                var word = sql[start..i];
                var parameter = start > 0 && sql[start - 1] == '$';
                result.Append(!parameter && IsIdentifier(word) ? $"\"{word}\"" : word);
            }
            else
            {
                result.Append(c);
                i++;
            }
        }

        return result.ToString();
    }

    /// <summary>PascalCase: an upper-case first letter and at least one lower-case letter (keywords are all capitals).</summary>
    private static bool IsIdentifier(string word) => char.IsUpper(word[0]) && word.Any(char.IsLower);

    /// <summary>Parameter values the SQLite floors pass as text, typed for PostgreSQL's date and timestamptz columns.</summary>
    public static object Value(object value) => value switch
    {
        string s when s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        string s when s.Length == 19 && DateTime.TryParseExact(s, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => value,
    };
}
