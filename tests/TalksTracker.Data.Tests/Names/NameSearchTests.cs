using TalksTracker.Data.Catalog;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.Data.Tests.Names;

/// <summary>A catalog made for the pickers: names that differ in case, share parts, and hold LIKE's wildcards.</summary>
public class NameSearchDatabase : SeededDatabase
{
    public NameSearchDatabase() : this(DatabaseProvider.Sqlite)
    {
    }

    protected NameSearchDatabase(DatabaseProvider provider) : base(seed: false, provider)
    {
    }

    public const int NumberedVenues = 30;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        if (SkipReason is not null)
        {
            return;
        }

        await using var db = NewContext();
        db.Actors.AddRange(
            new Actor { Name = "Russia", Aliases = [new ActorAlias { Alias = "Moscow" }, new ActorAlias { Alias = "the Kremlin" }] },
            new Actor { Name = "Belarus", Aliases = [new ActorAlias { Alias = "Minsk" }] },
            new Actor { Name = "Prussian Cultural Heritage Foundation", Kind = ActorKind.Other },
            new Actor { Name = "United States", Aliases = [new ActorAlias { Alias = "Washington" }, new ActorAlias { Alias = "US" }] },
            new Actor { Name = "Syria", Aliases = [new ActorAlias { Alias = "Damascus" }] });
        db.Venues.AddRange(
            new Venue { Name = "Muscat" },
            new Venue { Name = "Cat Island" },
            new Venue { Name = "Doha" },
            new Venue { Name = "Abu Dhabi" },
            new Venue { Name = "cattaro" });
        // Names that sort after every other: empty text must still find the first twenty by name.
        db.Venues.AddRange(Enumerable.Range(1, NumberedVenues).Select(i => new Venue { Name = $"Zone {i:00}" }));
        db.Sources.AddRange(
            new Source { Name = "a 100% reliable insider", Kind = SourceKind.AnonymousOfficial },
            new Source { Name = "a 1000 strong militia", Kind = SourceKind.Other },
            new Source { Name = "net_watch", Kind = SourceKind.MediaOutlet },
            new Source { Name = "netXwatch", Kind = SourceKind.MediaOutlet },
            new Source { Name = @"back\slash review", Kind = SourceKind.MediaOutlet },
            new Source { Name = "Israeli media", Kind = SourceKind.MediaOutlet });
        await db.SaveChangesAsync();
    }
}

public sealed class PostgresNameSearchDatabase() : NameSearchDatabase(DatabaseProvider.Postgres);

public abstract class NameSearchTests(NameSearchDatabase database)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IReadOnlyList<string>> Actors(string? text) =>
        (await database.Get<ActorService>().SearchNamesAsync(text, ct: Ct)).Select(r => r.Name).ToList();

    private async Task<IReadOnlyList<string>> Venues(string? text, int limit = NameSearch.DefaultLimit) =>
        (await database.Get<VenueService>().SearchNamesAsync(text, limit, Ct)).Select(r => r.Name).ToList();

    private async Task<IReadOnlyList<string>> Sources(string? text) =>
        (await database.Get<SourceService>().SearchNamesAsync(text, ct: Ct)).Select(r => r.Name).ToList();

    [Fact]
    public async Task Names_containing_the_text_in_any_case_come_back_those_starting_with_it_first()
    {
        Assert.Equal(["Cat Island", "cattaro", "Muscat"], await Venues("cat"));
        Assert.Equal(["Cat Island", "cattaro", "Muscat"], await Venues("CAT"));
        Assert.Equal(["Russia", "Belarus", "Prussian Cultural Heritage Foundation"], await Actors("rus"));
    }

    [Fact]
    public async Task Actors_are_found_by_alias_once_each_under_their_own_name()
    {
        Assert.Equal(["Russia"], await Actors("mosc"));
        Assert.Equal(["Russia"], await Actors("  KREMLIN "));
        Assert.Equal(["Syria"], await Actors("damascus"));
        // "US" is an alias of the United States (starting with the text), and inside Belarus, Prussian, Russia and
        // Syria's alias Damascus.
        Assert.Equal(["United States", "Belarus", "Prussian Cultural Heritage Foundation", "Russia", "Syria"], await Actors("us"));
    }

    [Fact]
    public async Task No_text_gives_the_first_names_in_order_up_to_the_limit()
    {
        var venues = await Venues(null);

        Assert.Equal(NameSearch.DefaultLimit, venues.Count);
        Assert.Equal(["Abu Dhabi", "Cat Island", "cattaro", "Doha", "Muscat", "Zone 01"], venues.Take(6));
        Assert.Equal(venues, await Venues("   "));
        Assert.Equal(["Abu Dhabi", "Cat Island"], await Venues("", limit: 2));
        Assert.Equal(["Zone 01", "Zone 02", "Zone 03"], await Venues("zone", limit: 3));
    }

    [Fact]
    public async Task A_limit_out_of_range_is_brought_into_it()
    {
        Assert.Single(await Venues(null, limit: 0));
        Assert.Equal(5 + NameSearchDatabase.NumberedVenues, (await Venues(null, limit: int.MaxValue)).Count);
    }

    [Fact]
    public async Task Wildcards_and_quotes_typed_are_plain_characters()
    {
        Assert.Equal(["a 100% reliable insider"], await Sources("100%"));
        Assert.Equal(["a 100% reliable insider"], await Sources("%"));
        Assert.Equal(["net_watch"], await Sources("t_w"));
        Assert.Equal(["net_watch"], await Sources("_"));
        Assert.Equal([@"back\slash review"], await Sources(@"k\s"));
        Assert.Empty(await Sources("\" OR 1=1 --'"));
        Assert.Empty(await Sources(new string('x', 5_000)));
    }

    [Fact]
    public async Task A_name_is_looked_up_by_id_and_an_unknown_id_gives_none()
    {
        var doha = Assert.Single(await database.Get<VenueService>().SearchNamesAsync("doha", ct: Ct));

        Assert.Equal(doha, await database.Get<VenueService>().NameOfAsync(doha.Id, Ct));
        Assert.Null(await database.Get<VenueService>().NameOfAsync(int.MaxValue, Ct));
        var russia = (await database.Get<ActorService>().SearchNamesAsync("Russia", ct: Ct))[0];
        Assert.Equal(russia with { Name = "Russia" }, await database.Get<ActorService>().NameOfAsync(russia.Id, Ct));
        Assert.Null(await database.Get<SourceService>().NameOfAsync(-1, Ct));
    }
}

public sealed class NameSearchTestsOnSqlite(NameSearchDatabase database) : NameSearchTests(database), IClassFixture<NameSearchDatabase>;

public sealed class NameSearchTestsOnPostgres(PostgresNameSearchDatabase database) : NameSearchTests(database.OrSkip()), IClassFixture<PostgresNameSearchDatabase>;
