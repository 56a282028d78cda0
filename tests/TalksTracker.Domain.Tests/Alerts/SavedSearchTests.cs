using TalksTracker.Domain.Alerts;

namespace TalksTracker.Domain.Tests.Alerts;

public class SavedSearchTests
{
    private static readonly SearchableClaim Claim = new("Officials met in Baku to discuss deconfliction", Stance.Asserts, new HashSet<int> { 2 }, new HashSet<int> { 5 }, new HashSet<int> { 7 });

    [Theory]
    [InlineData("q=baku+deconfliction", true)]
    [InlineData("?q=Baku%20talks", false)]
    [InlineData("track=2&actor=5", true)]
    [InlineData("track=3", false)]
    [InlineData("source=7&stance=denies", false)]
    [InlineData("q=baku&page=3&order=oldest", true)]
    [InlineData("page=3", false)]
    public void A_new_claim_matches_the_words_and_filters_of_a_followed_search(string query, bool matches) =>
        Assert.Equal(matches, SavedSearch.Matches(query, Claim));
}
