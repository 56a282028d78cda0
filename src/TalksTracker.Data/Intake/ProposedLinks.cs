using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;
using TalksTracker.Domain.Extraction;
using TalksTracker.Domain.Linking;

namespace TalksTracker.Data.Intake;

/// <summary>
/// What each proposed claim of a report is about, as an editor would link it, so that review is mostly accepting:
/// <list type="bullet">
/// <item>actors the sentence names (by name or alias);</item>
/// <item>agenda items it names, by title or by their words (<see cref="AgendaMatcher{T}"/>);</item>
/// <item>the meeting at a venue it names, nearest the report's date; and, when the report points to one meeting only,
/// that meeting for its other sentences about the talks;</item>
/// <item>a denial of substance ("denied that any such demand had been accepted") goes against what it denies: the agenda
/// items it or the sentence before it speaks of, never the meeting (<see cref="Denials"/>).</item>
/// </list>
/// </summary>
internal sealed record ProposedLinks(List<int>[] Actors, List<int>[] AgendaItems, List<int>[] Meetings)
{
    /// <summary>How far before the report's date a meeting at a named venue is still taken for the one it reports.</summary>
    private const int MeetingWindowDays = 90;

    private static readonly HashSet<string> TalkWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "talks", "meeting", "meetings", "round", "session", "sessions", "negotiations", "discussions", "negotiators", "delegations",
    };

    public static async Task<ProposedLinks> LoadAsync(IDbContextFactory<TalksTrackerDbContext> contextFactory, ExtractionResult extraction, DateOnly asOf, CancellationToken ct)
    {
        var claims = extraction.Claims;
        var actors = claims.Select(c => Ids(c.Mentions, GazetteerEntryKind.Actor)).ToArray();
        var agendaItems = claims.Select(c => Ids(c.Mentions, GazetteerEntryKind.AgendaTopic)).ToArray();
        var meetings = claims.Select(_ => new List<int>()).ToArray();
        if (claims.Count == 0)
        {
            return new ProposedLinks(actors, agendaItems, meetings);
        }

        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var matcher = new AgendaMatcher<int>((await db.AgendaItems.AsNoTracking().Select(a => new { a.Id, a.Title }).ToListAsync(ct)).Select(a => (a.Id, a.Title)));
        var venues = claims.SelectMany(c => Ids(c.Mentions, GazetteerEntryKind.Venue)).Distinct().ToList();
        var earliest = asOf.AddDays(-MeetingWindowDays);
        var atVenues = venues.Count == 0 ? [] : await db.Meetings.AsNoTracking()
            .Where(m => m.VenueId != null && venues.Contains(m.VenueId.Value) && m.SortDate != null && m.SortDate <= asOf.AddDays(1) && m.SortDate >= earliest)
            .Select(m => new { m.Id, VenueId = m.VenueId!.Value, SortDate = m.SortDate!.Value })
            .ToListAsync(ct);
        var nearest = atVenues.GroupBy(m => m.VenueId)
            .ToDictionary(g => g.Key, g => g.OrderBy(m => Math.Abs(asOf.DayNumber - m.SortDate.DayNumber)).ThenByDescending(m => m.Id).First().Id);

        for (var i = 0; i < claims.Count; i++)
        {
            agendaItems[i] = [.. agendaItems[i].Union(matcher.Matching(claims[i].Text))];
            meetings[i] = [.. Ids(claims[i].Mentions, GazetteerEntryKind.Venue).Where(nearest.ContainsKey).Select(v => nearest[v]).Distinct()];
        }

        // One meeting named in the report: its other sentences about the talks are about it too.
        var named = meetings.SelectMany(m => m).Distinct().ToList();
        for (var i = 0; i < claims.Count; i++)
        {
            var substance = claims[i].Stance == Stance.Denies && Denials.Of(claims[i].Text) == DenialTarget.Substance;
            if (substance)
            {
                meetings[i] = [];
                if (agendaItems[i].Count == 0 && i > 0)
                {
                    agendaItems[i] = [.. agendaItems[i - 1]];
                }
            }
            else if (named.Count == 1 && meetings[i].Count == 0 && Words(claims[i].Text).Any(TalkWords.Contains))
            {
                meetings[i] = [named[0]];
            }
        }

        return new ProposedLinks(actors, agendaItems, meetings);
    }

    private static List<int> Ids(IEnumerable<Mention> mentions, GazetteerEntryKind kind) =>
        [.. mentions.Where(m => m.Kind == kind).Select(m => GazetteerService.IdOf(m.EntryId, kind)).OfType<int>().Distinct()];

    private static IEnumerable<string> Words(string text) =>
        text.Split((char[])[' ', ',', '.', ';', ':', '"', '“', '”'], StringSplitOptions.RemoveEmptyEntries);
}
