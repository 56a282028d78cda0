namespace TalksTracker.Data.Reading;

public sealed record OverviewCounts(int Tracks, int Meetings, int Reports, int Claims, int Sources, int Actors, int Venues);
