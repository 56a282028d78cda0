using TalksTracker.Data.Services;

namespace TalksTracker.Web.Timeline;

/// <summary>The choices the timeline's filters offer.</summary>
public sealed class TimelineFilterOptions(TrackService tracks, ActorService actors, VenueService venues, SourceService sources)
{
    public sealed record Choices(IReadOnlyList<NamedRef> Tracks, IReadOnlyList<NamedRef> Actors, IReadOnlyList<NamedRef> Venues, IReadOnlyList<NamedRef> Sources)
    {
        public static Choices Empty { get; } = new([], [], [], []);
    }

    public async Task<Choices> GetAsync(CancellationToken ct = default) => new(
        (await tracks.ListAsync(ct)).Select(t => new NamedRef(t.Id, t.Name)).ToList(),
        (await actors.ListAsync(ct)).Select(a => new NamedRef(a.Id, a.Name)).ToList(),
        (await venues.ListAsync(ct)).Select(v => new NamedRef(v.Id, v.Name)).ToList(),
        (await sources.ListAsync(ct)).Select(s => new NamedRef(s.Id, s.Name)).ToList());
}
