using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace TalksTracker.Domain.Catalog;

/// <summary>
/// A meeting date as an editor or a script writes it: a precision, and the day (YYYY-MM-DD), the
/// month (YYYY-MM) or the two ends of an approximate range, with the report's own words for the range
/// ("recent weeks"). <see cref="Parse"/> turns it into a <see cref="FuzzyDate"/> or says, field by
/// field, what is wrong.
/// </summary>
public sealed record MeetingDateInput(DatePrecision Precision, string? Start = null, string? End = null, [property: MaxLength(FieldLimits.MeetingDateLabel)] string? Label = null)
{
    public const int EarliestYear = 1900;

    /// <summary>How far ahead a date may lie: talks are reported as planned, rarely years ahead.</summary>
    public const int YearsAhead = 5;

    public static MeetingDateInput Unknown { get; } = new(DatePrecision.Unknown);

    /// <summary>The date, or the problems keyed by field (Precision, Start, End, Label).</summary>
    public (FuzzyDate? Date, IReadOnlyDictionary<string, string> Problems) Parse(DateOnly today)
    {
        var problems = new Dictionary<string, string>();
        FuzzyDate? date = null;
        switch (Precision)
        {
            case DatePrecision.Unknown:
                date = FuzzyDate.Unknown;
                break;
            case DatePrecision.Exact:
                if (Day(Start, nameof(Start)) is { } day)
                {
                    date = FuzzyDate.Exact(day);
                }

                break;
            case DatePrecision.Month:
                if (Month(Start) is { } month)
                {
                    date = FuzzyDate.Month(month.Year, month.Month);
                }

                break;
            case DatePrecision.ApproximateRange:
                var (from, to) = (Day(Start, nameof(Start)), Day(End, nameof(End)));
                var label = Label?.Trim();
                if (label is { Length: > FieldLimits.MeetingDateLabel })
                {
                    problems[nameof(Label)] = $"At most {FieldLimits.MeetingDateLabel} characters ({label.Length} given).";
                }
                else if (from is { } f && to is { } t)
                {
                    if (t < f)
                    {
                        problems[nameof(End)] = "The end of the range comes before its start.";
                    }
                    else
                    {
                        date = FuzzyDate.Approximate(f, t, label);
                    }
                }

                break;
            default:
                problems[nameof(Precision)] = "Choose how precisely the date is known: exact day, month, approximate range or unknown.";
                break;
        }

        return (problems.Count == 0 ? date : null, problems);

        DateOnly? Day(string? text, string field)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                problems[field] = Precision == DatePrecision.Exact ? "Give the day as YYYY-MM-DD." : "Give both ends of the range as YYYY-MM-DD.";
                return null;
            }

            if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                problems[field] = $"“{text.Trim()}” is not a date written YYYY-MM-DD.";
                return null;
            }

            return InRange(day, field) ? day : null;
        }

        DateOnly? Month(string? text)
        {
            var trimmed = text?.Trim();
            if (string.IsNullOrEmpty(trimmed))
            {
                problems[nameof(Start)] = "Give the month as YYYY-MM.";
                return null;
            }

            // A full date is read as its month: the editor knows the month, the picker gave a day.
            if (!DateOnly.TryParseExact(trimmed, ["yyyy-MM", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
            {
                problems[nameof(Start)] = $"“{trimmed}” is not a month written YYYY-MM.";
                return null;
            }

            return InRange(month, nameof(Start)) ? month : null;
        }

        bool InRange(DateOnly day, string field)
        {
            var latest = today.Year + YearsAhead;
            if (day.Year >= EarliestYear && day.Year <= latest)
            {
                return true;
            }

            problems[field] = $"A meeting date lies between {EarliestYear} and {latest}.";
            return false;
        }
    }
}
