using TalksTracker.Domain.Search;

namespace TalksTracker.Domain.Tests.Search;

public class SearchQueryTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \t\n ")]
    [InlineData("\"\"")]
    [InlineData("* ( ) ^ : -")]
    [InlineData("😀 🇷🇺")]
    public void Nothing_searchable_is_an_empty_query(string? input)
    {
        var query = SearchQuery.Parse(input);

        Assert.True(query.IsEmpty);
        Assert.Null(query.Fts5Match);
        Assert.False(query.Truncated);
    }

    [Fact]
    public void Words_are_quoted_and_anded()
    {
        Assert.Equal("\"Moscow\" \"Baku\"", SearchQuery.Parse("  Moscow   Baku ").Fts5Match);
    }

    [Fact]
    public void Quoted_phrases_stay_phrases()
    {
        var query = SearchQuery.Parse("\"security  source\" Baku");

        Assert.Equal("\"security source\" \"Baku\"", query.Fts5Match);
        Assert.True(query.Terms[0].IsPhrase);
    }

    [Fact]
    public void A_trailing_star_asks_for_a_prefix()
    {
        var query = SearchQuery.Parse("deploy* \"Golan Height\"*");

        Assert.Equal("\"deploy\"* \"Golan Height\"*", query.Fts5Match);
        Assert.All(query.Terms, t => Assert.True(t.IsPrefix));
    }

    [Theory]
    [InlineData("Russia AND Israel", "\"Russia\" \"AND\" \"Israel\"")]
    [InlineData("Russia OR Israel", "\"Russia\" \"OR\" \"Israel\"")]
    [InlineData("NOT Israel", "\"NOT\" \"Israel\"")]
    [InlineData("NEAR(Russia Israel)", "\"NEAR(Russia\" \"Israel)\"")]
    [InlineData("(Baku", "\"(Baku\"")]
    [InlineData("^Baku Quote:golan -militias", "\"^Baku\" \"Quote:golan\" \"-militias\"")]
    [InlineData("a*b", "\"a*b\"")]
    public void Engine_operators_typed_by_the_user_are_plain_words(string input, string expected)
    {
        Assert.Equal(expected, SearchQuery.Parse(input).Fts5Match);
    }

    [Theory]
    [InlineData("\"", null)]
    [InlineData("\"Baku", "\"Baku\"")]
    [InlineData("say\"hi", "\"say\" \"hi\"")]
    [InlineData("Baku \"Golan", "\"Baku\" \"Golan\"")]
    public void Unbalanced_quotes_are_punctuation(string input, string? expected)
    {
        Assert.Equal(expected, SearchQuery.Parse(input).Fts5Match);
    }

    [Fact]
    public void Quotes_inside_a_term_are_doubled()
    {
        // The only way a quote reaches a term is inside a word the parser keeps whole; check the escaping itself.
        var query = new SearchQuery("x", [new SearchTerm("a\"b", false, false)], false);

        Assert.Equal("\"a\"\"b\"", query.Fts5Match);
    }

    [Theory]
    [InlineData("موسكو")]
    [InlineData("מוסקבה")]
    [InlineData("Москва")]
    [InlineData("Café")]
    public void Other_scripts_are_words(string word)
    {
        Assert.Equal($"\"{word}\"", SearchQuery.Parse(word).Fts5Match);
    }

    [Fact]
    public void Control_characters_and_markers_never_reach_the_engine()
    {
        var match = SearchQuery.Parse("Ba\u0000ku \u0002x\u0003")!.Fts5Match!;

        Assert.DoesNotContain(match, c => char.IsControl(c));
        Assert.Equal("\"Ba\" \"ku\" \"x\"", match);
    }

    [Fact]
    public void Long_input_is_capped_and_says_so()
    {
        var tenKilobytes = string.Concat(Enumerable.Repeat("word ", 2_048));

        var query = SearchQuery.Parse(tenKilobytes);

        Assert.True(query.Truncated);
        Assert.Equal(SearchQuery.MaxTerms, query.Terms.Count);
        Assert.NotNull(query.Notice);
    }

    [Fact]
    public void One_very_long_word_is_cut_at_the_character_cap()
    {
        var query = SearchQuery.Parse(new string('a', 10_000));

        Assert.True(query.Truncated);
        Assert.Equal(SearchQuery.MaxCharacters, Assert.Single(query.Terms).Text.Length);
    }

    [Fact]
    public void The_cap_never_splits_a_surrogate_pair()
    {
        var input = new string('a', SearchQuery.MaxCharacters - 1) + "😀 b";

        var query = SearchQuery.Parse(input);

        Assert.DoesNotContain(query.Terms.Single().Text, c => char.IsSurrogate(c));
    }

    [Fact]
    public void A_short_query_is_not_truncated()
    {
        var query = SearchQuery.Parse("Baku talks");

        Assert.False(query.Truncated);
        Assert.Null(query.Notice);
    }

    [Theory]
    [InlineData("Moscow", "Moscow", true)]
    [InlineData("moscow", "Moscow", true)]
    [InlineData("Baku Moscow", "Moscow", true)]
    [InlineData("tel aviv", "Tel Aviv", true)]
    [InlineData("\"Tel Aviv\" talks", "Tel Aviv", true)]
    [InlineData("Mosc*", "Moscow", true)]
    [InlineData("Mosc", "Moscow", false)]
    [InlineData("Tel", "Tel Aviv", false)]
    [InlineData("Sao Paulo", "São Paulo", true)]
    [InlineData("москва", "Москва", true)]
    [InlineData("😀", "Moscow", false)]
    public void Names_and_aliases_match_whole_terms(string input, string name, bool expected)
    {
        Assert.Equal(expected, SearchQuery.Parse(input).MatchesName(name));
    }
}

public class SnippetTests
{
    [Fact]
    public void Markers_become_match_segments()
    {
        var segments = Snippet.Split("…talks in \u0002Baku\u0003 between \u0002Syria\u0003");

        Assert.Equal(
            [new("…talks in ", false), new("Baku", true), new(" between ", false), new("Syria", true)],
            segments);
    }

    [Fact]
    public void Markup_in_the_text_stays_text()
    {
        var segments = Snippet.Split("<script>alert(1)</script> \u0002x\u0003");

        Assert.Equal("<script>alert(1)</script> ", segments[0].Text);
        Assert.False(segments[0].IsMatch);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\u0002\u0003")]
    public void Nothing_gives_no_segments(string? text)
    {
        Assert.Empty(Snippet.Split(text));
    }

    [Fact]
    public void Stray_markers_are_dropped_and_text_is_kept()
    {
        var segments = Snippet.Split("a\u0003b\u0002c");

        Assert.Equal("abc", string.Concat(segments.Select(s => s.Text)));
        Assert.True(segments[^1].IsMatch);
    }
}
