using TalksTracker.Domain.Search;

namespace TalksTracker.Domain.Tests.Search;

public class ExpandedQueryTests
{
    private static readonly IReadOnlyList<string>[] Actors =
    [
        ["Russia", "Moscow", "Kremlin"],
        ["United States", "Washington", "US"],
        ["Turkey", "Ankara", "Türkiye"],
    ];

    private static ExpandedQuery Expand(string text) => ExpandedQuery.Expand(SearchQuery.Parse(text), Actors);

    [Fact]
    public void A_name_also_searches_the_other_names_and_says_which()
    {
        var query = Expand("Russia talks");

        Assert.Equal(["Moscow", "Kremlin"], query.AlsoSearching);
        Assert.Equal("also searching: Moscow, Kremlin", query.AlsoSearchingText);
        Assert.Equal("((\"Russia\") OR \"Moscow\" OR \"Kremlin\") AND \"talks\"", query.Fts5Match);
    }

    [Fact]
    public void An_alias_searches_the_name_and_the_other_aliases()
    {
        Assert.Equal(["Russia", "Kremlin"], Expand("moscow").AlsoSearching);
    }

    [Fact]
    public void A_run_of_words_naming_an_actor_is_one_clause()
    {
        var query = Expand("United States deployments");

        Assert.Equal(2, query.Clauses.Count);
        Assert.Equal(["Washington", "US"], query.AlsoSearching);
        Assert.Equal("((\"United\" AND \"States\") OR \"Washington\" OR \"US\") AND \"deployments\"", query.Fts5Match);
    }

    [Fact]
    public void Diacritics_and_case_do_not_matter_in_names()
    {
        Assert.Equal(["Turkey", "Ankara"], Expand("TURKIYE").AlsoSearching);
    }

    [Theory]
    [InlineData("Russ*")]
    [InlineData("Russians")]
    [InlineData("\"Russia talks\"")]
    [InlineData("zebrafish")]
    public void Prefixes_and_other_words_are_not_expanded(string text)
    {
        var query = Expand(text);

        Assert.Empty(query.AlsoSearching);
        Assert.Equal(SearchQuery.Parse(text).Fts5Match, query.Fts5Match);
    }

    [Fact]
    public void Exact_is_the_query_as_typed()
    {
        var query = ExpandedQuery.Exact(SearchQuery.Parse("Russia talks"));

        Assert.Empty(query.AlsoSearching);
        Assert.Equal("\"Russia\" \"talks\"", query.Fts5Match);
    }

    [Fact]
    public void Broken_utf16_in_a_name_or_the_query_is_no_error()
    {
        var query = ExpandedQuery.Expand(SearchQuery.Parse("Baku \uD800x"), [["Baku", "\uDC00 Bakou"]]);

        Assert.Equal(["\uDC00 Bakou"], query.AlsoSearching);
        Assert.Equal("baku x", SearchQuery.Fold("Baku\uD800x"));
    }
}
