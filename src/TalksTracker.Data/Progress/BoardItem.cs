using TalksTracker.Domain;
using TalksTracker.Domain.Progress;

namespace TalksTracker.Data.Progress;

/// <summary>An agenda item on the progress board: its derived current status (null: no status reported) and its history.</summary>
public sealed record BoardItem(
    int Id,
    string Title,
    AgendaCategory Category,
    string? Description,
    DerivedStatus? Current,
    string? CurrentNote,
    IReadOnlyList<AgendaStatusStep> History,
    OpenGapView? OpenGap)
{
    public bool IsOpenGap => OpenGap is not null;
}
