namespace TalksTracker.Domain.Reading;

/// <summary>How a list read a page at a time divides into pages.</summary>
public static class Paging
{
    /// <summary>
    /// The pages of <paramref name="pageSize"/> that hold <paramref name="total"/> items: at least one, so an empty list
    /// still has its (empty) first page to show.
    /// </summary>
    public static int PageCount(int total, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(total);
        // Divided before rounding up, so a total near int.MaxValue cannot overflow.
        return Math.Max(1, total / pageSize + (total % pageSize == 0 ? 0 : 1));
    }
}
