using Microsoft.EntityFrameworkCore;
using TalksTracker.Data;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Testing;

/// <summary>
/// Recomputes the per-meeting figures the database keeps (claims, best source reliability, independent
/// origins, actors and agenda items named) and each agenda item's dated denials from the claims themselves, in C#, and lists every meeting
/// where the stored figures differ: an empty list means they are right.
/// </summary>
public static class DerivedFiguresCheck
{
    public static async Task<IReadOnlyList<string>> MismatchesAsync(TalksTrackerDbContext db, CancellationToken ct = default)
    {
        var links = await db.ClaimMeetings.AsNoTracking()
            .Select(cm => new
            {
                cm.MeetingId,
                cm.ClaimId,
                cm.Claim!.ReportId,
                cm.Claim.SourceId,
                cm.Claim.ViaSourceId,
                cm.Claim.Report!.Outlet,
                Reliability = cm.Claim.Source == null ? (Domain.Reliability?)null : cm.Claim.Source.Reliability,
            })
            .ToListAsync(ct);
        var actors = (await db.ClaimActors.AsNoTracking().Select(a => new { a.ClaimId, a.ActorId }).ToListAsync(ct)).ToLookup(a => a.ClaimId, a => a.ActorId);
        var items = (await db.ClaimAgendaItems.AsNoTracking().Select(a => new { a.ClaimId, a.AgendaItemId }).ToListAsync(ct)).ToLookup(a => a.ClaimId, a => a.AgendaItemId);

        var expected = links.GroupBy(l => l.MeetingId).ToDictionary(g => g.Key, g => new
        {
            Claims = g.Count(),
            Best = g.Min(l => l.Reliability),
            Origins = Origins.CountIndependent(g.Select(l => new ClaimOriginFacts(l.ClaimId, l.ReportId, l.SourceId, l.ViaSourceId, l.Outlet)).ToList()),
            Actors = g.SelectMany(l => actors[l.ClaimId]).Distinct().Order().ToList(),
            Items = g.SelectMany(l => items[l.ClaimId]).Distinct().Order().ToList(),
        });

        var facts = await db.MeetingClaimFacts.AsNoTracking().ToDictionaryAsync(f => f.MeetingId, ct);
        var mentions = (await db.MeetingMentions.AsNoTracking().ToListAsync(ct)).ToLookup(m => m.MeetingId, m => m.ActorId);
        var agenda = (await db.MeetingClaimAgendaItems.AsNoTracking().Select(x => new { x.MeetingId, x.AgendaItemId }).ToListAsync(ct))
            .ToLookup(x => x.MeetingId, x => x.AgendaItemId);

        var problems = new List<string>();
        foreach (var meeting in expected.Keys.Union(facts.Keys).Union(mentions.Select(g => g.Key)).Union(agenda.Select(g => g.Key)).Order())
        {
            expected.TryGetValue(meeting, out var want);
            facts.TryGetValue(meeting, out var have);
            var wanted = want is null ? "no claims" : $"{want.Claims} claims, best {want.Best?.ToString() ?? "none"}, {want.Origins} origins";
            var had = have is null ? "no claims" : $"{have.Claims} claims, best {have.BestReliability?.ToString() ?? "none"}, {have.IndependentOrigins?.ToString() ?? "?"} origins";
            if (wanted != had)
            {
                problems.Add($"meeting {meeting}: stored {had}, claims say {wanted}");
            }

            var wantedActors = string.Join(",", want?.Actors ?? []);
            var hadActors = string.Join(",", mentions[meeting].Order());
            if (wantedActors != hadActors)
            {
                problems.Add($"meeting {meeting}: actors named stored [{hadActors}], claims say [{wantedActors}]");
            }

            var wantedItems = string.Join(",", want?.Items ?? []);
            var hadItems = string.Join(",", agenda[meeting].Order());
            if (wantedItems != hadItems)
            {
                problems.Add($"meeting {meeting}: agenda items stored [{hadItems}], claims say [{wantedItems}]");
            }
        }

        var wantedDenials = (await db.ClaimAgendaItems.AsNoTracking()
                .Where(a => a.Claim!.Stance == Domain.Stance.Denies)
                .Select(a => new { a.AgendaItemId, a.ClaimId, a.Claim!.Report!.PublishedOn, a.Claim.Report.TakenInAt })
                .ToListAsync(ct))
            .Select(d => $"{d.AgendaItemId}/{d.ClaimId}@{d.PublishedOn ?? DateOnly.FromDateTime(d.TakenInAt):yyyy-MM-dd}")
            .Order(StringComparer.Ordinal).ToList();
        var hadDenials = (await db.AgendaItemDenials.AsNoTracking().ToListAsync(ct))
            .Select(d => $"{d.AgendaItemId}/{d.ClaimId}@{d.Date:yyyy-MM-dd}")
            .Order(StringComparer.Ordinal).ToList();
        problems.AddRange(hadDenials.Except(wantedDenials).Select(d => $"denial {d} stored but not in the claims"));
        problems.AddRange(wantedDenials.Except(hadDenials).Select(d => $"denial {d} in the claims but not stored"));

        // A claim about a track's meetings or agenda items counts once for it however many it names; a track without
        // claims may have no row.
        var meetingTracks = await db.Meetings.AsNoTracking().ToDictionaryAsync(m => m.Id, m => m.TrackId, ct);
        var itemTracks = await db.AgendaItems.AsNoTracking().ToDictionaryAsync(a => a.Id, a => a.TrackId, ct);
        var wantedTracks = links.Select(l => (Track: meetingTracks[l.MeetingId], l.ClaimId))
            .Concat(items.SelectMany(claim => claim.Select(item => (Track: itemTracks[item], ClaimId: claim.Key))))
            .Distinct()
            .GroupBy(p => p.Track).ToDictionary(g => g.Key, g => g.Count());
        var hadTracks = await db.TrackClaimFacts.AsNoTracking().ToDictionaryAsync(f => f.TrackId, f => f.Claims, ct);
        foreach (var track in wantedTracks.Keys.Union(hadTracks.Keys).Order())
        {
            if (wantedTracks.GetValueOrDefault(track) != hadTracks.GetValueOrDefault(track))
            {
                problems.Add($"track {track}: stored {hadTracks.GetValueOrDefault(track)} claims, links say {wantedTracks.GetValueOrDefault(track)}");
            }
        }

        return problems;
    }
}
