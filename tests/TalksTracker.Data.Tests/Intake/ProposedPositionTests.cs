using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Common;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Intake;
using TalksTracker.Domain;
using TalksTracker.Domain.Positions;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Intake;

/// <summary>
/// Positions proposed with a report's claims (issue #24): found at intake by the seeder's finder, kept, changed or removed
/// by the editor with the proposal's version check, and recorded on completion resting on the claims that state them.
/// </summary>
public abstract class ProposedPositionTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IntakeService Intake => database.Get<IntakeService>();
    private ReviewService Review => database.Get<ReviewService>();

    /// <summary>The seed article, made a new text (the seed already holds it) and dated as the caller says.</summary>
    private async Task<ReviewSession> PasteSeedArticleAsync(DateOnly publishedOn, string? lastParagraph = null)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "seeds", "seed-article.txt"), Ct);
        var outcome = await Intake.TakeInAsync(new ReportSubmission
        {
            Text = text.TrimEnd() + (lastParagraph is null ? "" : $"\n\n{lastParagraph}") + $"\n\nRef {Guid.NewGuid():N}.",
            PublishedOn = publishedOn,
        }, Ct);
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        return (await Review.OpenAsync(outcome.Value!.ReportId, Ct))!;
    }

    private static List<(string Party, PositionKind Kind, string Item)> Named(ReviewSession session, IEnumerable<ProposalPosition> positions) =>
        [.. positions.Select(p => (p.NewParty ?? session.Parties.Single(a => a.Id == p.PartyActorId).Name, p.Kind, session.AgendaItems.Single(a => a.Id == p.AgendaItemId).Name))];

    /// <summary>Accepts every proposal of the review, keeping only the positions <paramref name="keep"/> says, and completes it.</summary>
    private async Task<Outcome<int>> AcceptAllAndCompleteAsync(ReviewSession session, Func<ProposalPosition, bool> keep)
    {
        foreach (var p in session.Proposals)
        {
            Assert.True((await Review.UpdateAsync(p, ProposalEdit.From(p) with { Decision = ProposalDecision.Accepted, Positions = [.. p.Positions.Where(keep)] }, Ct)).Succeeded);
        }

        return await Review.CompleteAsync(session.ReportId, Ct);
    }

    [Fact]
    public async Task The_seed_article_pasted_proposes_the_three_positions_the_issue_names()
    {
        var session = await PasteSeedArticleAsync(new DateOnly(2026, 11, 27));

        var proposed = Named(session, session.Proposals.SelectMany(p => p.Positions));

        Assert.Contains(("Russia", PositionKind.Proposal, "Regulating military deployments near the border"), proposed);
        Assert.Contains(("Israel", PositionKind.Preference, "Continued Russian military presence in southern Syria"), proposed);
        Assert.Contains(("Israel", PositionKind.Objection, "Expanded Turkish military role"), proposed);
        // "its approval reportedly reflects a pragmatic approach" is the United States' approval of the talks, on no item.
        // (Israel's preference is stated twice, in two claims: one position, proposed on each.)
        Assert.Equal(3, proposed.Distinct().Count());
        Assert.All(session.Proposals, p => Assert.All(p.Positions, position => Assert.Contains(position.Wording, p.Quote, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task An_item_named_only_by_one_of_its_aliases_is_found()
    {
        const string alias = "the hotline";
        await using (var db = database.NewContext())
        {
            var item = await db.AgendaItems.Include(a => a.Aliases).SingleAsync(a => a.Title == "Mechanisms to prevent escalation", Ct);
            if (!item.Aliases.Exists(a => a.Alias == alias))
            {
                item.Aliases.Add(new AgendaItemAlias { Alias = alias });
                await db.SaveChangesAsync(Ct);
            }
        }

        var session = await PasteSeedArticleAsync(new DateOnly(2026, 11, 28), $"Israel rejected {alias}, the senior Israeli security source added.");

        // No word of the alias is in the item's title: only the catalogue's other name leads there.
        Assert.Contains(("Israel", PositionKind.Rejection, "Mechanisms to prevent escalation"),
            Named(session, session.Proposals.SelectMany(p => p.Positions)));
    }

    /// <summary>
    /// A briefing that names the other side (Damascus) and the host but never its own: "we" is the seed track's other
    /// party, Israel, because the track's participants say which parties are its sides (Russia mediates, Azerbaijan hosts).
    /// </summary>
    [Fact]
    public async Task In_a_briefing_that_never_names_its_own_side_we_is_the_tracks_other_party()
    {
        var outcome = await Intake.TakeInAsync(new ReportSubmission
        {
            Text = "Transcript: delegation spokesperson briefs reporters after the latest round with Damascus\n\n"
                + "SPOKESPERSON: Good afternoon, and we again thank Azerbaijan for hosting the round. "
                + $"We proposed regulating military deployments near the border.\n\nRef {Guid.NewGuid():N}.",
            PublishedOn = new DateOnly(2026, 10, 6),
        }, Ct);
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        var session = (await Review.OpenAsync(outcome.Value!.ReportId, Ct))!;

        Assert.Contains(("Israel", PositionKind.Proposal, "Regulating military deployments near the border"),
            Named(session, session.Proposals.SelectMany(p => p.Positions)));
    }

    [Fact]
    public async Task Proposing_again_finds_the_positions_of_the_replaced_proposals_and_keeps_the_decided_ones_as_edited()
    {
        var session = await PasteSeedArticleAsync(new DateOnly(2026, 12, 1));
        var decided = session.Proposals.First(p => p.Positions.Count > 0);
        Assert.True((await Review.UpdateAsync(decided, ProposalEdit.From(decided) with { Decision = ProposalDecision.Rejected, Positions = [] }, Ct)).Succeeded);

        Assert.True((await Intake.ReExtractAsync(session.ReportId, Ct)).Succeeded);

        var again = (await Review.OpenAsync(session.ReportId, Ct))!;
        Assert.Empty(again.Proposals.Single(p => p.Id == decided.Id).Positions);
        var expected = Named(session, session.Proposals.Where(p => p.Id != decided.Id).SelectMany(p => p.Positions)).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Named(again, again.Proposals.Where(p => p.Id != decided.Id).SelectMany(p => p.Positions)).Order().ToList());
    }

    [Fact]
    public async Task Completing_records_each_kept_position_on_its_claim_audited_and_a_removed_one_creates_nothing()
    {
        var day = new DateOnly(2026, 11, 28);
        var session = await PasteSeedArticleAsync(day);
        var objection = session.Proposals.First(p => Named(session, p.Positions).Exists(n => n.Kind == PositionKind.Objection));
        foreach (var p in session.Proposals)
        {
            var edit = ProposalEdit.From(p) with { Decision = ProposalDecision.Accepted };
            if (p.Id == objection.Id)
            {
                edit = edit with { Positions = [.. p.Positions.Where(x => x.Kind != PositionKind.Objection)] };
            }

            Assert.True((await Review.UpdateAsync(p, edit, Ct)).Succeeded);
        }

        Assert.True((await Review.CompleteAsync(session.ReportId, Ct)).Succeeded);

        await using var db = database.NewContext();
        var recorded = await db.Positions.AsNoTracking().Where(p => p.AsOfStart == day)
            .Select(p => new { p.Id, Party = p.PartyActor!.Name, p.Kind, Item = p.AgendaItem!.Title, p.Wording, p.AsOfPrecision, Quotes = p.Evidence.Select(e => e.Claim!.Quote).ToList() })
            .ToListAsync(Ct);
        var proposal = Assert.Single(recorded, p => (p.Party, p.Kind, p.Item) == ("Russia", PositionKind.Proposal, "Regulating military deployments near the border"));
        Assert.Equal(DatePrecision.Exact, proposal.AsOfPrecision);
        Assert.Contains(proposal.Wording, Assert.Single(proposal.Quotes), StringComparison.Ordinal);
        Assert.Single(recorded, p => (p.Party, p.Kind, p.Item) == ("Israel", PositionKind.Preference, "Continued Russian military presence in southern Syria"));
        Assert.DoesNotContain(recorded, p => p.Kind == PositionKind.Objection);
        var ids = recorded.Select(p => p.Id.ToString()).ToList();
        Assert.Equal(recorded.Count, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Position) && ids.Contains(a.EntityId) && a.Action == AuditAction.Created, Ct));
    }

    [Fact]
    public async Task A_position_already_recorded_for_the_party_kind_item_and_day_gets_the_new_claim_in_its_backing()
    {
        var seedDay = new DateOnly(2026, 11, 26);
        await using (var before = database.NewContext())
        {
            Assert.Equal(3, await before.Positions.CountAsync(p => p.AsOfStart == seedDay, Ct));
        }

        var session = await PasteSeedArticleAsync(seedDay);
        foreach (var p in session.Proposals)
        {
            var keep = p.Positions.Any(x => x.Kind == PositionKind.Proposal);
            Assert.True((await Review.UpdateAsync(p, ProposalEdit.From(p) with { Decision = keep ? ProposalDecision.Accepted : ProposalDecision.Rejected }, Ct)).Succeeded);
        }

        Assert.True((await Review.CompleteAsync(session.ReportId, Ct)).Succeeded);

        await using var db = database.NewContext();
        var positions = await db.Positions.AsNoTracking().Where(p => p.AsOfStart == seedDay)
            .Select(p => new { p.Kind, Reports = p.Evidence.Select(e => e.Claim!.ReportId).ToList() }).ToListAsync(Ct);
        Assert.Equal(3, positions.Count);
        var russian = Assert.Single(positions, p => p.Kind == PositionKind.Proposal);
        Assert.Equal(2, russian.Reports.Count);
        Assert.Contains(session.ReportId, russian.Reports);
    }

    [Fact]
    public async Task A_stale_change_to_a_proposals_positions_is_refused_and_the_first_stands()
    {
        var session = await PasteSeedArticleAsync(new DateOnly(2026, 11, 29));
        var seen = session.Proposals.First(p => p.Positions.Count > 0);
        var first = await Review.UpdateAsync(seen, ProposalEdit.From(seen) with { Positions = [] }, Ct);

        var second = await Review.UpdateAsync(seen, ProposalEdit.From(seen) with { Positions = [seen.Positions[0] with { Kind = PositionKind.RedLine }] }, Ct);

        Assert.True(first.Succeeded);
        Assert.False(second.Succeeded);
        Assert.Contains("Positions", second.Errors[Conflicts.Field][0], StringComparison.Ordinal);
        var stored = (await Review.OpenAsync(session.ReportId, Ct))!.Proposals.Single(p => p.Id == seen.Id);
        Assert.Empty(stored.Positions);
    }

    [Fact]
    public async Task A_stance_of_a_group_the_catalog_lacks_is_proposed_by_name_and_completing_adds_the_group()
    {
        const string group = "Southern Liberation Front";
        var day = new DateOnly(2026, 10, 2);
        var session = await PasteSeedArticleAsync(day, $"The {group} has rejected any expanded Turkish military role, its spokesman said.");

        var proposed = session.Proposals.SelectMany(p => p.Positions).Where(p => p.NewParty == group).ToList();
        var position = Assert.Single(proposed);
        Assert.Equal((0, PositionKind.Rejection, "Expanded Turkish military role"),
            (position.PartyActorId, position.Kind, session.AgendaItems.Single(a => a.Id == position.AgendaItemId).Name));

        var completed = await AcceptAllAndCompleteAsync(session, p => p.NewParty == group);

        Assert.True(completed.Succeeded, string.Join(" ", completed.Errors.SelectMany(e => e.Value)));
        await using var db = database.NewContext();
        var actor = await db.Actors.AsNoTracking().SingleAsync(a => a.Name == group, Ct);
        Assert.Equal(ActorKind.NonStateArmedGroup, actor.Kind);
        var recorded = await db.Positions.AsNoTracking().Where(p => p.AsOfStart == day && p.PartyActorId == actor.Id)
            .Select(p => new { p.Kind, Item = p.AgendaItem!.Title, Claims = p.Evidence.Count }).SingleAsync(Ct);
        Assert.Equal((PositionKind.Rejection, "Expanded Turkish military role", 1), (recorded.Kind, recorded.Item, recorded.Claims));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.EntityType == nameof(Actor) && a.EntityId == actor.Id.ToString() && a.Action == AuditAction.Created, Ct));
    }

    [Fact]
    public async Task A_new_partys_name_an_actor_already_has_records_on_that_actor_and_adds_none()
    {
        const string group = "Northern Patriotic Alliance";
        int known;
        await using (var db = database.NewContext())
        {
            var actor = await db.Actors.SingleOrDefaultAsync(a => a.Name == "NPA (test)", Ct)
                ?? db.Actors.Add(new Actor { Name = "NPA (test)", Kind = ActorKind.NonStateArmedGroup, Aliases = [new ActorAlias { Alias = group }] }).Entity;
            await db.SaveChangesAsync(Ct);
            known = actor.Id;
        }

        // Proposed while the catalogue's name was not yet one the finder was given (an alias added after intake).
        var session = await PasteSeedArticleAsync(new DateOnly(2026, 10, 3), "The Northern Patriotic Alliance has rejected any expanded Turkish military role.");
        var found = session.Proposals.SelectMany(p => p.Positions).Where(p => p.Kind == PositionKind.Rejection && p.AgendaItemId == session.AgendaItems.Single(a => a.Name == "Expanded Turkish military role").Id).ToList();
        Assert.NotEmpty(found);
        var proposal = session.Proposals.First(p => p.Positions.Intersect(found).Any());
        var renamed = proposal.Positions.Select(p => found.Contains(p) ? p with { PartyActorId = 0, NewParty = group.ToUpperInvariant() } : p).ToList();
        Assert.True((await Review.UpdateAsync(proposal, ProposalEdit.From(proposal) with { Positions = renamed }, Ct)).Succeeded);

        var completed = await AcceptAllAndCompleteAsync((await Review.OpenAsync(session.ReportId, Ct))!, p => p.NewParty is not null);

        Assert.True(completed.Succeeded, string.Join(" ", completed.Errors.SelectMany(e => e.Value)));
        await using var after = database.NewContext();
        Assert.False(await after.Actors.AnyAsync(a => a.Name == group.ToUpperInvariant() || (a.Name == group && a.Id != known), Ct));
        Assert.True(await after.Positions.AnyAsync(p => p.PartyActorId == known && p.AsOfStart == new DateOnly(2026, 10, 3) && p.Kind == PositionKind.Rejection, Ct));
    }

    [Fact]
    public async Task Picking_a_catalog_party_for_a_new_one_clears_its_name_and_a_blank_or_long_name_is_refused()
    {
        var session = await PasteSeedArticleAsync(new DateOnly(2026, 10, 4), "The Eastern Unity Movement has rejected any expanded Turkish military role.");
        var proposal = session.Proposals.First(p => p.Positions.Any(x => x.NewParty is not null));
        var index = proposal.Positions.ToList().FindIndex(x => x.NewParty is not null);
        var israel = session.Parties.Single(a => a.Name == "Israel").Id;

        var refused = await Review.UpdateAsync(proposal, ProposalEdit.From(proposal) with
        {
            Positions = [proposal.Positions[index] with { NewParty = "  " }, proposal.Positions[index] with { NewParty = new string('x', FieldLimits.ActorName + 1) }],
        }, Ct);
        Assert.False(refused.Succeeded);
        Assert.Contains("Name the new party", refused.Errors["Positions[0].NewParty"][0], StringComparison.Ordinal);
        Assert.Contains($"At most {FieldLimits.ActorName}", refused.Errors["Positions[1].NewParty"][0], StringComparison.Ordinal);

        var picked = await Review.UpdateAsync(proposal, ProposalEdit.From(proposal) with
        {
            Positions = [.. proposal.Positions.Select((p, i) => i == index ? p with { PartyActorId = israel } : p)],
        }, Ct);

        Assert.True(picked.Succeeded, string.Join(" ", picked.Errors.SelectMany(e => e.Value)));
        var stored = (await Review.OpenAsync(session.ReportId, Ct))!.Proposals.Single(p => p.Id == proposal.Id).Positions[index];
        Assert.Equal((israel, (string?)null), (stored.PartyActorId, stored.NewParty));
    }

    [Fact]
    public async Task A_new_partys_name_a_person_has_refuses_the_completion_and_writes_nothing()
    {
        const string name = "Western Resistance Front";
        await using (var db = database.NewContext())
        {
            if (!await db.Actors.AnyAsync(a => a.Name == name, Ct))
            {
                db.Actors.Add(new Actor { Name = name, Kind = ActorKind.Person });
                await db.SaveChangesAsync(Ct);
            }
        }

        var session = await PasteSeedArticleAsync(new DateOnly(2026, 10, 5), $"The {name} has rejected any expanded Turkish military role.");
        Assert.Contains(session.Proposals.SelectMany(p => p.Positions), p => p.NewParty == name);

        var completed = await AcceptAllAndCompleteAsync(session, p => p.NewParty == name);

        Assert.False(completed.Succeeded);
        Assert.Contains(name, completed.Errors[nameof(ProposalEdit.Positions)][0], StringComparison.Ordinal);
        await using var after = database.NewContext();
        Assert.False(await after.Claims.AnyAsync(c => c.ReportId == session.ReportId, Ct));
    }

    [Fact]
    public async Task In_an_interview_we_is_the_side_its_headline_names()
    {
        // Nothing in the answer names the speaker's side: the headline does, and names the other side of the talks.
        var outcome = await Intake.TakeInAsync(new ReportSubmission
        {
            Text = "Syria's deputy foreign minister on the talks with Israel\n\n"
                + "Q: What is your view of the Turkish role?\n\n"
                + "A: We reject an expanded Turkish military role in the south.\n\n"
                + $"Ref {Guid.NewGuid():N}.",
            PublishedOn = new DateOnly(2026, 11, 29),
        }, Ct);
        Assert.True(outcome.Succeeded, string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
        var session = (await Review.OpenAsync(outcome.Value!.ReportId, Ct))!;

        Assert.Contains(("Syria", PositionKind.Rejection, "Expanded Turkish military role"), Named(session, session.Proposals.SelectMany(p => p.Positions)));
    }

    [Fact]
    public async Task A_position_with_an_unknown_party_item_or_kind_or_no_words_is_refused_by_its_field()
    {
        var session = await PasteSeedArticleAsync(new DateOnly(2026, 11, 30));
        var seen = session.Proposals.First(p => p.Positions.Count > 0);
        var good = seen.Positions[0];
        var outlet = session.Actors.FirstOrDefault(a => session.Parties.All(p => p.Id != a.Id));

        var refused = await Review.UpdateAsync(seen, ProposalEdit.From(seen) with
        {
            Positions =
            [
                good with { PartyActorId = int.MaxValue },
                good with { AgendaItemId = int.MaxValue },
                good with { Kind = (PositionKind)99 },
                good with { Wording = "  " },
            ],
        }, Ct);

        Assert.False(refused.Succeeded);
        Assert.Contains("There is no actor", refused.Errors["Positions[0].PartyActorId"][0], StringComparison.Ordinal);
        Assert.Contains("There is no agenda item", refused.Errors["Positions[1].AgendaItemId"][0], StringComparison.Ordinal);
        Assert.Contains("red-line", refused.Errors["Positions[2].Kind"][0], StringComparison.Ordinal);
        Assert.Contains("words", refused.Errors["Positions[3].Wording"][0], StringComparison.Ordinal);
        if (outlet is not null)
        {
            var notParty = await Review.UpdateAsync(seen, ProposalEdit.From(seen) with { Positions = [good with { PartyActorId = outlet.Id }] }, Ct);
            Assert.Contains("a position is held by", notParty.Errors["Positions[0].PartyActorId"][0], StringComparison.Ordinal);
        }

        var stored = (await Review.OpenAsync(session.ReportId, Ct))!.Proposals.Single(p => p.Id == seen.Id);
        Assert.Equal(seen.Positions, stored.Positions);
        Assert.Equal(seen.Version, stored.Version);
    }
}

public sealed class ProposedPositionTestsOnSqlite(SeededDatabase database) : ProposedPositionTests(database), IClassFixture<SeededDatabase>;

public sealed class ProposedPositionTestsOnPostgres(PostgresSeededDatabase database) : ProposedPositionTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
