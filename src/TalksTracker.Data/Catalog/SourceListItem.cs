using TalksTracker.Domain;
using TalksTracker.Domain.Reading;

namespace TalksTracker.Data.Catalog;

public sealed record SourceListItem(int Id, string Name, SourceKind Kind, Reliability Reliability, string? Affiliation, int ClaimCount);

/// <summary>A page of the source list: its sources, how many match in all, and which page of what size it is.</summary>
public sealed record SourceListPage(IReadOnlyList<SourceListItem> Items, int Total, int Page, int PageSize)
{
    public int Pages => Paging.PageCount(Total, PageSize);
}
