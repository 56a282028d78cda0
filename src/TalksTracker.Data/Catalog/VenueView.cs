using TalksTracker.Data.Meetings;
using TalksTracker.Data.Common;

namespace TalksTracker.Data.Catalog;

public sealed record VenueView(int Id, string Name, NamedRef? Country, double? Latitude, double? Longitude, IReadOnlyList<TimelineEntry> Meetings, Guid Version);
