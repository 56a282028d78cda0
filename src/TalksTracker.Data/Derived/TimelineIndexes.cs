namespace TalksTracker.Data.Derived;

/// <summary>
/// Indexes in the timeline's own order (dated meetings first, newest or oldest, then by id), so its
/// first page is read from an index rather than by sorting every meeting. They index an expression
/// (SortDate IS NULL), which EF's model cannot state: the TimelineAtScale migration of each engine creates them
/// in SQL both engines accept. Their names, for the checks that they exist.
/// </summary>
public static class TimelineIndexes
{
    public const string NewestFirst = "IX_Meetings_Timeline_NewestFirst";
    public const string OldestFirst = "IX_Meetings_Timeline_OldestFirst";
    public const string ByTrack = "IX_Meetings_Timeline_Track_NewestFirst";
    public const string ByVenue = "IX_Meetings_Timeline_Venue_NewestFirst";

    public static IReadOnlyList<string> Names { get; } = [NewestFirst, OldestFirst, ByTrack, ByVenue];
}
