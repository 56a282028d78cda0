using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;
using TalksTracker.Domain.Search;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Catalog;

/// <summary>
/// Records found by what a person has typed of their name, for pickers that ask the server as the
/// user types instead of listing every record: the name contains the text, case aside (SQLite: ASCII
/// letters, like its NOCASE names; PostgreSQL: citext), names starting with it first, then by name.
/// </summary>
public static class NameSearch
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    /// <summary>What escapes <c>%</c> and <c>_</c> in the patterns given to <see cref="Matching{T}"/>.</summary>
    public const string Escape = "\\";

    /// <summary>
    /// The condition a record must meet for a LIKE pattern (escaped with <see cref="Escape"/>); by default its
    /// name is like the pattern.
    /// </summary>
    public delegate Expression<Func<T, bool>> Matching<T>(string likePattern);

    /// <summary>
    /// Up to <paramref name="limit"/> records whose name (or what <paramref name="matching"/> says) contains
    /// <paramref name="text"/>; empty text gives the first by name.
    /// </summary>
    public static async Task<IReadOnlyList<NamedRef>> FindAsync<T>(IDbContextFactory<TalksTrackerDbContext> contexts,
        Func<TalksTrackerDbContext, IQueryable<T>> records, string? text, int limit, CancellationToken ct, Matching<T>? matching = null)
        where T : class, INamed
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        matching ??= pattern => r => EF.Functions.Like(r.Name, pattern, Escape);
        limit = Math.Clamp(limit, 1, MaxLimit);
        var typed = Typed(text);
        var ordered = typed is null
            ? records(db).AsNoTracking().OrderBy(r => r.Name)
            : records(db).AsNoTracking()
                .Where(matching($"%{EscapeWildcards(typed)}%"))
                .OrderByDescending(matching($"{EscapeWildcards(typed)}%"))
                .ThenBy(r => r.Name);
        return await ordered.ThenBy(r => r.Id).Take(limit).Select(r => new NamedRef(r.Id, r.Name)).ToListAsync(ct);
    }

    /// <summary>The record's id and name, or null when no record has the id.</summary>
    public static async Task<NamedRef?> NameOfAsync<T>(IDbContextFactory<TalksTrackerDbContext> contexts,
        Func<TalksTrackerDbContext, IQueryable<T>> records, int id, CancellationToken ct) where T : class, INamed
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await records(db).AsNoTracking().Where(r => r.Id == id).Select(r => new NamedRef(r.Id, r.Name)).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// What was typed, cleaned as names are, with control characters as spaces: no name holds one, and PostgreSQL
    /// refuses a NUL in a parameter (a 500 for <c>?q=%00</c>). Null when nothing is left.
    /// </summary>
    internal static string? Typed(string? text) => CatalogName.Clean(text is null ? null : SearchQuery.WithoutControls(text));

    /// <summary>The text with LIKE's wildcards escaped (by <see cref="Escape"/>), to put between <c>%</c>s.</summary>
    internal static string EscapeWildcards(string text) =>
        text.Replace(Escape, Escape + Escape, StringComparison.Ordinal)
            .Replace("%", Escape + "%", StringComparison.Ordinal)
            .Replace("_", Escape + "_", StringComparison.Ordinal);
}
