using TalksTracker.Data.Claims;

namespace TalksTracker.Data.Reading;

public sealed record ReportView(
    int Id,
    string Title,
    string? Outlet,
    string? Url,
    DateOnly? PublishedOn,
    string Language,
    DateTime TakenInAt,
    string Text,
    IReadOnlyList<ClaimView> Claims);
