using TalksTracker.Domain;
using TalksTracker.Domain.Progress;

namespace TalksTracker.Data.Progress;

/// <summary>How far each agenda item of a track has moved, with the backing of each status.</summary>
public sealed record ProgressBoard(int TrackId, string TrackName, IReadOnlyList<BoardItem> Items)
{
    public const string Rule =
        "The newest well-sourced report of a status wins (" + StatusDerivation.WellSourcedRule + "); " +
        "when none is well sourced, the newest report at all is shown and marked as such. " +
        "Ties on the date go to the better grade, then more independent origins, then the later-recorded report. " +
        "A denial by a party's source, not older than the status, marks it disputed.";

    public IReadOnlyList<BoardItem> OpenGaps => Items.Where(i => i.IsOpenGap).ToList();

    /// <summary>Agenda items per current status ("none" counts items without a reported status under null).</summary>
    public IReadOnlyDictionary<AgendaStatus, int> CountsByStatus =>
        Items.Where(i => i.Current is not null).GroupBy(i => i.Current!.Status).OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

    public int WithoutStatus => Items.Count(i => i.Current is null);

    public int Disputed => Items.Count(i => i.Current is { Disputed: true });
}
