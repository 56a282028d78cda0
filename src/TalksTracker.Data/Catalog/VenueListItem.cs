namespace TalksTracker.Data.Catalog;

public sealed record VenueListItem(int Id, string Name, string? Country, int MeetingCount);
