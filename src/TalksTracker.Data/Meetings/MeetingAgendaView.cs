using TalksTracker.Domain;

namespace TalksTracker.Data.Meetings;

public sealed record MeetingAgendaView(int AgendaItemId, string Title, AgendaCategory Category, AgendaStatus Status, string? Note);
