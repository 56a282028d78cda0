using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using TalksTracker.Data.Search;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Search;

public abstract class SearchServiceTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ISearchService Search => database.Get<ISearchService>();

    private async Task<SearchResults> FindAsync(string? text, int limit = 20, int offset = 0, bool exact = false)
    {
        var outcome = await Search.SearchAsync(text, limit, offset, exact, Ct);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Errors.SelectMany(e => e.Value)));
        return outcome.Value!;
    }

    [Fact]
    public async Task An_alias_finds_the_actor_and_the_claims_that_use_it()
    {
        var results = await FindAsync("Moscow", exact: true);

        var actor = Assert.Single(results.Actors);
        Assert.Equal("Russia", actor.Name);
        Assert.Contains("Moscow", actor.Aliases);
        Assert.Equal($"/actors/{actor.Id}", actor.Link);
        var claim = Assert.Single(results.Claims);
        Assert.Contains("Moscow is playing a central role", claim.Claim.Quote);
        Assert.Equal("a senior Israeli security source", claim.Claim.Source?.Name);
        Assert.Equal($"/reports/{claim.Claim.ReportId}?claim={claim.Claim.Id}#claim-{claim.Claim.Id}", claim.Link);
        Assert.Equal("Moscow", Assert.Single(claim.Snippet, s => s.IsMatch).Text);
        Assert.Single(results.Reports);
    }

    [Fact]
    public async Task An_actor_name_also_searches_its_other_names_and_says_so()
    {
        var results = await FindAsync("Russia central");

        Assert.Equal(["Moscow", "Russian Federation", "Russian", "Russians"], results.AlsoSearching);
        Assert.False(results.Exact);
        var claim = Assert.Single(results.Claims);
        Assert.Contains("Moscow is playing a central role", claim.Claim.Quote);
        Assert.Equal(["Moscow", "central"], claim.Snippet.Where(s => s.IsMatch).Select(s => s.Text));
    }

    [Fact]
    public async Task Exact_searches_only_the_words_typed()
    {
        var results = await FindAsync("Russia central", exact: true);

        Assert.Empty(results.AlsoSearching);
        Assert.True(results.Exact);
        Assert.Empty(results.Claims);
        Assert.Equal("Russia", Assert.Single(results.Actors).Name);
    }

    [Fact]
    public async Task Words_are_found_in_all_their_forms_and_highlighted_as_written()
    {
        var results = await FindAsync("deployment");

        Assert.Equal(2, results.ClaimTotal);
        Assert.All(results.Claims, c => Assert.Equal("deployments", Assert.Single(c.Snippet, s => s.IsMatch).Text));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Russia\" OR NEAR(")]
    [InlineData("Moscow' | 'x':* & !")]
    public async Task Hostile_text_is_only_words(string text)
    {
        var results = await FindAsync(text);

        Assert.False(results.TimedOut);
        Assert.All(results.Claims.SelectMany(c => c.Snippet), s => Assert.DoesNotContain('\u0002', s.Text));
    }

    [Fact]
    public async Task Claims_are_ranked_best_first_with_highlighted_snippets()
    {
        var results = await FindAsync("Russia*");

        Assert.True(results.ClaimTotal >= 3);
        Assert.Equal(results.ClaimTotal, results.Claims.Count);
        Assert.All(results.Claims, c => Assert.Contains(c.Snippet, s => s.IsMatch && s.Text.StartsWith("Russia", StringComparison.OrdinalIgnoreCase)));
        Assert.All(results.Claims.SelectMany(c => c.Snippet), s => Assert.DoesNotContain(s.Text, ch => ch is '\u0002' or '\u0003'));
    }

    [Fact]
    public async Task Reports_are_found_by_title_and_text()
    {
        var byTitle = await FindAsync("\"Russian auspices\"");
        var byText = await FindAsync("rapprochement");

        Assert.Equal("Under Russian auspices and US approval: Unannounced security talks between Syria and Israel", Assert.Single(byTitle.Reports).Title);
        Assert.Contains(Assert.Single(byText.Reports).Snippet, s => s.IsMatch && s.Text == "rapprochement");
    }

    [Fact]
    public async Task Words_are_anded()
    {
        Assert.NotEmpty((await FindAsync("Moscow central")).Claims);
        Assert.Empty((await FindAsync("Moscow zebrafish")).Claims);
    }

    [Fact]
    public async Task Results_are_paged()
    {
        var all = await FindAsync("Syria", limit: 100);
        var second = await FindAsync("Syria", limit: 2, offset: 2);

        Assert.True(all.ClaimTotal > 4);
        Assert.Equal(all.ClaimTotal, second.ClaimTotal);
        Assert.Equal(all.Claims.Skip(2).Take(2).Select(c => c.Claim.Id), second.Claims.Select(c => c.Claim.Id));
        Assert.Empty(second.Actors); // actors are listed on the first page only
    }

    [Theory]
    [InlineData(0, 0, "limit")]
    [InlineData(101, 0, "limit")]
    [InlineData(10, -1, "offset")]
    public async Task Bad_paging_is_refused(int limit, int offset, string field)
    {
        var outcome = await Search.SearchAsync("Baku", limit, offset, ct: Ct);

        Assert.False(outcome.Succeeded);
        Assert.Contains(field, outcome.Errors.Keys);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("NEAR(")]
    [InlineData("*")]
    [InlineData("AND")]
    [InlineData("(")]
    [InlineData("Baku OR")]
    [InlineData("\"Baku")]
    [InlineData("😀")]
    [InlineData("موسكو")]
    [InlineData("מוסקבה")]
    [InlineData("Москва")]
    [InlineData("ك َ")]
    [InlineData("a\u0000b")]
    [InlineData("\ud800 lone surrogate")]
    public async Task Hostile_input_never_throws(string text)
    {
        var results = await FindAsync(text);

        Assert.NotNull(results.Claims);
    }

    [Fact]
    public async Task Ten_kilobytes_are_capped_and_the_user_is_told()
    {
        var results = await FindAsync(string.Concat(Enumerable.Repeat("Baku ", 2_048)));

        Assert.False(results.TimedOut);
        Assert.NotNull(results.Notice);
        Assert.NotEmpty(results.Claims);
    }

    [Fact]
    public async Task Nothing_typed_gives_no_results_and_no_error()
    {
        var results = await FindAsync("   ");

        Assert.True(results.IsEmpty);
        Assert.False(results.TimedOut);
    }

    private ISearchService WithLimits(int totalCap, int rankLimit)
    {
        var options = new SearchOptions { TotalCap = totalCap, RankLimit = rankLimit };
        return database.Provider == DatabaseProvider.Postgres
            ? new PostgresSearchService(database.Contexts, options, NullLogger<PostgresSearchService>.Instance)
            : new SqliteSearchService(database.Contexts, options, NullLogger<SqliteSearchService>.Instance);
    }

    [Fact]
    public async Task Few_matches_are_counted_exactly_and_ranked_by_relevance()
    {
        var results = await FindAsync("Syria", limit: 100);

        Assert.False(results.ClaimTotalIsLowerBound);
        Assert.Equal(SearchOrder.Relevance, results.ClaimOrder);
        Assert.Equal(results.Claims.Count, results.ClaimTotal);
        Assert.Equal(results.ClaimTotal.ToString(System.Globalization.CultureInfo.InvariantCulture), results.ClaimTotalText);
    }

    [Fact]
    public async Task Beyond_the_cap_the_total_is_a_lower_bound_and_the_hits_come_newest_first()
    {
        var all = await FindAsync("Syria", limit: 100);
        Assert.True(all.ClaimTotal > 4);
        var capped = WithLimits(totalCap: 3, rankLimit: 2);

        var first = (await capped.SearchAsync("Syria", 2, 0, ct: Ct)).Value!;
        var second = (await capped.SearchAsync("Syria", 2, 2, ct: Ct)).Value!;
        var rest = (await capped.SearchAsync("Syria", 100, 4, ct: Ct)).Value!;

        Assert.Equal(3, first.ClaimTotal);
        Assert.True(first.ClaimTotalIsLowerBound);
        Assert.Equal("3+", first.ClaimTotalText);
        Assert.Equal(SearchOrder.Newest, first.ClaimOrder);
        // Every match is still reachable page by page, newest first, each once, with its snippet.
        var paged = first.Claims.Concat(second.Claims).Concat(rest.Claims).Select(c => c.Claim.Id).ToList();
        Assert.Equal(all.Claims.Select(c => c.Claim.Id).OrderDescending(), paged);
        Assert.All(first.Claims.Concat(second.Claims), c => Assert.Contains(c.Snippet, s => s.IsMatch));
        // Each row carries its own snippet (made in the same pass as the ids on SQLite): the one relevance order gives it.
        var snippetOf = all.Claims.ToDictionary(c => c.Claim.Id, c => c.Snippet);
        Assert.All(first.Claims.Concat(second.Claims).Concat(rest.Claims), c => Assert.Equal(snippetOf[c.Claim.Id], c.Snippet));
    }

    [Fact]
    public async Task Under_the_cap_but_over_the_rank_limit_the_total_is_exact_and_newest_first()
    {
        var all = await FindAsync("Syria", limit: 100);

        var results = (await WithLimits(totalCap: 1_000, rankLimit: 1).SearchAsync("Syria", 100, 0, ct: Ct)).Value!;

        Assert.Equal(all.ClaimTotal, results.ClaimTotal);
        Assert.False(results.ClaimTotalIsLowerBound);
        Assert.Equal(SearchOrder.Newest, results.ClaimOrder);
        Assert.Equal(all.Claims.Select(c => c.Claim.Id).OrderDescending(), results.Claims.Select(c => c.Claim.Id));
        Assert.Equal(all.ReportTotal, results.ReportTotal);
    }

    [Fact]
    public async Task A_phrase_and_a_prefix_are_capped_the_same_way()
    {
        var capped = WithLimits(totalCap: 1, rankLimit: 0);

        var prefix = (await capped.SearchAsync("Syria*", 20, 0, ct: Ct)).Value!;
        var phrase = (await capped.SearchAsync("\"security talks\"", 20, 0, ct: Ct)).Value!;

        Assert.True(prefix.ClaimTotalIsLowerBound);
        Assert.Equal(1, prefix.ClaimTotal);
        Assert.True(prefix.Claims.Count > 1); // the page is not cut to the counted number
        Assert.Equal(SearchOrder.Newest, phrase.ReportOrder);
        Assert.Single(phrase.Reports);
        Assert.False(phrase.ReportTotalIsLowerBound);
    }

    [Fact]
    public async Task A_search_over_its_time_limit_says_so()
    {
        var zero = new SearchOptions { Timeout = TimeSpan.Zero };
        ISearchService slow = database.Provider == DatabaseProvider.Postgres
            ? new PostgresSearchService(database.Contexts, zero, NullLogger<PostgresSearchService>.Instance)
            : new SqliteSearchService(database.Contexts, zero, NullLogger<SqliteSearchService>.Instance);

        var outcome = await slow.SearchAsync("Baku", ct: Ct);

        Assert.True(outcome.Value!.TimedOut);
        Assert.Contains("took longer", outcome.Value.Notice);
        Assert.Empty(outcome.Value.Claims);
    }
}

/// <summary>The index follows every change to claims and reports, through the triggers the migration installs.</summary>
public abstract class SearchIndexSyncTests(SeededDatabase database)
{
    protected SeededDatabase Database => database;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<int>> ClaimsFoundAsync(string text) =>
        (await database.Get<ISearchService>().SearchAsync(text, ct: Ct)).Value!.Claims.Select(c => c.Claim.Id).ToList();

    private async Task<IReadOnlyList<int>> ReportsFoundAsync(string text) =>
        (await database.Get<ISearchService>().SearchAsync(text, ct: Ct)).Value!.Reports.Select(r => r.Id).ToList();

    [Fact]
    public async Task Inserted_updated_and_deleted_claims_are_found_then_not()
    {
        int claimId;
        await using (var db = database.NewContext())
        {
            var reportId = await db.Reports.Select(r => r.Id).FirstAsync(Ct);
            var claim = new Claim { ReportId = reportId, Start = 0, End = 10, Quote = "the quagga wombatry", Stance = Stance.Asserts };
            db.Claims.Add(claim);
            await db.SaveChangesAsync(Ct);
            claimId = claim.Id;
        }

        Assert.Equal([claimId], await ClaimsFoundAsync("quagga"));

        await using (var db = database.NewContext())
        {
            var claim = await db.Claims.SingleAsync(c => c.Id == claimId, Ct);
            claim.Quote = "the okapi wombatry";
            await db.SaveChangesAsync(Ct);
        }

        Assert.Empty(await ClaimsFoundAsync("quagga"));
        Assert.Equal([claimId], await ClaimsFoundAsync("okapi"));

        await using (var db = database.NewContext())
        {
            db.Claims.Remove(await db.Claims.SingleAsync(c => c.Id == claimId, Ct));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Empty(await ClaimsFoundAsync("okapi"));
        Assert.Empty(await ClaimsFoundAsync("wombatry"));
    }

    [Fact]
    public async Task Inserted_retitled_and_deleted_reports_are_found_then_not()
    {
        int reportId;
        await using (var db = database.NewContext())
        {
            var report = new Report { Title = "Pangolin memo", Text = "Pangolin memo\nTalks about narwhal deployments.", ContentHash = new string('a', 64) };
            db.Reports.Add(report);
            await db.SaveChangesAsync(Ct);
            reportId = report.Id;
        }

        Assert.Equal([reportId], await ReportsFoundAsync("narwhal"));

        await using (var db = database.NewContext())
        {
            (await db.Reports.SingleAsync(r => r.Id == reportId, Ct)).Title = "Axolotl memo";
            await db.SaveChangesAsync(Ct);
        }

        Assert.Equal([reportId], await ReportsFoundAsync("axolotl"));
        Assert.Equal([reportId], await ReportsFoundAsync("pangolin")); // still in the text

        await using (var db = database.NewContext())
        {
            db.Reports.Remove(await db.Reports.SingleAsync(r => r.Id == reportId, Ct));
            await db.SaveChangesAsync(Ct);
        }

        Assert.Empty(await ReportsFoundAsync("narwhal"));
    }
}

public class SearchMigrationTests(EmptyDatabase database) : IClassFixture<EmptyDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_search_migration_goes_down_and_up_again()
    {
        database.OrSkip();
        await using var db = database.NewContext();
        var migrator = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(db);
        var migrations = db.Database.GetMigrations().ToList();
        var search = migrations.Single(m => m.EndsWith("_AddFullTextSearch", StringComparison.Ordinal));

        await migrator.MigrateAsync(migrations[migrations.IndexOf(search) - 1], Ct);
        Assert.Equal(0, await SearchObjectsAsync(db));

        await migrator.MigrateAsync(null, Ct);
        Assert.Equal(8, await SearchObjectsAsync(db)); // two indexes and three triggers each
    }

    private static Task<int> SearchObjectsAsync(TalksTrackerDbContext db) =>
        db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM sqlite_master WHERE (type = 'table' AND name IN ('ClaimSearch', 'ReportSearch')) OR (type = 'trigger' AND name LIKE '%_Search')")
            .SingleAsync(Ct);
}

public sealed class SearchServiceTestsOnSqlite(SeededDatabase database) : SearchServiceTests(database), IClassFixture<SeededDatabase>;

public sealed class SearchServiceTestsOnPostgres(PostgresSeededDatabase database) : SearchServiceTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;

public sealed class SearchIndexSyncTestsOnSqlite(SeededDatabase database) : SearchIndexSyncTests(database), IClassFixture<SeededDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_index_passes_its_integrity_check()
    {
        await using var db = Database.NewContext();

        // FTS5 raises an error here when the index and the content tables disagree.
        await db.Database.ExecuteSqlRawAsync("INSERT INTO ClaimSearch(ClaimSearch) VALUES ('integrity-check');", Ct);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO ReportSearch(ReportSearch) VALUES ('integrity-check');", Ct);
    }
}

public sealed class SearchIndexSyncTestsOnPostgres(PostgresSeededDatabase database) : SearchIndexSyncTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;

/// <summary>On PostgreSQL the search columns are generated by the database, so they cannot drift from the text.</summary>
public class PostgresSearchMigrationTests(PostgresEmptyDatabase database) : IClassFixture<PostgresEmptyDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_search_migration_goes_down_and_up_again()
    {
        database.OrSkip();
        await using var db = database.NewContext();
        var migrator = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(db);
        var migrations = db.Database.GetMigrations().ToList();
        var search = migrations.Single(m => m.EndsWith("_FullTextSearch", StringComparison.Ordinal));
        Assert.Equal(4, await SearchObjectsAsync(db)); // two generated columns, two GIN indexes

        await migrator.MigrateAsync(migrations[migrations.IndexOf(search) - 1], Ct);
        Assert.Equal(0, await SearchObjectsAsync(db));

        await migrator.MigrateAsync(null, Ct);
        Assert.Equal(4, await SearchObjectsAsync(db));
    }

    private static Task<int> SearchObjectsAsync(TalksTrackerDbContext db) =>
        db.Database.SqlQueryRaw<int>(
                """
                SELECT ((SELECT count(*) FROM pg_attribute WHERE attname = 'SearchVector' AND attgenerated = 's' AND NOT attisdropped
                            AND attrelid IN ('"Claims"'::regclass, '"Reports"'::regclass))
                      + (SELECT count(*) FROM pg_indexes WHERE indexname IN ('IX_Claims_SearchVector', 'IX_Reports_SearchVector')))::int AS "Value"
                """)
            .SingleAsync(Ct);
}

/// <summary>A database searched before stemming keeps its rows: the StemmedSearch migration indexes them again, stemmed.</summary>
public abstract class StemmedSearchMigrationTests(SeededDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_written_before_the_migration_are_found_stemmed_after_it()
    {
        await using var db = database.NewContext();
        var migrator = Microsoft.EntityFrameworkCore.Infrastructure.AccessorExtensions.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>(db);
        var migrations = db.Database.GetMigrations().ToList();
        var stemmed = migrations.Single(m => m.EndsWith("_StemmedSearch", StringComparison.Ordinal));
        var search = database.Get<ISearchService>();

        await migrator.MigrateAsync(migrations[migrations.IndexOf(stemmed) - 1], Ct);
        var before = (await search.SearchAsync("deployment", ct: Ct)).Value!;
        await migrator.MigrateAsync(null, Ct);
        var after = (await search.SearchAsync("deployment", ct: Ct)).Value!;

        Assert.Equal(0, before.ClaimTotal);
        Assert.Equal(2, after.ClaimTotal);
    }
}

public sealed class StemmedSearchMigrationTestsOnSqlite(SeededDatabase database) : StemmedSearchMigrationTests(database), IClassFixture<SeededDatabase>;

public sealed class StemmedSearchMigrationTestsOnPostgres(PostgresSeededDatabase database) : StemmedSearchMigrationTests(database.OrSkip()), IClassFixture<PostgresSeededDatabase>;
