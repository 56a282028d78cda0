using System.Globalization;
using System.Text.RegularExpressions;
using TalksTracker.Domain.Extraction;

namespace TalksTracker.Domain.Intake;

/// <summary>
/// The publication date a wire dateline gives ("BEIRUT, Nov 27 (Reuters) -", "BEIJING, Dec. 3 (Xinhua) --",
/// "MOSCOW, 3 December (TASS) -"), for a report handed in without one. A dateline rarely gives the year: the date is
/// taken in the latest year that does not put it after tomorrow (a report is not published in the future).
/// </summary>
public static partial class DatelineDate
{
    /// <summary>How many opening lines may hold the dateline (a headline and a byline can come first).</summary>
    private const int LinesLooked = 4;

    public static DateOnly? Of(string text, DateOnly today)
    {
        foreach (var line in text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Take(LinesLooked))
        {
            var length = ReportLayout.DatelineLength(line);
            if (length > 0 && DateIn(line[..length], today) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static DateOnly? DateIn(string dateline, DateOnly today)
    {
        var match = MonthFirst().Match(dateline) is { Success: true } m ? m : DayFirst().Match(dateline);
        if (!match.Success)
        {
            return null;
        }

        var month = Array.FindIndex(Months, name => match.Groups["month"].Value.StartsWith(name, StringComparison.OrdinalIgnoreCase)) + 1;
        var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
        if (month == 0 || day < 1)
        {
            return null;
        }

        if (match.Groups["year"].Success)
        {
            var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
            return day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        }

        // The latest year with this day that is not after tomorrow: "Dec 31" read on 1 January is last year's.
        var latest = today.AddDays(1);
        for (var year = latest.Year; year >= latest.Year - 4; year--)
        {
            if (day <= DateTime.DaysInMonth(year, month) && new DateOnly(year, month, day) <= latest)
            {
                return new DateOnly(year, month, day);
            }
        }

        return null;
    }

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    [GeneratedRegex(@"\b(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(?<day>\d{1,2})\b(?:,?\s+(?<year>\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex MonthFirst();

    [GeneratedRegex(@"\b(?<day>\d{1,2})\s+(?<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?(?:,?\s+(?<year>\d{4}))?", RegexOptions.IgnoreCase)]
    private static partial Regex DayFirst();
}
