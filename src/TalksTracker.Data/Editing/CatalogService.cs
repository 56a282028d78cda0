using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Services;
using TalksTracker.Domain;

namespace TalksTracker.Data.Editing;

public sealed record NewSource(string? Name, SourceKind Kind, Reliability Reliability, int? AffiliationActorId = null, string? Description = null);

public sealed record NewMeeting(string? Title, int TrackId, int? VenueId, FuzzyDate Date, MeetingFormat Format, MeetingStatus Status, string? Summary = null);

/// <summary>Editors add the records claims are linked to: sources and meetings, checked before they are stored.</summary>
public sealed class CatalogService(IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    public async Task<Outcome<int>> CreateSourceAsync(NewSource request, string user, CancellationToken ct = default)
    {
        var name = request.Name?.Trim();
        var problems = new ProblemList();
        if (string.IsNullOrEmpty(name))
        {
            problems.Add(nameof(NewSource.Name), "A source needs a name, as reports name it (\"a senior Israeli security source\").");
        }
        else if (name.Length > 300)
        {
            problems.Add(nameof(NewSource.Name), "The name is longer than 300 characters.");
        }

        if (!Enum.IsDefined(request.Kind))
        {
            problems.Add(nameof(NewSource.Kind), "Choose what kind of source this is.");
        }

        if (!Enum.IsDefined(request.Reliability))
        {
            problems.Add(nameof(NewSource.Reliability), "Reliability is graded A to F.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        db.AuditUser = user;
        if (name is not null && await db.Sources.AnyAsync(s => s.Name == name, ct))
        {
            problems.Add(nameof(NewSource.Name), $"A source named “{name}” already exists: pick it instead.");
        }

        await RecordChecks.CheckExistsAsync(db.Actors, request.AffiliationActorId is { } a ? [a] : Array.Empty<int>(), nameof(NewSource.AffiliationActorId), "actor", problems, ct);
        if (problems.Any)
        {
            return Outcome<int>.Failure(problems.ToDictionary());
        }

        var source = db.Sources.Add(new Source
        {
            Name = name!,
            Kind = request.Kind,
            Reliability = request.Reliability,
            AffiliationActorId = request.AffiliationActorId,
            Description = request.Description?.Trim(),
        }).Entity;
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Success(source.Id);
    }

    public async Task<Outcome<int>> CreateMeetingAsync(NewMeeting request, string user, CancellationToken ct = default)
    {
        var title = request.Title?.Trim();
        var problems = new ProblemList();
        if (string.IsNullOrEmpty(title) || title.Length > 300)
        {
            problems.Add(nameof(NewMeeting.Title), "A meeting needs a title of at most 300 characters.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        db.AuditUser = user;
        await RecordChecks.CheckExistsAsync(db.Tracks, [request.TrackId], nameof(NewMeeting.TrackId), "track", problems, ct);
        await RecordChecks.CheckExistsAsync(db.Venues, request.VenueId is { } v ? [v] : Array.Empty<int>(), nameof(NewMeeting.VenueId), "venue", problems, ct);
        if (problems.Any)
        {
            return Outcome<int>.Failure(problems.ToDictionary());
        }

        var meeting = db.Meetings.Add(new Meeting
        {
            Title = title!,
            TrackId = request.TrackId,
            VenueId = request.VenueId,
            Date = request.Date,
            Format = request.Format,
            Status = request.Status,
            Summary = request.Summary?.Trim(),
        }).Entity;
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Success(meeting.Id);
    }
}
