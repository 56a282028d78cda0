using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Persistence;
using TalksTracker.Data.Common;
using TalksTracker.Data.Time;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;

namespace TalksTracker.Data.Editing;

/// <summary>
/// Editors correct a track — its name, description, whether it is official, its parties with their roles and
/// acknowledgement — and archive it when it ends, or restore it. An archived track leaves pickers and the list of
/// current tracks; its record, meetings and board stay readable. Creating a track is a catalog creation
/// (<see cref="CatalogService.CreateTrackAsync"/>).
/// </summary>
public sealed class TrackCorrections(IDbContextFactory<TalksTrackerDbContext> contextFactory, TimeProvider clock)
{
    public async Task<Outcome<Corrected>> EditAsync(int id, TrackEdit request, CancellationToken ct = default)
    {
        var name = CatalogName.Clean(request.Name);
        var problems = new ProblemList();
        var parties = TrackParties.Check(request.Name, request.Description, request.Parties, problems);

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await WriteGate.BeginAsync(db, WriteLock.Names, ct);
        var track = await db.Tracks.Include(t => t.Participants).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (track is null)
        {
            return Edits.NotFound<Corrected>("track", id);
        }

        var names = await TrackParties.NamesAsync(db, parties.Select(p => p.ActorId).Concat(track.Participants.Select(p => p.ActorId)), ct);
        if (Edits.Stale<Corrected>(track, request.Version,
                (nameof(TrackEdit.Name), name, track.Name),
                (nameof(TrackEdit.Description), CatalogName.Clean(request.Description), track.Description),
                (nameof(TrackEdit.IsOfficial), request.IsOfficial, track.IsOfficial),
                (nameof(TrackEdit.Parties), TrackParties.Describe(parties.Select(p => (p.ActorId, p.Role, p.Acknowledgement)), names),
                    TrackParties.Describe(track.Participants.Select(p => (p.ActorId, p.Role, p.Acknowledgement)), names))) is { } stale)
        {
            return stale;
        }

        await TrackParties.CheckActorsAsync(db, parties, problems, ct);
        if (name is not null && await CatalogService.TrackMatchAsync(db, name, id, ct) is { } duplicate)
        {
            problems.Add(duplicate.Field, duplicate.Message);
        }

        if (problems.Any)
        {
            return Outcome<Corrected>.Failure(problems.ToDictionary());
        }

        track.Name = name!;
        track.Description = CatalogName.Clean(request.Description);
        track.IsOfficial = request.IsOfficial;
        TrackParties.Replace(track.Participants, parties);

        return await Edits.SaveAsync(db, transaction, track, request.Version, () => new Corrected(track.Id, track.Name, track.Version), ct);
    }

    /// <summary>Archives the track: it leaves pickers and current lists, and no meeting can be added to it until it is restored.</summary>
    public Task<Outcome<Corrected>> ArchiveAsync(int id, TrackArchival request, CancellationToken ct = default) =>
        SetArchivedAsync(id, request, archive: true, ct);

    public Task<Outcome<Corrected>> RestoreAsync(int id, TrackArchival request, CancellationToken ct = default) =>
        SetArchivedAsync(id, request, archive: false, ct);

    private async Task<Outcome<Corrected>> SetArchivedAsync(int id, TrackArchival request, bool archive, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var track = await db.Tracks.SingleOrDefaultAsync(t => t.Id == id, ct);
        if (track is null)
        {
            return Edits.NotFound<Corrected>("track", id);
        }

        if (Edits.Stale<Corrected>(track, request.Version, ("Archived", archive ? "no" : "yes", track.ArchivedAt is null ? "no" : "yes")) is { } stale)
        {
            return stale;
        }

        if (archive == track.ArchivedAt is not null)
        {
            return Outcome<Corrected>.Failure(nameof(Track.ArchivedAt), archive ? $"“{track.Name}” is already archived." : $"“{track.Name}” is not archived.");
        }

        track.ArchivedAt = archive ? clock.UtcNow() : null;
        return await Edits.SaveAsync(db, transaction, track, request.Version, () => new Corrected(track.Id, track.Name, track.Version), ct);
    }
}
