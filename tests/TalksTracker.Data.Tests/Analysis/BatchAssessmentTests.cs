using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using TalksTracker.Data.Analysis;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Intake;
using TalksTracker.Data.Persistence;
using TalksTracker.Domain;
using TalksTracker.Domain.Provenance;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Analysis;

/// <summary>
/// The seed plus a second report in which a party's spokesman denies the Baku meetings and one agenda item, the
/// senior source repeats itself on the deployments and Western diplomats confirm the guarantees, with one proposed link confirmed and
/// one rejected by an editor: claims that corroborate, contradict and refine each other.
/// </summary>
public class DeniedMeetingDatabase : SeededDatabase
{
    public DeniedMeetingDatabase() : this(DatabaseProvider.Sqlite)
    {
    }

    protected DeniedMeetingDatabase(DatabaseProvider provider) : base(seed: true, provider)
    {
    }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (SkipReason is not null)
        {
            return;
        }

        var ct = TestContext.Current.CancellationToken;
        int meeting, guarantees, deployments, syria, senior;
        await using (var db = NewContext())
        {
            meeting = await db.Meetings.Select(m => m.Id).FirstAsync(ct);
            guarantees = await db.AgendaItems.Where(a => a.Title == "Long-term guarantees").Select(a => a.Id).SingleAsync(ct);
            deployments = await db.AgendaItems.Where(a => a.Title == "Regulating military deployments near the border").Select(a => a.Id).SingleAsync(ct);
            syria = await db.Actors.Where(a => a.Name == "Syria").Select(a => a.Id).SingleAsync(ct);
            senior = await db.Sources.Where(s => s.Name == "a senior Israeli security source").Select(s => s.Id).SingleAsync(ct);
        }

        var spokesman = (await Get<CatalogService>().CreateSourceAsync(
            new NewSource("Syrian foreign ministry spokesman", SourceKind.GovernmentStatement, Reliability.B, syria), ct)).Value;
        var diplomats = (await Get<CatalogService>().CreateSourceAsync(
            new NewSource("Western diplomats", SourceKind.AnonymousOfficial, Reliability.C), ct)).Value;
        const string text = "Damascus denies Baku talks\nA Syrian foreign ministry spokesman denied that any meeting with Israeli officials took place in Baku. "
                            + "Israeli sources repeated that Russia proposed redeploying Syrian army units. Western diplomats said guarantees were on the table.";
        var denial = text.IndexOf("A Syrian", StringComparison.Ordinal);
        var repeat = text.IndexOf("Israeli sources", StringComparison.Ordinal);
        var western = text.IndexOf("Western", StringComparison.Ordinal);
        var intake = await Get<IntakeService>().TakeInAsync(new ReportSubmission
        {
            Text = text,
            Outlet = "Damascus daily",
            Claims =
            [
                new SubmittedClaim(denial, repeat - 1, SourceId: spokesman, Stance: Stance.Denies, Credibility: 2, MeetingIds: [meeting], AgendaItemIds: [guarantees]),
                new SubmittedClaim(repeat, western - 1, SourceId: senior, Stance: Stance.Asserts, Credibility: 3, AgendaItemIds: [deployments]),
                new SubmittedClaim(western, text.Length, SourceId: diplomats, Stance: Stance.Asserts, Credibility: 3, AgendaItemIds: [guarantees]),
            ],
        }, ct);
        Assert.True(intake.Succeeded);

        var analysis = Get<AssessmentService>();
        var assessment = await analysis.AssessMeetingAsync(meeting, ct);
        var denialId = assessment.RelationsByClaim.Keys.Max();
        var contradicted = assessment.RelationsOf(denialId).Select(r => r.Claim.Id).Order().ToList();
        Assert.True((await analysis.ReviewLinkAsync(contradicted[0], denialId, ClaimLinkKind.Contradicts, LinkReview.Confirmed, ct)).Succeeded);
        Assert.True((await analysis.ReviewLinkAsync(contradicted[1], denialId, ClaimLinkKind.Contradicts, LinkReview.Rejected, ct)).Succeeded);
    }
}

public sealed class PostgresDeniedMeetingDatabase() : DeniedMeetingDatabase(DatabaseProvider.Postgres);

public abstract class BatchAssessmentTests(DeniedMeetingDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private AssessmentService Analysis => database.Get<AssessmentService>();

    private async Task<List<int>> IdsAsync<T>(Func<TalksTrackerDbContext, IQueryable<T>> query) where T : class
    {
        await using var db = database.NewContext();
        return await query(db).Select(e => EF.Property<int>(e, "Id")).OrderBy(id => id).ToListAsync(Ct);
    }

    [Fact]
    public async Task Every_agenda_items_confidence_from_the_batch_is_the_one_it_gets_alone()
    {
        var ids = await IdsAsync(db => db.AgendaItems);

        var batch = await Analysis.AssessAgendaItemsAsync(ids, Ct);

        Assert.Equal(ids, batch.Keys.Order());
        foreach (var id in ids)
        {
            var alone = (await Analysis.AssessAgendaItemAsync(id, Ct)).Confidence;
            Assert.Equal((alone.Estimate, alone.OriginsFor, alone.OriginsAgainst, alone.Derivation),
                (batch[id].Estimate, batch[id].OriginsFor, batch[id].OriginsAgainst, batch[id].Derivation));
        }

        // The denied item is assessed with the denial against it; an item nobody reported on is an even chance.
        Assert.Contains(batch.Values, c => c.OriginsAgainst == 1);
        Assert.Contains(batch.Values, c => c.OriginsFor >= 1 && c.OriginsAgainst == 0);
    }

    [Fact]
    public async Task Every_claims_standing_from_the_batch_is_the_one_it_gets_alone()
    {
        var ids = await IdsAsync(db => db.Claims);

        var batch = await Analysis.AssessClaimsAsync(ids, Ct);
        var confidence = await Analysis.AssessClaimConfidenceAsync(ids, Ct);

        Assert.Equal(ids, batch.Keys.Order());
        Assert.Equal(ids, confidence.Keys.Order());
        foreach (var id in ids)
        {
            var alone = (await Analysis.AssessClaimAsync(id, Ct))!;
            var standing = batch[id];
            Assert.Equal(alone.Origin, standing.Origin);
            Assert.Equal(Links(alone.Corroborating), Links(standing.OfKind(ClaimLinkKind.Corroborates)));
            Assert.Equal(Links(alone.Contradicting), Links(standing.OfKind(ClaimLinkKind.Contradicts)));
            Assert.Equal(Links(alone.Refining), Links(standing.OfKind(ClaimLinkKind.Refines)));
            Assert.Equal(alone.Confidence.Derivation, standing.Confidence.Derivation);
            Assert.Equal(alone.Confidence.Derivation, confidence[id].Derivation);
            Assert.Equal((alone.Confidence.OriginsFor, alone.Confidence.OriginsAgainst), (standing.Confidence.OriginsFor, standing.Confidence.OriginsAgainst));
        }

        // The data has every kind of link, a confirmed one, and a claim whose confidence is below even.
        var relations = batch.Values.SelectMany(s => s.Relations).ToList();
        Assert.Equal(3, relations.Select(r => r.Kind).Distinct().Count());
        Assert.Contains(relations, r => r.Confirmed);
        Assert.Contains(batch.Values, s => s.Confidence.Probability < 0.5);
    }

    [Fact]
    public async Task A_denials_own_confidence_is_that_the_denial_holds()
    {
        var denial = (await IdsAsync(db => db.Claims.Where(c => c.Stance == Stance.Denies))).Single();

        var standing = (await Analysis.AssessClaimsAsync([denial], Ct))[denial];

        Assert.Equal("Syrian foreign ministry spokesman", standing.Confidence.Evidence.Single(e => e.For).Origin);
        Assert.Contains(standing.Confidence.Evidence, e => !e.For && e.Origin == "a senior Israeli security source");
    }

    [Fact]
    public async Task Unknown_and_repeated_ids_are_handled_and_no_ids_ask_nothing()
    {
        var first = (await IdsAsync(db => db.Claims))[0];

        Assert.Equal(new[] { first }, (await Analysis.AssessClaimsAsync([first, first, 999_999], Ct)).Keys);
        Assert.Empty(await Analysis.AssessClaimsAsync([], Ct));
        Assert.Empty(await Analysis.AssessAgendaItemsAsync([], Ct));
        Assert.Equal(Estimate.RoughlyEvenChance, (await Analysis.AssessAgendaItemsAsync([999_999], Ct))[999_999].Estimate);
    }

    [Fact]
    public async Task The_number_of_queries_does_not_grow_with_the_number_of_items()
    {
        var claims = await IdsAsync(db => db.Claims);
        var items = await IdsAsync(db => db.AgendaItems);
        var counter = new CommandCounter();
        var analysis = new AssessmentService(new CountingContexts(database, counter), database.Clock, new CurrentActor());
        await analysis.AssessClaimsAsync(claims.Take(1).ToList(), Ct); // reads the relays once; later calls only check they have not changed

        var oneClaim = await counter.CountAsync(() => analysis.AssessClaimsAsync(claims.Take(1).ToList(), Ct));
        var allClaims = await counter.CountAsync(() => analysis.AssessClaimsAsync(claims, Ct));
        var oneCard = await counter.CountAsync(() => analysis.AssessClaimConfidenceAsync(claims.Take(1).ToList(), Ct));
        var allCards = await counter.CountAsync(() => analysis.AssessClaimConfidenceAsync(claims, Ct));
        var oneItem = await counter.CountAsync(() => analysis.AssessAgendaItemsAsync(items.Take(1).ToList(), Ct));
        var allItems = await counter.CountAsync(() => analysis.AssessAgendaItemsAsync(items, Ct));

        Assert.True(claims.Count > 10 && items.Count > 3);
        Assert.Equal(oneClaim, allClaims);
        Assert.Equal(oneCard, allCards);
        Assert.Equal(oneItem, allItems);
        Assert.InRange(allClaims, 1, 8);
        Assert.InRange(allItems, 1, 6);
    }

    [Fact]
    public async Task A_relay_recorded_or_an_affiliation_changed_after_an_assessment_is_seen_by_the_next_one()
    {
        await using var fresh = new SeededDatabase();
        await fresh.InitializeAsync();
        var analysis = fresh.Get<AssessmentService>();
        int meeting, analysts, media;
        await using (var db = fresh.NewContext())
        {
            meeting = await db.Meetings.Select(m => m.Id).FirstAsync(Ct);
            media = await db.Sources.Where(s => s.Name == "Israeli media").Select(s => s.Id).SingleAsync(Ct);
            var source = await db.Sources.SingleAsync(s => s.Name == "analysts", Ct);
            analysts = source.Id;
            source.AffiliationActorId = await db.Sources.Where(s => s.Id == media).Select(s => s.AffiliationActorId).SingleAsync(Ct);
            await db.SaveChangesAsync(Ct);
        }

        const string text = "Analysts weigh in\nAnalysts said the Baku meetings took place. Analysts, quoted by Israeli media, added that more rounds are planned.";
        var first = text.IndexOf("Analysts said", StringComparison.Ordinal);
        var second = text.IndexOf("Analysts, quoted", StringComparison.Ordinal);
        var intake = await fresh.Get<IntakeService>().TakeInAsync(new ReportSubmission
        {
            Text = text,
            Claims = [new SubmittedClaim(first, second - 1, SourceId: analysts, Stance: Stance.Asserts, Credibility: 3, MeetingIds: [meeting])],
        }, Ct);
        var independent = await analysis.AssessMeetingAsync(meeting, Ct);

        // The analysts relayed by Israeli media, who share their affiliation and relay the senior source: one origin now.
        var relayed = await fresh.Get<Claims.ClaimService>().RecordClaimAsync(
            new Claims.NewClaim(intake.Value!.ReportId, second, text.Length, analysts, Stance.Asserts, 3, ViaSourceId: media, MeetingIds: [meeting]), Ct);
        Assert.True(relayed.Succeeded);
        var dependent = await analysis.AssessMeetingAsync(meeting, Ct);

        // The analysts no longer share the relay's affiliation: two origins again, with the same relays.
        await using (var db = fresh.NewContext())
        {
            (await db.Sources.SingleAsync(s => s.Id == analysts, Ct)).AffiliationActorId = null;
            await db.SaveChangesAsync(Ct);
        }

        var separated = await analysis.AssessMeetingAsync(meeting, Ct);

        Assert.Equal(2, independent.Confidence.OriginsFor);
        Assert.Equal(1, dependent.Confidence.OriginsFor);
        Assert.Equal(2, separated.Confidence.OriginsFor);
    }

    private static List<(int, ClaimLinkKind, bool)> Links(IEnumerable<ClaimRelation> relations) =>
        relations.Select(r => (r.Claim.Id, r.Kind, r.Confirmed)).OrderBy(x => x.Item1).ToList();

    private static List<(int, ClaimLinkKind, bool)> Links(IEnumerable<Relation> relations) =>
        relations.Select(r => (r.OtherClaimId, r.Kind, r.Confirmed)).OrderBy(x => x.Item1).ToList();

    /// <summary>Counts the SQL commands EF sends.</summary>
    private sealed class CommandCounter : DbCommandInterceptor
    {
        private int _count;

        public async Task<int> CountAsync<T>(Func<Task<T>> action)
        {
            var before = _count;
            await action();
            return _count - before;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Interlocked.Increment(ref _count);
            return base.ReaderExecuting(command, eventData, result);
        }
    }

    private sealed class CountingContexts(SeededDatabase database, CommandCounter counter) : IDbContextFactory<TalksTrackerDbContext>
    {
        private readonly DbContextOptions<TalksTrackerDbContext> _options = Options(database, counter);

        public TalksTrackerDbContext CreateDbContext() => new(_options);

        private static DbContextOptions<TalksTrackerDbContext> Options(SeededDatabase database, CommandCounter counter)
        {
            var builder = new DbContextOptionsBuilder<TalksTrackerDbContext>();
            builder.UseTalksTrackerDatabase(database.Provider, database.ConnectionString).AddInterceptors(counter);
            return builder.Options;
        }
    }
}

public sealed class BatchAssessmentTestsOnSqlite(DeniedMeetingDatabase database) : BatchAssessmentTests(database), IClassFixture<DeniedMeetingDatabase>;

public sealed class BatchAssessmentTestsOnPostgres(PostgresDeniedMeetingDatabase database) : BatchAssessmentTests(database.OrSkip()), IClassFixture<PostgresDeniedMeetingDatabase>;
