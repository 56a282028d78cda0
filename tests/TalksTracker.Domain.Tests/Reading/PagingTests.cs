using TalksTracker.Domain.Reading;

namespace TalksTracker.Domain.Tests.Reading;

public class PagingTests
{
    [Theory]
    [InlineData(0, 50, 1)]
    [InlineData(1, 50, 1)]
    [InlineData(50, 50, 1)]
    [InlineData(51, 50, 2)]
    [InlineData(100, 50, 2)]
    [InlineData(101, 50, 3)]
    [InlineData(7, 1, 7)]
    [InlineData(int.MaxValue, 2, 1_073_741_824)]
    public void A_list_has_as_many_pages_as_its_items_fill_and_an_empty_one_has_one(int total, int pageSize, int pages) =>
        Assert.Equal(pages, Paging.PageCount(total, pageSize));

    [Theory]
    [InlineData(10, 0)]
    [InlineData(-1, 10)]
    public void A_page_size_below_one_or_a_negative_total_is_refused(int total, int pageSize) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Paging.PageCount(total, pageSize));
}
