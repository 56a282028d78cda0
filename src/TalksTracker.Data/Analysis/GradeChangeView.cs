using TalksTracker.Domain;

namespace TalksTracker.Data.Analysis;

public sealed record GradeChangeView(Reliability From, Reliability To, string Reason, string ChangedBy, DateTime ChangedAt);
