using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TalksTracker.Data.Positions;
using TalksTracker.Domain;
using TalksTracker.Domain.Extraction;
using TalksTracker.Domain.Positions;

namespace TalksTracker.Data.Intake;

/// <summary>
/// The positions each proposed claim of a report states, read by the same <see cref="PositionFinder"/> the seeder runs,
/// fed the same way: the report's headline, then the claims in report order, each with its source, the source's
/// affiliation and the sentence before. The finder knows the items of the report's tracks (those its proposals are
/// linked to, by agenda item or meeting), the catalogue's parties and which of them are those tracks' parties (what "we"
/// can be when a briefing never names its own side). A report linked to no track gets none: an item of
/// some other negotiation is a guess an editor would undo. A stance of a party the catalogue lacks is proposed by the
/// party's name (<see cref="ProposalPosition.NewParty"/>).
/// </summary>
internal static class ProposedPositions
{
    // A position on a catalogue party is stored as before: no "newParty": null in every one.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static async Task<List<ProposalPosition>[]> FindAsync(IDbContextFactory<TalksTrackerDbContext> contextFactory, IReadOnlyList<ExtractedClaim> claims,
        ProposedLinks links, IReadOnlyList<int?> sourceIds, string? headline, ITextEmbedder meaning, ILogger logger, CancellationToken ct)
    {
        var found = claims.Select(_ => new List<ProposalPosition>()).ToArray();
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var agendaIds = links.AgendaItems.SelectMany(i => i).Distinct().ToList();
        var meetingIds = links.Meetings.SelectMany(m => m).Distinct().ToList();
        var tracks = await db.AgendaItems.AsNoTracking().Where(a => agendaIds.Contains(a.Id)).Select(a => a.TrackId)
            .Union(db.Meetings.AsNoTracking().Where(m => meetingIds.Contains(m.Id)).Select(m => m.TrackId))
            .ToListAsync(ct);
        if (tracks.Count == 0)
        {
            return found;
        }

        var items = await db.AgendaItems.AsNoTracking().Where(a => tracks.Contains(a.TrackId)).OrderBy(a => a.Id)
            .Select(a => new { a.Id, a.Title, Aliases = a.Aliases.Select(x => x.Alias).ToList() }).ToListAsync(ct);
        // Each party says whether it is a party to the report's tracks: who "we" is in a briefing that names only the other side.
        var parties = await db.Actors.AsNoTracking().Where(a => PositionService.PartyKinds.Contains(a.Kind)).OrderBy(a => a.Id)
            .Select(a => new
            {
                a.Id, a.Name, Aliases = a.Aliases.Select(x => x.Alias).ToList(),
                IsSide = db.TrackParticipants.Any(p => tracks.Contains(p.TrackId) && p.ActorId == a.Id && p.Role == TrackRole.Party),
            }).ToListAsync(ct);
        var known = sourceIds.OfType<int>().Distinct().ToList();
        var affiliations = await db.Sources.AsNoTracking().Where(s => known.Contains(s.Id) && s.Affiliation != null)
            .Select(s => new { s.Id, s.Affiliation!.Name }).ToDictionaryAsync(s => s.Id, s => s.Name, ct);

        var claimTexts = claims.Select((c, i) => new ClaimText(c.Text, c.Source, sourceIds[i] is { } sourceId ? affiliations.GetValueOrDefault(sourceId) : null)).ToList();
        IReadOnlyList<StatedPosition> stated;
        try
        {
            // Off the caller's thread: weighing meaning takes a few milliseconds a stance, and a circuit waits on this.
            stated = await Task.Run(() => ReportPositions.Find(claimTexts, [.. parties.Select(p => new PartyName(p.Name, p.Aliases, p.IsSide))],
                [.. items.Select(i => new AgendaItemName(i.Title, i.Aliases))], headline, meaning), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The finder's rules read any text an editor pastes; one that trips on a sentence must not stop the report from
            // being taken in. Its claims are proposed without positions, which the editor can add, and the log says why.
            logger.LogError(e, "Reading the positions of a report failed; its claims are proposed without them");
            return found;
        }

        var byClaim = StatedPosition.ByClaim(stated, claims.Count);
        for (var i = 0; i < claims.Count; i++)
        {
            found[i].AddRange(byClaim[i].Take(FieldLimits.ClaimProposalPositionCount)
                .Select(f => f.NewParty is { } newParty
                    ? new ProposalPosition(0, f.Kind, items[f.Item].Id, Trim(f.Wording), Cut(newParty, FieldLimits.ActorName))
                    : new ProposalPosition(parties[f.Party].Id, f.Kind, items[f.Item].Id, Trim(f.Wording))));
        }

        return found;
    }

    public static string Format(IEnumerable<ProposalPosition> positions)
    {
        var list = positions.Distinct().ToList();
        return list.Count == 0 ? "" : JsonSerializer.Serialize(list, Json);
    }

    /// <summary>The stored list; a value that is not one (never written by this code) reads as none rather than failing the review.</summary>
    public static List<ProposalPosition> Parse(string stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<ProposalPosition>>(stored, Json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string Trim(string wording) => Cut(wording, FieldLimits.PositionWording);

    private static string Cut(string text, int limit) => text.Length <= limit ? text : text[..limit];
}
