using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Claims;
using TalksTracker.Data.Common;
using TalksTracker.Data.Persistence;
using TalksTracker.Domain;
using TalksTracker.Domain.Catalog;
using TalksTracker.Domain.Positions;
using TalksTracker.Data.Positions;

namespace TalksTracker.Data.Intake;

/// <summary>
/// The editor's review of a report's proposed claims: every change is saved at once (a review
/// survives a closed tab), split and merge reshape proposals, and completing the review turns the
/// accepted ones into claims, links and status changes in one transaction.
/// </summary>
public sealed class ReviewService(IDbContextFactory<TalksTrackerDbContext> contextFactory)
{
    /// <summary>The field of a completion refused because there is no such report.</summary>
    public const string UnknownReport = "ReportId";

    public async Task<ReviewSession?> OpenAsync(int reportId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var report = await db.Reports.AsNoTracking().Where(r => r.Id == reportId)
            .Select(r => new { r.Id, r.Title, r.Text, Claims = r.Claims.Count }).SingleOrDefaultAsync(ct);
        if (report is null)
        {
            return null;
        }

        var proposals = await db.ClaimProposals.AsNoTracking().Where(p => p.ReportId == reportId)
            .OrderBy(p => p.Start).ThenBy(p => p.Id).ToListAsync(ct);
        var newSources = await SourceSuggestions.ForAsync(db,
            proposals.Where(p => p.SourceId is null).Select(p => p.SourceMention),
            proposals.Where(p => p.ViaSourceId is null).Select(p => p.ViaMention), ct);
        return new ReviewSession(
            report.Id,
            report.Title,
            report.Text,
            report.Claims,
            proposals.Select(p => View(p, report.Text)).ToList(),
            await db.Sources.AsNoTracking().OrderBy(s => s.Name).Select(s => new ReviewChoice(s.Id, s.Name, s.Reliability.ToString())).ToListAsync(ct),
            await db.Meetings.AsNoTracking().OrderByDescending(m => m.SortDate).Select(m => new ReviewChoice(m.Id, m.Title, m.Track!.Name, m.TrackId)).ToListAsync(ct),
            await db.AgendaItems.AsNoTracking().OrderBy(a => a.Title).Select(a => new ReviewChoice(a.Id, a.Title, a.Track!.Name, a.TrackId)).ToListAsync(ct),
            await db.Actors.AsNoTracking().OrderBy(a => a.Name).Select(a => new ReviewChoice(a.Id, a.Name, null)).ToListAsync(ct))
        {
            NewSources = newSources,
            Parties = await db.Actors.AsNoTracking().Where(a => PositionService.PartyKinds.Contains(a.Kind)).OrderBy(a => a.Name)
                .Select(a => new ReviewChoice(a.Id, a.Name, null)).ToListAsync(ct),
        };
    }

    /// <summary>
    /// Saves one proposal as edited from the version the editor saw; a proposal someone else changed
    /// meanwhile is not overwritten, and the editor is told which fields changed.
    /// </summary>
    public async Task<Outcome<ProposalView>> UpdateAsync(ProposalView seen, ProposalEdit edit, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var proposal = await db.ClaimProposals.SingleOrDefaultAsync(p => p.Id == edit.Id, ct);
        if (proposal is null)
        {
            return Outcome<ProposalView>.Failure(Conflicts.Field, "This proposal no longer exists: the review may have been completed or the proposal merged.");
        }

        var text = await db.Reports.Where(r => r.Id == proposal.ReportId).Select(r => r.Text).SingleAsync(ct);
        if (proposal.Version != seen.Version)
        {
            return Outcome<ProposalView>.Failure(Conflicts.Field, Conflicts.Message(false, Differences(seen, View(proposal, text))));
        }

        var problems = new ProblemList();
        if (new TextSpan(edit.Start, edit.End).ProblemFor(text.Length) is { } spanProblem)
        {
            problems.Add(nameof(ProposalEdit.Start), spanProblem);
        }

        foreach (var (field, mention) in new[] { (nameof(ProposalEdit.SourceMention), edit.SourceMention), (nameof(ProposalEdit.ViaMention), edit.ViaMention) })
        {
            if (mention is not null && CatalogName.ProblemWith(mention, FieldLimits.SourceName, "A source needs a name.") is { } nameProblem)
            {
                problems.Add(field, nameProblem);
            }
        }

        await ClaimChecks.CheckAsync(db, edit.Stance, edit.Credibility, edit.SourceId, edit.ViaSourceId, edit.MeetingIds,
            edit.AgendaItemIds.Concat(edit.StatusChanges.Select(s => s.AgendaItemId)), edit.ActorIds, problems, ct);
        var positions = await CheckPositionsAsync(db, edit.Positions, problems, ct);
        if (problems.Any)
        {
            return Outcome<ProposalView>.Failure(problems.ToDictionary());
        }

        proposal.Start = edit.Start;
        proposal.End = edit.End;
        proposal.SourceId = edit.SourceId;
        proposal.SourceMention = CatalogName.Clean(edit.SourceMention);
        proposal.ViaSourceId = edit.ViaSourceId;
        proposal.ViaMention = CatalogName.Clean(edit.ViaMention);
        proposal.Stance = edit.Stance;
        proposal.Credibility = edit.Credibility;
        proposal.Decision = edit.Decision;
        proposal.MeetingIds = Join(edit.MeetingIds);
        proposal.AgendaItemIds = Join(edit.AgendaItemIds);
        proposal.ActorIds = Join(edit.ActorIds);
        proposal.StatusChanges = string.Join(",", edit.StatusChanges.Distinct().Select(s => $"{s.AgendaItemId}:{s.Status}"));
        proposal.Positions = ProposedPositions.Format(positions);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            var (deleted, fields) = await Conflicts.DescribeAsync(e, ct);
            return Outcome<ProposalView>.Failure(Conflicts.Field, Conflicts.Message(deleted, fields));
        }

        return Outcome<ProposalView>.Success(View(proposal, text));
    }

    /// <summary>
    /// The same save for a caller that sends the version it read (<see cref="ProposalEdit.Version"/>) rather than the card
    /// it saw (the API): the proposal must be the report's, a list left out (null) is empty, and a stale save names each
    /// field where the stored proposal differs from the edit.
    /// </summary>
    public async Task<Outcome<ProposalView>> UpdateAsync(int reportId, int proposalId, ProposalEdit edit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        edit = edit with
        {
            Id = proposalId, MeetingIds = edit.MeetingIds ?? [], AgendaItemIds = edit.AgendaItemIds ?? [], ActorIds = edit.ActorIds ?? [],
            StatusChanges = edit.StatusChanges ?? [], Positions = edit.Positions ?? [],
        };
        ProposalView stored;
        await using (var db = await contextFactory.CreateDbContextAsync(ct))
        {
            var proposal = await db.ClaimProposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == proposalId && p.ReportId == reportId, ct);
            if (proposal is null)
            {
                return Edits.NotFound<ProposalView>($"proposal of report {reportId} with id", proposalId);
            }

            stored = View(proposal, await db.Reports.Where(r => r.Id == reportId).Select(r => r.Text).SingleAsync(ct));
        }

        var seen = stored with
        {
            Start = edit.Start, End = edit.End, SourceId = edit.SourceId, SourceMention = edit.SourceMention, ViaSourceId = edit.ViaSourceId,
            ViaMention = edit.ViaMention, Stance = edit.Stance, Credibility = edit.Credibility, Decision = edit.Decision, MeetingIds = edit.MeetingIds,
            AgendaItemIds = edit.AgendaItemIds, ActorIds = edit.ActorIds, StatusChanges = edit.StatusChanges, Positions = edit.Positions, Version = edit.Version,
        };
        return await UpdateAsync(seen, edit, ct);
    }

    /// <summary>
    /// Links a record (typically one the editor just created from the review) to the proposal they are
    /// on, as seen, then suggests it on the report's other undecided proposals that name it. The value
    /// is how many proposals it was suggested on; a refused link (a stale proposal) suggests nothing.
    /// </summary>
    public async Task<Outcome<int>> LinkAsync(ProposalView seen, ProposalLink link, int recordId, CancellationToken ct = default)
    {
        var edit = ProposalEdit.From(seen);
        var linked = await UpdateAsync(seen, link switch
        {
            ProposalLink.Meeting => edit with { MeetingIds = [.. seen.MeetingIds, recordId] },
            ProposalLink.AgendaItem => edit with { AgendaItemIds = [.. seen.AgendaItemIds, recordId] },
            _ => edit with { ActorIds = [.. seen.ActorIds, recordId] },
        }, ct);
        if (!linked.Succeeded)
        {
            return Outcome<int>.Failure(linked.Errors);
        }

        var reportId = await ReportOfAsync(seen.Id, ct);
        return Outcome<int>.Success(await SuggestAsync(reportId, link, recordId, seen.Id, ct));
    }

    private async Task<int> ReportOfAsync(int proposalId, CancellationToken ct)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        return await db.ClaimProposals.Where(p => p.Id == proposalId).Select(p => p.ReportId).SingleAsync(ct);
    }

    /// <summary>
    /// Suggests a linked record on the report's other undecided proposals whose text names it, the way
    /// extraction suggests known names: an actor by name or alias, an agenda item by title, a meeting by
    /// title or by its venue's name. Returns how many proposals it was added to; each is saved like an
    /// editor's change.
    /// </summary>
    private async Task<int> SuggestAsync(int reportId, ProposalLink link, int recordId, int exceptProposalId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var names = await NamesAsync(db, link, recordId, ct);
        var text = await db.Reports.Where(r => r.Id == reportId).Select(r => r.Text).SingleOrDefaultAsync(ct);
        if (names is null || text is null)
        {
            return 0;
        }

        var proposals = await db.ClaimProposals
            .Where(p => p.ReportId == reportId && p.Id != exceptProposalId && p.Decision == ProposalDecision.Pending).ToListAsync(ct);
        var suggested = 0;
        foreach (var proposal in proposals.Where(p => names.Exists(n => CatalogName.IsMentionedIn(text[p.Start..p.End], n))))
        {
            var (current, set) = link switch
            {
                ProposalLink.Actor => (proposal.ActorIds, (Action<string>)(v => proposal.ActorIds = v)),
                ProposalLink.AgendaItem => (proposal.AgendaItemIds, v => proposal.AgendaItemIds = v),
                _ => (proposal.MeetingIds, v => proposal.MeetingIds = v),
            };
            var ids = Ids(current);
            if (!ids.Contains(recordId))
            {
                set(Join(ids.Append(recordId)));
                suggested++;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another editor changed one of these proposals meanwhile: their version stands, and a
            // suggestion is not worth overriding it; the record is in every picker all the same.
            return 0;
        }

        return suggested;
    }

    /// <summary>The names a linked record goes by in report text, or null when there is no such record.</summary>
    private static async Task<List<string>?> NamesAsync(TalksTrackerDbContext db, ProposalLink link, int id, CancellationToken ct)
    {
        switch (link)
        {
            case ProposalLink.Actor:
                var actor = await db.Actors.Where(a => a.Id == id).Select(a => new { a.Name, Aliases = a.Aliases.Select(x => x.Alias).ToList() }).SingleOrDefaultAsync(ct);
                return actor is null ? null : [actor.Name, .. actor.Aliases];
            case ProposalLink.AgendaItem:
                var title = await db.AgendaItems.Where(a => a.Id == id).Select(a => a.Title).SingleOrDefaultAsync(ct);
                return title is null ? null : [title];
            default:
                var meeting = await db.Meetings.Where(m => m.Id == id).Select(m => new { m.Title, Venue = m.Venue == null ? null : m.Venue.Name }).SingleOrDefaultAsync(ct);
                return meeting is null ? null : [meeting.Title, .. meeting.Venue is null ? Array.Empty<string>() : [meeting.Venue]];
        }
    }

    /// <summary>Cuts a proposal in two at a character offset inside it.</summary>
    public async Task<Outcome<int>> SplitAsync(int proposalId, int at, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var proposal = await db.ClaimProposals.SingleOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null)
        {
            return Outcome<int>.Failure(Conflicts.Field, "This proposal no longer exists.");
        }

        if (at <= proposal.Start || at >= proposal.End)
        {
            return Outcome<int>.Failure("At", "Split inside the claim: the cut must leave text on both sides.");
        }

        var second = new ClaimProposal
        {
            ReportId = proposal.ReportId,
            Start = at,
            End = proposal.End,
            SourceMention = proposal.SourceMention,
            SourceId = proposal.SourceId,
            ViaMention = proposal.ViaMention,
            ViaSourceId = proposal.ViaSourceId,
            Cue = proposal.Cue,
            Hedge = proposal.Hedge,
            Stance = proposal.Stance,
            Credibility = proposal.Credibility,
            MeetingIds = proposal.MeetingIds,
            AgendaItemIds = proposal.AgendaItemIds,
            ActorIds = proposal.ActorIds,
        };
        proposal.End = at;
        db.ClaimProposals.Add(second);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Success(second.Id);
    }

    /// <summary>Joins a proposal with the next one in the text; the first keeps its attribution.</summary>
    public async Task<Outcome<int>> MergeWithNextAsync(int proposalId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        var proposal = await db.ClaimProposals.SingleOrDefaultAsync(p => p.Id == proposalId, ct);
        if (proposal is null)
        {
            return Outcome<int>.Failure(Conflicts.Field, "This proposal no longer exists.");
        }

        var next = await db.ClaimProposals.Where(p => p.ReportId == proposal.ReportId && p.Start >= proposal.End && p.Id != proposal.Id)
            .OrderBy(p => p.Start).FirstOrDefaultAsync(ct);
        if (next is null)
        {
            return Outcome<int>.Failure("Merge", "There is no later proposal to merge with.");
        }

        proposal.End = next.End;
        proposal.MeetingIds = Join(Ids(proposal.MeetingIds).Union(Ids(next.MeetingIds)));
        proposal.AgendaItemIds = Join(Ids(proposal.AgendaItemIds).Union(Ids(next.AgendaItemIds)));
        proposal.ActorIds = Join(Ids(proposal.ActorIds).Union(Ids(next.ActorIds)));
        proposal.Positions = ProposedPositions.Format(ProposedPositions.Parse(proposal.Positions).Concat(ProposedPositions.Parse(next.Positions))
            .Take(FieldLimits.ClaimProposalPositionCount));
        db.ClaimProposals.Remove(next);
        await db.SaveChangesAsync(ct);
        return Outcome<int>.Success(proposal.Id);
    }

    /// <summary>
    /// Ends the review: accepted proposals become claims with their links and the status changes
    /// they support; all proposals of the report are removed. One transaction.
    /// </summary>
    public async Task<Outcome<int>> CompleteAsync(int reportId, CancellationToken ct = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(ct);
        // Sources named in the text are looked up by name and created when absent: behind the gate, like intake.
        await using var transaction = await WriteGate.BeginAsync(db, WriteLock.Names, ct);
        var report = await db.Reports.Where(r => r.Id == reportId).Select(r => new { r.Text, r.PublishedOn, r.TakenInAt, r.WithdrawnAt }).SingleOrDefaultAsync(ct);
        if (report is null)
        {
            return Outcome<int>.Failure(UnknownReport, $"There is no report {reportId}.");
        }

        if (report.WithdrawnAt is not null)
        {
            return Outcome<int>.Failure(Conflicts.Field, "This report was withdrawn: its proposals cannot become claims unless it is restored.");
        }

        var proposals = await db.ClaimProposals.Where(p => p.ReportId == reportId).ToListAsync(ct);
        if (proposals.Any(p => p.Decision == ProposalDecision.Pending))
        {
            var pending = proposals.Count(p => p.Decision == ProposalDecision.Pending);
            return Outcome<int>.Failure("Decision", $"{pending} proposal{(pending == 1 ? " still needs" : "s still need")} a decision: accept or reject each.");
        }

        var asOf = report.PublishedOn ?? DateOnly.FromDateTime(report.TakenInAt);
        var accepted = proposals.Where(p => p.Decision == ProposalDecision.Accepted).OrderBy(p => p.Start).ToList();
        var named = await NamedSourcesAsync(db, accepted, ct);
        var statusChanges = new Dictionary<(int, AgendaStatus, int?), AgendaStatusChange>();
        var newParties = await NewPartiesAsync(db, accepted, ct);
        var positions = await StatedPositionsAsync(db, accepted, newParties.Values, FuzzyDate.Exact(asOf), ct);
        foreach (var p in accepted)
        {
            var claim = new Claim
            {
                ReportId = reportId,
                Start = p.Start,
                End = p.End,
                Quote = report.Text[p.Start..p.End],
                SourceId = p.SourceId,
                Source = p.SourceId is null && p.SourceMention is { } source ? named[source] : null,
                ViaSourceId = p.ViaSourceId,
                ViaSource = p.ViaSourceId is null && p.ViaMention is { } via ? named[via] : null,
                Stance = p.Stance,
                Credibility = p.Credibility,
                Cue = p.Cue,
                Hedge = p.Hedge,
                Meetings = Ids(p.MeetingIds).Select(id => new ClaimMeeting { MeetingId = id }).ToList(),
                AgendaItems = Ids(p.AgendaItemIds).Union(StatusClaims(p.StatusChanges).Select(s => s.AgendaItemId))
                    .Select(id => new ClaimAgendaItem { AgendaItemId = id }).ToList(),
                Actors = Ids(p.ActorIds).Select(id => new ClaimActor { ActorId = id }).ToList(),
            };
            db.Claims.Add(claim);
            var meeting = Ids(p.MeetingIds).Cast<int?>().FirstOrDefault();
            foreach (var s in StatusClaims(p.StatusChanges))
            {
                var key = (s.AgendaItemId, s.Status, meeting);
                if (!statusChanges.TryGetValue(key, out var change))
                {
                    statusChanges[key] = change = db.AgendaStatusChanges.Add(new AgendaStatusChange
                    {
                        AgendaItemId = s.AgendaItemId,
                        Status = s.Status,
                        MeetingId = meeting,
                        AsOf = asOf,
                    }).Entity;
                }

                change.Evidence.Add(new AgendaStatusEvidence { Claim = claim });
            }

            foreach (var position in ProposedPositions.Parse(p.Positions))
            {
                var party = position.NewParty is { } name ? newParties.GetValueOrDefault(name) : positions.Parties.GetValueOrDefault(position.PartyActorId);
                if (party is null || !positions.Items.TryGetValue(position.AgendaItemId, out var item))
                {
                    return Outcome<int>.Failure(nameof(ProposalEdit.Positions),
                        $"A position's party ({position.NewParty ?? position.PartyActorId.ToString(System.Globalization.CultureInfo.InvariantCulture)}) or agenda item ({position.AgendaItemId}) no longer exists "
                        + "or cannot hold a position: change or remove it, then save again.");
                }

                positions.Stated.Add(party, position.Kind, item, position.Wording, claim);
            }
        }

        db.ClaimProposals.RemoveRange(proposals);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return Outcome<int>.Success(accepted.Count);
    }

    /// <summary>
    /// The parties accepted proposals' positions name without a catalogue actor: the actor of that name or alias when there
    /// is one that can hold a position, else a new one of the kind the finder says. Behind the write gate, like sources, so
    /// two reviews naming one new party make one. A name an actor of another kind has (a person, an outlet) is left out,
    /// and its position is refused with the rest.
    /// </summary>
    private static async Task<Dictionary<string, Actor>> NewPartiesAsync(TalksTrackerDbContext db, List<ClaimProposal> accepted, CancellationToken ct)
    {
        var wanted = accepted.SelectMany(p => ProposedPositions.Parse(p.Positions)).Select(p => p.NewParty).OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var parties = new Dictionary<string, Actor>(StringComparer.OrdinalIgnoreCase);
        if (wanted.Count == 0)
        {
            return parties;
        }

        foreach (var name in wanted)
        {
            // The same test of "already in the catalogue" as the New actor dialog's, so both agree on what a duplicate is.
            if (await CatalogService.ActorMatchAsync(db, name, [], null, ct) is { } match)
            {
                if (await db.Actors.FindAsync([match.Record.Id], ct) is { } known && PositionService.PartyKinds.Contains(known.Kind))
                {
                    parties[name] = known;
                }

                continue;
            }

            parties[name] = db.Actors.Add(new Actor { Name = name, Kind = PositionFinder.KindOf(name) }).Entity;
        }

        return parties;
    }

    /// <summary>
    /// The sources accepted proposals name without a known one chosen: the known source of that name, else a new one
    /// made as the text describes it. Runs behind the write gate, so two reviews naming one new source make one.
    /// </summary>
    private static async Task<Dictionary<string, Source>> NamedSourcesAsync(TalksTrackerDbContext db, List<ClaimProposal> accepted, CancellationToken ct)
    {
        var sources = accepted.Where(p => p.SourceId is null).Select(p => p.SourceMention).OfType<string>().ToList();
        var relays = accepted.Where(p => p.ViaSourceId is null).Select(p => p.ViaMention).OfType<string>().ToList();
        var wanted = sources.Concat(relays).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var named = new Dictionary<string, Source>(StringComparer.OrdinalIgnoreCase);
        if (wanted.Count == 0)
        {
            return named;
        }

        var lower = wanted.Select(n => n.ToLowerInvariant()).ToList();
        foreach (var known in await db.Sources.Where(s => lower.Contains(s.Name.ToLower())).OrderBy(s => s.Id).ToListAsync(ct))
        {
            named.TryAdd(known.Name, known);
        }

        var suggestions = await SourceSuggestions.ForAsync(db, sources.Where(n => !named.ContainsKey(n)), relays.Where(n => !named.ContainsKey(n)), ct);
        foreach (var (name, suggestion) in suggestions)
        {
            named.TryAdd(name, db.Sources.Add(new Source
            {
                Name = name,
                Kind = suggestion.Kind,
                AffiliationActorId = suggestion.AffiliationActorId,
                Reliability = Reliability.F,
            }).Entity);
        }

        return named;
    }

    private static List<FieldConflict> Differences(ProposalView seen, ProposalView stored)
    {
        var fields = new List<FieldConflict>();
        Compare("Span", $"{seen.Start}–{seen.End}", $"{stored.Start}–{stored.End}");
        Compare("Source", seen.SourceId?.ToString() ?? seen.SourceMention, stored.SourceId?.ToString() ?? stored.SourceMention);
        Compare("Via", seen.ViaSourceId?.ToString() ?? seen.ViaMention, stored.ViaSourceId?.ToString() ?? stored.ViaMention);
        Compare("Stance", seen.Stance.ToString(), stored.Stance.ToString());
        Compare("Credibility", seen.Credibility.ToString(), stored.Credibility.ToString());
        Compare("Decision", seen.Decision.ToString(), stored.Decision.ToString());
        Compare("Meetings", string.Join(",", seen.MeetingIds), string.Join(",", stored.MeetingIds));
        Compare("Agenda items", string.Join(",", seen.AgendaItemIds), string.Join(",", stored.AgendaItemIds));
        Compare("Actors", string.Join(",", seen.ActorIds), string.Join(",", stored.ActorIds));
        Compare("Status changes", string.Join(",", seen.StatusChanges), string.Join(",", stored.StatusChanges));
        Compare("Positions", Describe(seen.Positions), Describe(stored.Positions));
        return fields;

        static string Describe(IEnumerable<ProposalPosition> positions) =>
            string.Join("; ", positions.Select(p => $"{p.NewParty ?? p.PartyActorId.ToString(System.Globalization.CultureInfo.InvariantCulture)} {p.Kind.Words()} {p.AgendaItemId}: {p.Wording}"));

        void Compare(string field, string? yours, string? theirs)
        {
            if (yours != theirs)
            {
                fields.Add(new FieldConflict(field, yours, theirs));
            }
        }
    }

    internal static ProposalView View(ClaimProposal p, string text) => new(
        p.Id, p.Start, p.End, text[p.Start..p.End], p.SourceMention, p.SourceId, p.ViaMention, p.ViaSourceId, p.Cue, p.Hedge,
        p.Stance, p.Credibility, p.Decision, Ids(p.MeetingIds), Ids(p.AgendaItemIds), Ids(p.ActorIds), StatusClaims(p.StatusChanges), p.Version)
    {
        Positions = ProposedPositions.Parse(p.Positions),
    };

    /// <summary>
    /// Checks the positions an editor kept, changed or added: a party that can hold one, an agenda item, a kind, and the
    /// report's words. Problems are named by the position ("Positions[1].PartyActorId"); the checked list is cleaned.
    /// </summary>
    private static async Task<List<ProposalPosition>> CheckPositionsAsync(TalksTrackerDbContext db, IReadOnlyList<ProposalPosition>? given, ProblemList problems, CancellationToken ct)
    {
        var positions = (given ?? []).ToList();
        if (positions.Count > FieldLimits.ClaimProposalPositionCount)
        {
            problems.Add(nameof(ProposalEdit.Positions), $"At most {FieldLimits.ClaimProposalPositionCount} positions on one claim ({positions.Count} given).");
            return [];
        }

        var field = (int i) => $"{nameof(ProposalEdit.Positions)}[{i}]";
        // An actor picked wins over a new party's name; the name alone stands for the actor completing the review makes.
        positions = [.. positions.Select(p => p is { PartyActorId: not 0, NewParty: not null } ? p with { NewParty = null } : p)];
        var statements = positions.Select((p, i) => p is null ? null : new PositionService.PositionStatement(field(i), p.PartyActorId, p.Kind, p.Wording, p.NewParty)).ToList();
        var words = await PositionService.CheckStatementsAsync(db, statements.OfType<PositionService.PositionStatement>().ToList(), problems, ct);
        var items = await RecordChecks.ExistingAsync(db.AgendaItems, positions.Where(p => p is not null).Select(p => p.AgendaItemId), ct);
        var cleaned = new List<ProposalPosition>();
        var checkedIndex = 0;
        for (var i = 0; i < positions.Count; i++)
        {
            if (positions[i] is not { } position)
            {
                problems.Add(field(i), "This position is empty (null).");
                continue;
            }

            if (!items.Contains(position.AgendaItemId))
            {
                problems.Add($"{field(i)}.{nameof(ProposalPosition.AgendaItemId)}", $"There is no agenda item {position.AgendaItemId}.");
            }

            if (words[checkedIndex++] is { } cleanWords)
            {
                cleaned.Add(position with { Wording = cleanWords, NewParty = CatalogName.Clean(position.NewParty) });
            }
        }

        return cleaned;
    }

    /// <summary>
    /// What recording the accepted proposals' positions needs, read once: the parties (only those that can hold a
    /// position) and items they name, and the positions already recorded for them on the report's day, which a restated
    /// stance backs instead of making a second (<see cref="PositionService.StatedPositions"/>).
    /// </summary>
    private static async Task<(Dictionary<int, Actor> Parties, Dictionary<int, AgendaItem> Items, PositionService.StatedPositions Stated)> StatedPositionsAsync(
        TalksTrackerDbContext db, List<ClaimProposal> accepted, IEnumerable<Actor> newParties, FuzzyDate asOf, CancellationToken ct)
    {
        var proposed = accepted.SelectMany(p => ProposedPositions.Parse(p.Positions)).ToList();
        if (proposed.Count == 0)
        {
            return ([], [], new PositionService.StatedPositions(db, asOf, []));
        }

        // A new party's name the catalogue already had: its positions of the day are backed, not repeated.
        var partyIds = proposed.Select(p => p.PartyActorId).Where(id => id != 0).Union(newParties.Select(a => a.Id).Where(id => id != 0)).ToList();
        var itemIds = proposed.Select(p => p.AgendaItemId).Distinct().ToList();
        var parties = await db.Actors.Where(a => partyIds.Contains(a.Id) && PositionService.PartyKinds.Contains(a.Kind)).ToDictionaryAsync(a => a.Id, ct);
        var items = await db.AgendaItems.Where(a => itemIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var existing = await db.Positions.Include(p => p.Evidence)
            .Where(p => partyIds.Contains(p.PartyActorId) && itemIds.Contains(p.AgendaItemId)
                && p.AsOfPrecision == asOf.Precision && p.AsOfStart == asOf.Start && p.AsOfEnd == asOf.End)
            .ToListAsync(ct);
        return (parties, items, new PositionService.StatedPositions(db, asOf, existing));
    }

    private static List<int> Ids(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(x => int.TryParse(x, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();

    private static string Join(IEnumerable<int> ids) => string.Join(",", ids.Distinct());

    private static List<SupportedStatus> StatusClaims(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(x => x.Split(':'))
            .Where(x => x.Length == 2 && int.TryParse(x[0], out _) && Enum.TryParse<AgendaStatus>(x[1], out _))
            .Select(x => new SupportedStatus(int.Parse(x[0]), Enum.Parse<AgendaStatus>(x[1])))
            .ToList();
}
