using TalksTracker.Domain.Intake;
using Xunit;

namespace TalksTracker.Domain.Tests.Extraction;

public class DatelineDateTests
{
    private static readonly DateOnly Today = new(2026, 12, 3);

    [Theory]
    [InlineData("BEIRUT, Nov 27 (Reuters) - Talks resumed.", "2026-11-27")]
    [InlineData("Headline\nBEIJING, Dec. 3 (Xinhua) -- Talks resumed.", "2026-12-03")]
    [InlineData("MOSCOW, 3 December (TASS) - Talks resumed.", "2026-12-03")]
    [InlineData("DUBAI, December 4, 2025 (WAM) - Talks resumed.", "2025-12-04")]
    // Tomorrow is allowed (time zones); a later day is last year's.
    [InlineData("DOHA, Dec 4 (AFP) - Talks resumed.", "2026-12-04")]
    [InlineData("DOHA, Dec 20 (AFP) - Talks resumed.", "2025-12-20")]
    // 29 February exists in 2024, not in 2025 or 2026.
    [InlineData("KYIV, Feb 29 (Reuters) - Talks resumed.", "2024-02-29")]
    public void A_dateline_gives_the_day_in_the_latest_year_not_after_tomorrow(string text, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), DatelineDate.Of(text, Today));
    }

    [Theory]
    [InlineData("MOSCOW (AP) — Talks resumed on Nov 27.")]
    [InlineData("Talks resumed in Baku on Nov 27, officials said.")]
    [InlineData("BEIRUT, Nov 31 (Reuters) - Talks resumed.")]
    [InlineData("")]
    public void Without_a_dated_dateline_there_is_no_date(string text)
    {
        Assert.Null(DatelineDate.Of(text, Today));
    }
}
