using TalksTracker.Domain;
using TalksTracker.Domain.Grading;

namespace TalksTracker.Domain.Tests.Grading;

public class GradeTests
{
    [Fact]
    public void Grade_reads_as_letter_and_digit() => Assert.Equal("B2", Grade.Of(Reliability.B, 2).ToString());

    [Fact]
    public void A_claim_without_a_source_is_graded_F() => Assert.Equal("F3", Grade.Of(null, 3).ToString());

    [Theory]
    [InlineData(0, "A1")]
    [InlineData(9, "A6")]
    public void Credibility_outside_1_to_6_is_clamped(int credibility, string expected) =>
        Assert.Equal(expected, Grade.Of(Reliability.A, credibility).ToString());

    [Theory]
    [InlineData("a", Reliability.A)]
    [InlineData("F", Reliability.F)]
    [InlineData("G", null)]
    [InlineData("1", null)]
    [InlineData("AB", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Only_the_letters_A_to_F_parse_as_reliability(string? text, Reliability? expected) =>
        Assert.Equal(expected, Grade.ParseReliability(text));

    [Fact]
    public void Every_grade_has_a_plain_description()
    {
        foreach (var r in Enum.GetValues<Reliability>())
        {
            Assert.False(string.IsNullOrWhiteSpace(Grade.Describe(r)));
        }

        Assert.Equal("Usually reliable", Grade.Describe(Reliability.B));
        Assert.Equal("Probably true", Grade.DescribeCredibility(2));
    }
}
