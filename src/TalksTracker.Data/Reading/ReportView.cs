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
    IReadOnlyList<ClaimView> Claims)
{
    /// <summary>The version an edit of the report (a withdrawal) is made on.</summary>
    public Guid Version { get; init; }

    /// <summary>Proposals still waiting for an editor's review.</summary>
    public int PendingProposals { get; init; }

    /// <summary>Each claim's meetings and agenda items (claims without any are absent).</summary>
    public IReadOnlyDictionary<int, ClaimLinksView> Links { get; init; } = new Dictionary<int, ClaimLinksView>();

    /// <summary>Set when the report was withdrawn.</summary>
    public ReportWithdrawalNote? Withdrawal { get; init; }
}
