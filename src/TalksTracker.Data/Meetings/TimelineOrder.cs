namespace TalksTracker.Data.Meetings;

public enum TimelineOrder
{
    NewestFirst,
    OldestFirst,
}
