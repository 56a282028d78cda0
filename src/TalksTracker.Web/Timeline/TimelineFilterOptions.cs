using TalksTracker.Data.Catalog;
using TalksTracker.Data.Common;
using TalksTracker.Data.Meetings;
namespace TalksTracker.Web.Timeline;

/// <summary>
/// The choices the timeline's filters offer. Actors, venues and sources run to thousands, so their pickers
/// ask for the names matching what is typed, and the page looks up only the names of those chosen.
/// </summary>
public sealed class TimelineFilterOptions(TrackService tracks, ActorService actors, VenueService venues, SourceService sources)
{
    /// <summary>The actor, venue and source the query picks, by name; null where it picks none.</summary>
    public sealed record Chosen(NamedRef? Actor, NamedRef? Venue, NamedRef? Source)
    {
        public static Chosen None { get; } = new(null, null, null);
    }

    /// <summary>A query whose record filters all name existing records, with the names.</summary>
    public sealed record Resolved(TimelineQuery Query, Chosen Chosen, IReadOnlyDictionary<string, string[]> Problems);

    public Task<IReadOnlyList<NamedRef>> TracksAsync(CancellationToken ct = default) => tracks.NamesAsync(ct);

    public Task<IReadOnlyList<NamedRef>> SearchActorsAsync(string? text, CancellationToken ct) => actors.SearchNamesAsync(text, ct: ct);

    public Task<IReadOnlyList<NamedRef>> SearchVenuesAsync(string? text, CancellationToken ct) => venues.SearchNamesAsync(text, ct: ct);

    public Task<IReadOnlyList<NamedRef>> SearchSourcesAsync(string? text, CancellationToken ct) => sources.SearchNamesAsync(text, ct: ct);

    /// <summary>
    /// Looks up the names of the chosen actor, venue and source (one small query each). An id no record has
    /// is dropped from the query and reported, like any other bad value in the query string.
    /// </summary>
    public async Task<Resolved> ResolveAsync(TimelineQuery query, CancellationToken ct = default)
    {
        var problems = new ProblemList();
        var actor = await NameOfAsync(query.ActorId, actors.NameOfAsync, TimelineQueryString.Actor, "actor");
        var venue = await NameOfAsync(query.VenueId, venues.NameOfAsync, TimelineQueryString.Venue, "venue");
        var source = await NameOfAsync(query.SourceId, sources.NameOfAsync, TimelineQueryString.Source, "source");
        return new Resolved(query with { ActorId = actor?.Id, VenueId = venue?.Id, SourceId = source?.Id },
            new Chosen(actor, venue, source), problems.ToDictionary());

        async Task<NamedRef?> NameOfAsync(int? id, Func<int, CancellationToken, Task<NamedRef?>> nameOf, string key, string kind)
        {
            if (id is not { } wanted)
            {
                return null;
            }

            var found = await nameOf(wanted, ct);
            if (found is null)
            {
                problems.Add(key, $"no {kind} has the id {wanted}.");
            }

            return found;
        }
    }
}
