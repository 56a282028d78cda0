using System.Globalization;
using TalksTracker.Data.Meetings;
using TalksTracker.Domain;
using TalksTracker.Web.Timeline;

namespace TalksTracker.Web.Tests.Timeline;

/// <summary>The timeline's filters written into a link and read back: a filtered view is a link only if nothing is lost.</summary>
public class TimelineQueryStringTests
{
    private static readonly TimelineQuery Everything = new()
    {
        TrackId = 3,
        ActorId = 5,
        VenueId = 7,
        Category = AgendaCategory.Guarantees,
        SourceId = 11,
        MinReliability = Reliability.B,
        Stance = Stance.Denies,
        From = new DateOnly(2026, 1, 2),
        To = new DateOnly(2026, 3, 4),
        Acknowledged = false,
        Status = MeetingStatus.Confirmed,
        Order = TimelineOrder.OldestFirst,
        Page = 4,
        PageSize = 20,
    };

    [Fact]
    public void Should_read_back_every_filter_it_writes()
    {
        var (parsed, problems) = RoundTrip(Everything);

        Assert.Empty(problems);
        Assert.Equal(Everything, parsed);
    }

    [Fact]
    public void Should_read_back_each_filter_on_its_own_and_write_a_default_query_as_no_parameter()
    {
        Assert.All(TimelineQueryString.ToParameters(new TimelineQuery()).Values, Assert.Null);
        foreach (var property in LinkedProperties())
        {
            var alone = new TimelineQuery();
            property.SetValue(alone, property.GetValue(Everything));
            Assert.Equal((alone, 0), (RoundTrip(alone).Query, RoundTrip(alone).Problems.Count));
        }
    }

    [Fact]
    public void Should_set_in_the_sample_every_property_a_link_carries()
    {
        // A filter added to TimelineQuery fails here until the sample (and so the round trip above) covers it.
        var unset = LinkedProperties().Where(p => Equals(p.GetValue(Everything), p.GetValue(new TimelineQuery()))).Select(p => p.Name);
        Assert.Empty(unset);
    }

    // HeldOnly is the overview's own choice, never part of a link.
    private static IEnumerable<System.Reflection.PropertyInfo> LinkedProperties() =>
        typeof(TimelineQuery).GetProperties().Where(p => p.CanWrite && p.Name != nameof(TimelineQuery.HeldOnly));

    private static (TimelineQuery Query, IReadOnlyDictionary<string, string[]> Problems) RoundTrip(TimelineQuery query)
    {
        var parameters = TimelineQueryString.ToParameters(query);
        return TimelineQueryString.Parse(key => parameters.GetValueOrDefault(key) is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null);
    }
}
