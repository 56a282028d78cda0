using TalksTracker.Domain;

namespace TalksTracker.Data.Progress;

public sealed record DigestMeeting(int Id, string Title, FuzzyDate Date, MeetingStatus Status, DateTime RecordedAt);
