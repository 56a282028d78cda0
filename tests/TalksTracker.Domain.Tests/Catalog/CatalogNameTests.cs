using TalksTracker.Domain.Catalog;

namespace TalksTracker.Domain.Tests.Catalog;

public class CatalogNameTests
{
    [Theory]
    [InlineData("  Baku ", "Baku")]
    [InlineData("Sharm\tel  Sheikh", "Sharm el Sheikh")]
    [InlineData(" \n ", null)]
    [InlineData(null, null)]
    public void Names_are_trimmed_and_their_spacing_folded(string? typed, string? clean) =>
        Assert.Equal(clean, CatalogName.Clean(typed));

    [Theory]
    [InlineData("Moscow", "moscow")]
    [InlineData("Syria–Israel security track", "syria-israel  SECURITY track")]
    [InlineData("Ma’arrat al-Nu’man", "Ma'arrat al-Nu'man")]
    [InlineData("Göteborg", "GÖTEBORG")]
    public void Names_that_differ_only_in_case_spacing_or_dash_and_quote_style_are_the_same(string a, string b) =>
        Assert.True(CatalogName.Same(a, b));

    [Theory]
    [InlineData("Baku", "Baki")]
    [InlineData("", "")]
    [InlineData("Syria", null)]
    public void Different_or_empty_names_are_not_the_same(string a, string? b) =>
        Assert.False(CatalogName.Same(a, b));

    [Fact]
    public void A_name_that_cannot_be_stored_says_why()
    {
        Assert.Equal("missing", CatalogName.ProblemWith("  ", 10, "missing"));
        Assert.Equal("At most 5 characters (6 given).", CatalogName.ProblemWith(" Muscat ", 5, "missing"));
        Assert.Equal("The name contains control characters.", CatalogName.ProblemWith("Bak\u0000u", 10, "missing"));
        Assert.Null(CatalogName.ProblemWith(" Muscat ", 6, "missing"));
    }

    [Theory]
    [InlineData("Envoys met in Muscat on Tuesday.", "muscat", true)]
    [InlineData("Envoys met in Muscatine.", "Muscat", false)]
    [InlineData("The U.S. approved, officials said.", "U.S.", true)]
    [InlineData("Officials told us the talks went well.", "US", false)]
    [InlineData("The US approved.", "US", true)]
    [InlineData("Mechanisms to prevent escalation were discussed.", "mechanisms to prevent escalation", true)]
    [InlineData("", "Baku", false)]
    public void A_name_is_mentioned_only_as_whole_words(string text, string name, bool mentioned) =>
        Assert.Equal(mentioned, CatalogName.IsMentionedIn(text, name));
}
