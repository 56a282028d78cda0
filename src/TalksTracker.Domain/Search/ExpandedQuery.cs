using TalksTracker.Domain.Catalog;

namespace TalksTracker.Domain.Search;

/// <summary>
/// One part of the query the engines run: the words the user typed for it (all must match) or, when they
/// name an actor, any of the actor's other names (each a phrase). The clauses of a query are AND-ed.
/// </summary>
public sealed record SearchClause(IReadOnlyList<SearchTerm> Typed, IReadOnlyList<SearchTerm> OtherNames);

/// <summary>
/// A parsed query with actor names expanded: a word (or run of words, or quoted phrase) that is an actor's
/// name or alias also searches the actor's other names, so "Russia" finds "Moscow is playing a central
/// role…". Prefix terms are never expanded (they already ask for many words). Both engines render the
/// same clauses, so they search for the same thing.
/// </summary>
public sealed record ExpandedQuery(SearchQuery Query, IReadOnlyList<SearchClause> Clauses, IReadOnlyList<string> AlsoSearching)
{
    // Actor names are short: "United States of America" is the longest run of words worth trying.
    private const int MaxNameWords = 6;

    /// <summary>The query as typed: one clause per term, nothing added.</summary>
    public static ExpandedQuery Exact(SearchQuery query) =>
        new(query, query.Terms.Select(t => new SearchClause([t], [])).ToList(), []);

    /// <summary>
    /// Expands the runs of terms that name an actor, longest run first. <paramref name="actors"/> holds each
    /// actor's names (its name and aliases); names compare ignoring case and diacritics. A state's people are among
    /// its names ("Russians" searches Russia, Moscow, Kremlin; "Russia" also searches "Russian"), since reports say
    /// "Russian mediation" far more often than "Russia's".
    /// </summary>
    public static ExpandedQuery Expand(SearchQuery query, IEnumerable<IReadOnlyList<string>> actors)
    {
        // Only names some run of the query's words could be are kept: a search goes through every actor's names, and
        // building each actor's list of names (with its people's) for the few that match is most of the cost.
        var runs = RunsOf(query.Terms);
        var byName = new Dictionary<string, List<IReadOnlyList<string>>>(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            IReadOnlyList<string>? names = null;
            foreach (var name in actor.Concat(actor.SelectMany(Demonyms.Of)))
            {
                var folded = SearchQuery.Fold(name);
                if (!runs.Contains(folded))
                {
                    continue;
                }

                names ??= [.. actor, .. actor.SelectMany(Demonyms.Of).Except(actor, StringComparer.OrdinalIgnoreCase).Distinct()];
                var list = byName.TryGetValue(folded, out var known) ? known : byName[folded] = [];
                if (!list.Contains(names))
                {
                    list.Add(names);
                }
            }
        }

        var clauses = new List<SearchClause>();
        var added = new List<string>();
        var terms = query.Terms;
        var i = 0;
        while (i < terms.Count)
        {
            var (length, others) = LongestName(terms, i, byName);
            var typed = terms.Skip(i).Take(length).ToList();
            // Names are data as much as queries are input: the same characters are left out of them.
            var otherNames = others
                .Select(n => SearchQuery.WithoutControls(n).Trim())
                .Where(n => SearchQuery.Fold(n) != SearchQuery.Fold(string.Join(" ", typed.Select(t => t.Text))))
                .DistinctBy(SearchQuery.Fold)
                .Where(n => SearchQuery.Fold(n).Length > 0)
                .ToList();
            clauses.Add(new SearchClause(typed, otherNames.Select(n => new SearchTerm(n, IsPhrase: true, IsPrefix: false)).ToList()));
            added.AddRange(otherNames.Where(n => !added.Contains(n, StringComparer.OrdinalIgnoreCase)));
            i += length;
        }

        return new ExpandedQuery(query, clauses, added);
    }

    /// <summary>
    /// The SQLite FTS5 MATCH expression: clauses AND-ed, each an OR of what was typed and the other names. As typed,
    /// terms are side by side (FTS5's implicit AND); with an OR, FTS5 wants every AND spelled out around the brackets.
    /// </summary>
    public string? Fts5Match
    {
        get
        {
            if (Query.IsEmpty)
            {
                return null;
            }

            if (Clauses.All(c => c.OtherNames.Count == 0))
            {
                return string.Join(" ", Clauses.SelectMany(c => c.Typed).Select(SearchQuery.ToFts5));
            }

            return string.Join(" AND ", Clauses.Select(c =>
            {
                var typed = string.Join(" AND ", c.Typed.Select(SearchQuery.ToFts5));
                return c.OtherNames.Count == 0
                    ? typed
                    : "((" + typed + ") OR " + string.Join(" OR ", c.OtherNames.Select(SearchQuery.ToFts5)) + ")";
            }));
        }
    }

    /// <summary>A note for the user: what else was searched for ("also searching: Moscow, Kremlin").</summary>
    public string? AlsoSearchingText => AlsoSearching.Count == 0 ? null : "also searching: " + string.Join(", ", AlsoSearching);

    // Every run of up to MaxNameWords consecutive terms, folded: what LongestName may look up.
    private static HashSet<string> RunsOf(IReadOnlyList<SearchTerm> terms)
    {
        var runs = new HashSet<string>(StringComparer.Ordinal);
        for (var start = 0; start < terms.Count; start++)
        {
            for (var length = 1; length <= Math.Min(MaxNameWords, terms.Count - start); length++)
            {
                runs.Add(SearchQuery.Fold(string.Join(" ", terms.Skip(start).Take(length).Select(t => t.Text))));
            }
        }

        return runs;
    }

    private static (int Length, IReadOnlyList<string> Others) LongestName(
        IReadOnlyList<SearchTerm> terms, int start, Dictionary<string, List<IReadOnlyList<string>>> byName)
    {
        for (var length = Math.Min(MaxNameWords, terms.Count - start); length >= 1; length--)
        {
            var run = terms.Skip(start).Take(length).ToList();
            // A prefix is never a name; a quoted phrase is a name only on its own.
            if (run.Any(t => t.IsPrefix) || (length > 1 && run.Any(t => t.IsPhrase)))
            {
                continue;
            }

            if (byName.TryGetValue(SearchQuery.Fold(string.Join(" ", run.Select(t => t.Text))), out var actors))
            {
                return (length, actors.SelectMany(names => names).ToList());
            }
        }

        return (1, []);
    }
}
