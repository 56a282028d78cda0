namespace TalksTracker.Data.Derived;

/// <summary>
/// Indexes in the timeline's own order (dated meetings first, newest or oldest, then by id), so its
/// first page is read from an index rather than by sorting every meeting. They index an expression
/// (SortDate IS NULL), which EF's model cannot state: the migrations of both engines create them with
/// this SQL, which SQLite and PostgreSQL both accept.
/// </summary>
public static class TimelineIndexes
{
    public const string NewestFirst = "IX_Meetings_Timeline_NewestFirst";
    public const string OldestFirst = "IX_Meetings_Timeline_OldestFirst";
    public const string ByTrack = "IX_Meetings_Timeline_Track_NewestFirst";
    public const string ByVenue = "IX_Meetings_Timeline_Venue_NewestFirst";

    public static IReadOnlyList<string> Names { get; } = [NewestFirst, OldestFirst, ByTrack, ByVenue];

    public static IReadOnlyList<string> Create { get; } =
    [
        $"""CREATE INDEX "{NewestFirst}" ON "Meetings" (("SortDate" IS NULL), "SortDate" DESC, "Id" DESC)""",
        $"""CREATE INDEX "{OldestFirst}" ON "Meetings" (("SortDate" IS NULL), "SortDate", "Id")""",
        // A track's or a venue's page, newest first, without sorting all its meetings.
        $"""CREATE INDEX "{ByTrack}" ON "Meetings" ("TrackId", ("SortDate" IS NULL), "SortDate" DESC, "Id" DESC)""",
        $"""CREATE INDEX "{ByVenue}" ON "Meetings" ("VenueId", ("SortDate" IS NULL), "SortDate" DESC, "Id" DESC)""",
    ];

    public static IReadOnlyList<string> Drop { get; } = Names.Select(name => $"""DROP INDEX IF EXISTS "{name}" """).ToList();
}
