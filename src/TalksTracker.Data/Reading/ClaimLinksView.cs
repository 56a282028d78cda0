using TalksTracker.Data.Common;

namespace TalksTracker.Data.Reading;

/// <summary>What a claim on the report reader is linked to: its meetings, and its agenda items with their track.</summary>
public sealed record ClaimLinksView(IReadOnlyList<NamedRef> Meetings, IReadOnlyList<AgendaItemRef> AgendaItems)
{
    public static readonly ClaimLinksView None = new([], []);
}

/// <summary>An agenda item as a link target: it is shown on its track's progress board.</summary>
public sealed record AgendaItemRef(int Id, string Title, int TrackId);
