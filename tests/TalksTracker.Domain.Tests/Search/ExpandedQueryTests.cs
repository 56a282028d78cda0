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

        Assert.Equal(["Moscow", "Kremlin", "Russian", "Russians"], query.AlsoSearching);
        Assert.Equal("also searching: Moscow, Kremlin, Russian, Russians", query.AlsoSearchingText);
        Assert.Equal("((\"Russia\") OR \"Moscow\" OR \"Kremlin\" OR \"Russian\" OR \"Russians\") AND \"talks\"", query.Fts5Match);
    }

    [Fact]
    public void An_alias_searches_the_name_and_the_other_aliases()
    {
        Assert.Equal(["Russia", "Kremlin", "Russian", "Russians"], Expand("moscow").AlsoSearching);
    }

    [Theory]
    [InlineData("Russians", new[] { "Russia", "Moscow", "Kremlin", "Russian" })]
    [InlineData("american", new[] { "United States", "Washington", "US", "Americans" })]
    [InlineData("Turkish", new[] { "Turkey", "Ankara", "Türkiye" })]
    public void A_people_searches_its_state(string text, string[] also)
    {
        Assert.Equal(also, Expand(text).AlsoSearching);
    }

    [Theory]
    [InlineData("China", new[] { "Chinese" })]
    [InlineData("Israel", new[] { "Israeli", "Israelis" })]
    [InlineData("United Kingdom", new[] { "British" })]
    [InlineData("Netherlands", new[] { "Dutch" })]
    [InlineData("Freedonia", new string[0])]
    public void A_state_s_people_are_its_demonyms_and_their_plurals(string state, string[] expected)
    {
        Assert.Equal(expected, TalksTracker.Domain.Catalog.Demonyms.Of(state));
    }

    [Fact]
    public void A_run_of_words_naming_an_actor_is_one_clause()
    {
        var query = Expand("United States deployments");

        Assert.Equal(2, query.Clauses.Count);
        Assert.Equal(["Washington", "US", "American", "Americans"], query.AlsoSearching);
        Assert.Equal("((\"United\" AND \"States\") OR \"Washington\" OR \"US\" OR \"American\" OR \"Americans\") AND \"deployments\"", query.Fts5Match);
    }

    [Fact]
    public void Diacritics_and_case_do_not_matter_in_names()
    {
        Assert.Equal(["Turkey", "Ankara", "Turkish"], Expand("TURKIYE").AlsoSearching);
    }

    [Theory]
    [InlineData("Russ*")]
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
