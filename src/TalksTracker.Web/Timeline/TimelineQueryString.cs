using System.Globalization;
using TalksTracker.Data.Common;
using TalksTracker.Data.Meetings;
using TalksTracker.Domain;
using TalksTracker.Domain.Grading;

namespace TalksTracker.Web.Timeline;

/// <summary>
/// The timeline's filters as they appear in a URL, shared by the page and the API so a
/// filtered view is a link: parsing reports each bad value instead of failing the request.
/// </summary>
public static class TimelineQueryString
{
    public const string Track = "track";
    public const string Actor = "actor";
    public const string Venue = "venue";
    public const string Category = "category";
    public const string Source = "source";
    public const string MinReliability = "minReliability";
    public const string Stance = "stance";
    public const string From = "from";
    public const string To = "to";
    public const string Acknowledged = "ack";
    public const string Status = "status";
    public const string Order = "order";
    public const string Page = "page";
    public const string PageSize = "pageSize";

    public static (TimelineQuery Query, IReadOnlyDictionary<string, string[]> Problems) Parse(Func<string, string?> value)
    {
        var problems = new ProblemList();
        var query = new TimelineQuery
        {
            TrackId = Id(Track),
            ActorId = Id(Actor),
            VenueId = Id(Venue),
            SourceId = Id(Source),
            Category = EnumValue<AgendaCategory>(Category),
            Stance = EnumValue<Stance>(Stance),
            MinReliability = Reliability(),
            From = Date(From),
            To = Date(To),
            Acknowledged = AcknowledgedValue(),
            Status = EnumValue<MeetingStatus>(Status),
            Order = string.Equals(value(Order), "oldest", StringComparison.OrdinalIgnoreCase) ? TimelineOrder.OldestFirst : TimelineOrder.NewestFirst,
            Page = Number(Page, 1, 1, 1_000_000),
            PageSize = Number(PageSize, 50, 1, TimelineQuery.MaxPageSize),
        };
        if (query is { From: { } f, To: { } t } && t < f)
        {
            problems.Add(To, "The end of the date range comes before its start.");
        }

        return (query, problems.ToDictionary());

        int? Id(string key)
        {
            var text = value(key);
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                return id;
            }

            problems.Add(key, $"'{Shorten(text)}' is not an id.");
            return null;
        }

        T? EnumValue<T>(string key) where T : struct, Enum
        {
            var text = value(key);
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (!text.All(char.IsLetter) || !Enum.TryParse<T>(text, ignoreCase: true, out var parsed))
            {
                problems.Add(key, $"'{Shorten(text)}' is not one of: {string.Join(", ", Enum.GetNames<T>())}.");
                return null;
            }

            return parsed;
        }

        Reliability? Reliability()
        {
            var text = value(MinReliability);
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            var grade = Grade.ParseReliability(text);
            if (grade is null)
            {
                problems.Add(MinReliability, $"'{Shorten(text)}' is not a reliability grade; use A to F.");
            }

            return grade;
        }

        DateOnly? Date(string key)
        {
            var text = value(key);
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            problems.Add(key, $"'{Shorten(text)}' is not a date; use YYYY-MM-DD.");
            return null;
        }

        bool? AcknowledgedValue()
        {
            var text = value(Acknowledged)?.Trim().ToLowerInvariant();
            switch (text)
            {
                case null or "":
                    return null;
                case "yes" or "true" or "acknowledged":
                    return true;
                case "no" or "false" or "unacknowledged":
                    return false;
                default:
                    problems.Add(Acknowledged, $"'{Shorten(text)}' is not yes or no.");
                    return null;
            }
        }

        int Number(string key, int fallback, int min, int max)
        {
            var text = value(key);
            if (string.IsNullOrWhiteSpace(text))
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            problems.Add(key, $"'{Shorten(text)}' is not a number from {min} to {max}.");
            return fallback;
        }
    }

    /// <summary>The query-string values for a query; defaults are left out so links stay short.</summary>
    public static IReadOnlyDictionary<string, object?> ToParameters(TimelineQuery q) => new Dictionary<string, object?>
    {
        [Track] = q.TrackId,
        [Actor] = q.ActorId,
        [Venue] = q.VenueId,
        [Category] = q.Category?.ToString(),
        [Source] = q.SourceId,
        [MinReliability] = q.MinReliability?.ToString(),
        [Stance] = q.Stance?.ToString(),
        [From] = q.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [To] = q.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        [Acknowledged] = q.Acknowledged switch { true => "yes", false => "no", _ => null },
        [Status] = q.Status?.ToString(),
        [Order] = q.Order == TimelineOrder.OldestFirst ? "oldest" : null,
        [Page] = q.Page > 1 ? q.Page : null,
        [PageSize] = q.PageSize != 50 ? q.PageSize : null,
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
