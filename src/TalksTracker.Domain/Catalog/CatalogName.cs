using System.Text;

namespace TalksTracker.Domain.Catalog;

/// <summary>
/// Names of the records claims are linked to (actors and their aliases, venues, meetings, agenda
/// items) as editors type them, and compared the way people read them: "moscow", "Moscow " and
/// "MOSCOW" are one name, and so are "Syria–Israel" and "Syria-Israel".
/// </summary>
public static class CatalogName
{
    /// <summary>The name trimmed, with runs of white space folded to one space; null when nothing is left.</summary>
    public static string? Clean(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var builder = new StringBuilder(name.Length);
        var space = false;
        foreach (var c in name.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>What two names must share to be the same name: case, spacing, dash and apostrophe styles aside.</summary>
    public static string Key(string? name)
    {
        var clean = Clean(name);
        if (clean is null)
        {
            return "";
        }

        var builder = new StringBuilder(clean.Normalize(NormalizationForm.FormKC).ToUpperInvariant());
        for (var i = 0; i < builder.Length; i++)
        {
            builder[i] = builder[i] switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u2018' or '\u2019' or '\u02BC' => '\'',
                var c => c,
            };
        }

        return builder.ToString();
    }

    /// <summary>Whether two names are the same name (see <see cref="Key"/>); an empty name is nobody's.</summary>
    public static bool Same(string? a, string? b)
    {
        var key = Key(a);
        return key.Length > 0 && key == Key(b);
    }

    /// <summary>Why a name cannot be stored (missing, too long, control characters), or null when it can.</summary>
    public static string? ProblemWith(string? name, int maxLength, string missing)
    {
        var clean = Clean(name);
        if (clean is null)
        {
            return missing;
        }

        if (clean.Length > maxLength)
        {
            return $"At most {maxLength} characters ({clean.Length} given).";
        }

        return clean.Any(char.IsControl) ? "The name contains control characters." : null;
    }

    /// <summary>
    /// Whether a text names <paramref name="name"/> as whole words, ignoring case, except short
    /// all-capital names ("US", "UN"), which must match their case so "us" is not the United States.
    /// </summary>
    public static bool IsMentionedIn(string text, string name)
    {
        var wanted = Clean(name);
        if (wanted is null || string.IsNullOrEmpty(text))
        {
            return false;
        }

        var comparison = wanted.Length <= 3 && wanted.All(char.IsUpper) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        for (var at = text.IndexOf(wanted, comparison); at >= 0; at = text.IndexOf(wanted, at + 1, comparison))
        {
            var end = at + wanted.Length;
            if (!IsWordCharBefore(text, at, wanted) && !IsWordCharAfter(text, end, wanted))
            {
                return true;
            }
        }

        return false;
    }

    // A name that itself starts or ends with punctuation ("U.S.") decides its own boundary on that side.
    private static bool IsWordCharBefore(string text, int at, string name) =>
        at > 0 && char.IsLetterOrDigit(name[0]) && char.IsLetterOrDigit(text[at - 1]);

    private static bool IsWordCharAfter(string text, int end, string name) =>
        end < text.Length && char.IsLetterOrDigit(name[^1]) && char.IsLetterOrDigit(text[end]);
}
