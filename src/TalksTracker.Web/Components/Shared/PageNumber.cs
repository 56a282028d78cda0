using System.Globalization;

namespace TalksTracker.Web.Components.Shared;

/// <summary>A page number from a query string (<c>?page=</c>): a bad one is ignored with a message for the page to show.</summary>
public static class PageNumber
{
    /// <summary>
    /// The page asked for, or 1 with <paramref name="problem"/> saying why when it is not a number from 1 to
    /// <paramref name="max"/> (any number from 1 when there is no bound the page knows before it reads).
    /// </summary>
    public static int Parse(string? raw, int? max, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            return 1;
        }

        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1 && page <= (max ?? int.MaxValue))
        {
            return page;
        }

        var shown = raw.Length <= 20 ? raw : raw[..20] + "…";
        problem = max is { } last
            ? $"Ignored page “{shown}”: not a page number from 1 to {last.ToString("N0", CultureInfo.InvariantCulture)}."
            : $"Ignored page “{shown}”: not a page number.";
        return 1;
    }
}
