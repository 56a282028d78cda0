using TalksTracker.Domain;

namespace TalksTracker.Data.Intake;

public sealed record SupportedStatus(int AgendaItemId, AgendaStatus Status);
