using TalksTracker.Domain;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Meetings;

/// <summary>Who attended a meeting, in what role (the meeting's own, not the track's) and at what level.</summary>
public sealed record MeetingParticipantView(NamedRef Actor, ParticipantRole Role, string? Level);
