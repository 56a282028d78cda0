using TalksTracker.Data.Services;

namespace TalksTracker.Web.Timeline;

/// <summary>The choices the timeline's filters offer.</summary>
public sealed class TimelineFilterOptions(TrackService tracks, ActorService actors, VenueService venues, SourceService sources)
{
    public sealed record Choices(IReadOnlyList<NamedRef> Tracks, IReadOnlyList<NamedRef> Actors, IReadOnlyList<NamedRef> Venues, IReadOnlyList<NamedRef> Sources)
    {
        public static Choices Empty { get; } = new([], [], [], []);
    }

    // Names only: the lists' counts (claims per track and per source, meetings per venue) cost a pass over
    // the claims on every timeline request and are not shown in the filters.
    public async Task<Choices> GetAsync(CancellationToken ct = default) => new(
        await tracks.NamesAsync(ct),
        (await actors.ListAsync(ct)).Select(a => new NamedRef(a.Id, a.Name)).ToList(),
        await venues.NamesAsync(ct),
        await sources.NamesAsync(ct));
}
