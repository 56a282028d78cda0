using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Analysis;
using TalksTracker.Data.Editing;
using TalksTracker.Data.Intake;
using TalksTracker.Data.Persistence;
using TalksTracker.Domain;
using TalksTracker.Domain.Provenance;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Analysis;

public abstract class AssessmentServiceTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private AssessmentService Analysis => database.Get<AssessmentService>();

    private async Task<int> IdAsync<T>(Func<TalksTrackerDbContext, IQueryable<T>> query) where T : class
    {
        await using var db = database.NewContext();
        return await query(db).Select(e => EF.Property<int>(e, "Id")).FirstAsync(Ct);
    }

    [Fact]
    public async Task The_seed_meeting_rests_on_one_origin_and_is_likely()
    {
        var assessment = await Analysis.AssessMeetingAsync(await IdAsync(db => db.Meetings), Ct);

        Assert.Equal(1, assessment.Confidence.OriginsFor);
        Assert.Equal(0, assessment.Confidence.OriginsAgainst);
        Assert.Equal(Estimate.Likely, assessment.Confidence.Estimate);
        Assert.Contains("a senior Israeli security source (C3)", assessment.Confidence.Derivation);
    }

    [Fact]
    public async Task A_party_denial_in_a_second_report_contradicts_the_meeting_and_lowers_confidence()
    {
        await using var fresh = new SeededDatabase();
        await fresh.InitializeAsync();
        var meeting = await FirstIdAsync(fresh, db => db.Meetings);
        var syria = await FirstIdAsync(fresh, db => db.Actors.Where(a => a.Name == "Syria"));
        var spokesman = (await fresh.Get<CatalogService>().CreateSourceAsync(
            new NewSource("Syrian foreign ministry spokesman", SourceKind.GovernmentStatement, Reliability.B, syria), Ct)).Value;
        const string text = "Damascus denies Baku talks\nA Syrian foreign ministry spokesman denied that any meeting with Israeli officials took place in Baku.";
        var start = text.IndexOf("A Syrian", StringComparison.Ordinal);
        var before = await fresh.Get<AssessmentService>().AssessMeetingAsync(meeting, Ct);

        var intake = await fresh.Get<IntakeService>().TakeInAsync(new ReportSubmission
        {
            Text = text,
            Claims = [new SubmittedClaim(start, text.Length, SourceId: spokesman, Stance: Stance.Denies, Credibility: 2, MeetingIds: [meeting])],
        }, Ct);
        Assert.True(intake.Succeeded);

        var after = await fresh.Get<AssessmentService>().AssessMeetingAsync(meeting, Ct);
        Assert.Equal(1, after.Confidence.OriginsAgainst);
        Assert.True(after.Confidence.Probability < before.Confidence.Probability);
        Assert.Equal(Estimate.Unlikely, after.Confidence.Estimate);
        await using var db = fresh.NewContext();
        var denial = await db.Claims.Where(c => c.Stance == Stance.Denies).Select(c => c.Id).SingleAsync(Ct);
        var redeployment = await db.Claims.Where(c => c.Quote.Contains("Russia has proposed")).Select(c => c.Id).SingleAsync(Ct);
        Assert.Contains(after.RelationsOf(redeployment), r => r.Kind == ClaimLinkKind.Contradicts && r.Claim.Id == denial && !r.Confirmed);

        // An editor confirms the contradiction; rejecting another proposal keeps it from coming back.
        Assert.True((await fresh.Get<AssessmentService>().ReviewLinkAsync(denial, redeployment, ClaimLinkKind.Contradicts, LinkReview.Confirmed, Ct)).Succeeded);
        var other = after.RelationsOf(denial).First(r => r.Claim.Id != redeployment).Claim.Id;
        Assert.True((await fresh.Get<AssessmentService>().ReviewLinkAsync(other, denial, ClaimLinkKind.Contradicts, LinkReview.Rejected, Ct)).Succeeded);
        var reviewed = await fresh.Get<AssessmentService>().AssessMeetingAsync(meeting, Ct);
        Assert.Contains(reviewed.RelationsOf(redeployment), r => r.Claim.Id == denial && r.Confirmed);
        Assert.DoesNotContain(reviewed.RelationsOf(other), r => r.Claim.Id == denial);

        var provenance = await fresh.Get<AssessmentService>().AssessClaimAsync(redeployment, Ct);
        Assert.Equal("a senior Israeli security source", provenance!.Origin);
        Assert.Equal(["a senior Israeli security source", "via Israeli media", "in “Under Russian auspices and US approval: Unannounced security talks between Syria and Israel”"], provenance.RelayChain);
        Assert.Contains(provenance.Contradicting, r => r.Claim.Id == denial);
    }

    [Fact]
    public async Task Claims_of_the_relaying_outlet_and_its_source_refine_rather_than_corroborate()
    {
        var analysis = await Analysis.AssessClaimAsync(await IdAsync(db => db.Claims.Where(c => c.Quote.StartsWith("Israeli media have revealed"))), Ct);

        Assert.Equal("a senior Israeli security source", analysis!.Origin);
        Assert.Empty(analysis.Corroborating);
    }

    [Fact]
    public async Task A_grade_change_needs_a_reason_keeps_history_and_refuses_a_stale_edit()
    {
        using var acting = CurrentActor.As("editor");
        var analysts = await IdAsync(db => db.Sources.Where(s => s.Name == "analysts"));
        Guid version;
        await using (var db = database.NewContext())
        {
            version = await db.Sources.Where(s => s.Id == analysts).Select(s => s.Version).SingleAsync(Ct);
        }

        Assert.False((await Analysis.ChangeGradeAsync(analysts, Reliability.D, "", version, Ct)).Succeeded);
        Assert.True((await Analysis.ChangeGradeAsync(analysts, Reliability.D, "Unnamed commentary, rarely borne out.", version, Ct)).Succeeded);
        var stale = await Analysis.ChangeGradeAsync(analysts, Reliability.B, "Second editor on an old page.", version, Ct);

        Assert.Contains(Conflicts.Field, stale.Errors.Keys);
        var record = await Analysis.TrackRecordAsync(analysts, Ct);
        var change = Assert.Single(record!.History);
        Assert.Equal((Reliability.F, Reliability.D, "editor"), (change.From, change.To, change.ChangedBy));
        await using var read = database.NewContext();
        Assert.Equal(Reliability.D, await read.Sources.Where(s => s.Id == analysts).Select(s => s.Reliability).SingleAsync(Ct));
    }

    [Theory]
    [InlineData(1, 1, 0, null)]
    [InlineData(9, 0, 1, Reliability.A)]
    [InlineData(9, 1, 0, Reliability.B)]
    [InlineData(2, 3, 0, Reliability.D)]
    [InlineData(0, 5, 0, Reliability.E)]
    public void The_track_record_suggests_a_grade_only_with_enough_tested_claims(int corroborated, int contradicted, int alone, Reliability? expected) =>
        Assert.Equal(expected, AssessmentService.SuggestGrade(corroborated, contradicted, alone).Grade);

    [Theory]
    [InlineData(0, 0, 4, "No claim tested against independent origins yet; at least 3 are needed to suggest a grade.")]
    [InlineData(1, 0, 0, "Only 1 claim tested against independent origins; at least 3 are needed to suggest a grade.")]
    [InlineData(1, 1, 0, "Only 2 claims tested against independent origins; at least 3 are needed to suggest a grade.")]
    public void Too_few_tested_claims_are_counted_in_words(int corroborated, int contradicted, int alone, string basis) =>
        Assert.Equal(basis, AssessmentService.SuggestGrade(corroborated, contradicted, alone).Basis);

    private static async Task<int> FirstIdAsync<T>(SeededDatabase db, Func<TalksTrackerDbContext, IQueryable<T>> query) where T : class
    {
        await using var context = db.NewContext();
        return await query(context).Select(e => EF.Property<int>(e, "Id")).FirstAsync(Ct);
    }
}

public sealed class AssessmentServiceTestsOnSqlite(SeededDatabase database) : AssessmentServiceTests(database), IClassFixture<SeededDatabase>;

public sealed class AssessmentServiceTestsOnPostgres(PostgresSeededDatabase database) : AssessmentServiceTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
