using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Claims;

/// <summary>
/// Answers "where does this come from": the claims behind a meeting, agenda item, actor, source or
/// report, each with its report, span and source. Records a claim only when it points into a real
/// report with a valid span and names sources and links that exist.
/// </summary>
public sealed class ClaimService(IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    // Driven from the link tables' (X, ClaimId) indexes: an EXISTS on Claims would scan every claim.
    public async Task<IReadOnlyList<ClaimView>> ForMeetingAsync(int meetingId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await OfMeeting.For(db)(db, meetingId).ToListAsync(ct);
    }

    // Compiled once (the dossier and the report reader are measured against hand-written floors, docs/query-shapes.md)
    // and read on the caller's context.
    internal static readonly CompiledQuery<Func<TalksTrackerDbContext, int, IAsyncEnumerable<ClaimView>>> OfMeeting = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, int meetingId) => db.ClaimMeetings.Where(m => m.MeetingId == meetingId).Select(m => m.Claim!)
            .AsNoTracking()
            .OrderBy(c => c.ReportId).ThenBy(c => c.Start)
            .Select(ClaimView.Projection)));

    internal static readonly CompiledQuery<Func<TalksTrackerDbContext, int, IAsyncEnumerable<ClaimView>>> OfReport = new(() => EF.CompileAsyncQuery(
        (TalksTrackerDbContext db, int reportId) => db.Claims.Where(c => c.ReportId == reportId)
            .AsNoTracking()
            .OrderBy(c => c.ReportId).ThenBy(c => c.Start)
            .Select(ClaimView.Projection)));

    public Task<IReadOnlyList<ClaimView>> ForAgendaItemAsync(int agendaItemId, CancellationToken ct = default) =>
        QueryAsync(db => db.ClaimAgendaItems.Where(a => a.AgendaItemId == agendaItemId).Select(a => a.Claim!), ct);

    /// <summary>How many claims an actor's or a source's page reads and lists (<see cref="ClaimList"/>).</summary>
    public const int ClaimsListed = 300;

    /// <summary>Claims naming the actor: how many, and the newest <see cref="ClaimsListed"/>.</summary>
    public async Task<ClaimList> ForActorAsync(int actorId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await ListAsync(db.ClaimActors.Where(a => a.ActorId == actorId).Select(a => a.Claim!), ct);
    }

    /// <summary>How many claims there are, and the newest <see cref="ClaimsListed"/> of them (highest id first: the index order, so no sort of them all).</summary>
    internal static async Task<ClaimList> ListAsync(IQueryable<Claim> claims, CancellationToken ct) =>
        new(await claims.CountAsync(ct),
            await claims.AsNoTracking().OrderByDescending(c => c.Id).Take(ClaimsListed).Select(ClaimView.Projection).ToListAsync(ct));

    /// <summary>
    /// Records a claim an editor marks on a report themselves (one the extraction missed, or made after the review): the
    /// span, source, relay, stance, grades and links go through the same checks as a correction. A withdrawn report takes
    /// none. Returns the new claim's id.
    /// </summary>
    public async Task<Outcome<int>> RecordClaimAsync(NewClaim request, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var problems = new ProblemList();

        var report = await db.Reports.Where(r => r.Id == request.ReportId).Select(r => new { r.Text, r.WithdrawnAt }).SingleOrDefaultAsync(ct);
        var reportText = report?.Text ?? "";
        if (report is null)
        {
            problems.Add(nameof(NewClaim.ReportId), $"There is no report {request.ReportId}.");
        }
        else if (report.WithdrawnAt is not null)
        {
            problems.Add(nameof(NewClaim.ReportId), "This report was withdrawn: it takes no new claims unless it is restored.");
        }
        else if (new TextSpan(request.Start, request.End).ProblemFor(report.Text.Length) is { } spanProblem)
        {
            problems.Add(nameof(NewClaim.Start), spanProblem);
        }

        if (request.Cue?.Length > FieldLimits.ClaimCue)
        {
            problems.Add(nameof(NewClaim.Cue), $"At most {FieldLimits.ClaimCue} characters ({request.Cue.Length} given).");
        }

        if (request.Hedge?.Length > FieldLimits.ClaimHedge)
        {
            problems.Add(nameof(NewClaim.Hedge), $"At most {FieldLimits.ClaimHedge} characters ({request.Hedge.Length} given).");
        }

        await ClaimChecks.CheckAsync(db, request.Stance, request.Credibility, request.SourceId, request.ViaSourceId, request.MeetingIds, request.AgendaItemIds, request.ActorIds, problems, ct);

        if (problems.Any)
        {
            return Outcome<int>.Failure(problems.ToDictionary());
        }

        var claim = new Claim
        {
            ReportId = request.ReportId,
            Start = request.Start,
            End = request.End,
            Quote = new TextSpan(request.Start, request.End).Slice(reportText),
            SourceId = request.SourceId,
            ViaSourceId = request.ViaSourceId,
            Stance = request.Stance,
            Credibility = request.Credibility,
            Cue = request.Cue,
            Hedge = request.Hedge,
            Meetings = (request.MeetingIds ?? []).Distinct().Select(id => new ClaimMeeting { MeetingId = id }).ToList(),
            AgendaItems = (request.AgendaItemIds ?? []).Distinct().Select(id => new ClaimAgendaItem { AgendaItemId = id }).ToList(),
            Actors = (request.ActorIds ?? []).Distinct().Select(id => new ClaimActor { ActorId = id }).ToList(),
        };
        db.Claims.Add(claim);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Success(claim.Id);
    }

    /// <summary>The claims a report holds, read on a context the caller already has open (one context for a whole page).</summary>
    private async Task<IReadOnlyList<ClaimView>> QueryAsync(Func<TalksTrackerDbContext, IQueryable<Claim>> filter, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await ViewsAsync(filter(db), ct);
    }

    private static async Task<IReadOnlyList<ClaimView>> ViewsAsync(IQueryable<Claim> claims, CancellationToken ct) =>
        await claims.AsNoTracking()
            .OrderBy(c => c.ReportId).ThenBy(c => c.Start)
            .Select(ClaimView.Projection)
            .ToListAsync(ct);
}
