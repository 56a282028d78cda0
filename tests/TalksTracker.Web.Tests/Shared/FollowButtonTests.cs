using Bunit;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Alerts;
using TalksTracker.Web.Components.Shared;

namespace TalksTracker.Web.Tests.Shared;

public class FollowButtonTests : MudTestContext
{
    // The test context's user has no id claim: CurrentUser falls back to the name, made an account here.
    private const string User = "editor@demo.local";

    [Fact]
    public async Task Follow_then_following_then_unfollowed_on_the_users_watchlist()
    {
        int source;
        await using (var db = Database.NewContext())
        {
            db.Users.Add(new AppUser { Id = User, UserName = User, Email = User });
            await db.SaveChangesAsync(Xunit.TestContext.Current.CancellationToken);
            source = await db.Sources.MinAsync(s => s.Id, Xunit.TestContext.Current.CancellationToken);
        }

        var watchlist = Database.Get<WatchlistService>();
        var cut = Render<FollowButton>(p => p.Add(b => b.Kind, FollowKind.Source).Add(b => b.SubjectId, source));
        Assert.Equal("false", cut.Find("[data-action=follow]").GetAttribute("data-following"));

        await cut.Find("[data-action=follow]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("true", cut.Find("[data-action=follow]").GetAttribute("data-following")));
        Assert.Equal(source, Assert.Single(await watchlist.FollowsAsync(User, Xunit.TestContext.Current.CancellationToken)).SubjectId);

        await cut.Find("[data-action=follow]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Equal("false", cut.Find("[data-action=follow]").GetAttribute("data-following")));
        Assert.Empty(await watchlist.FollowsAsync(User, Xunit.TestContext.Current.CancellationToken));
    }
}
