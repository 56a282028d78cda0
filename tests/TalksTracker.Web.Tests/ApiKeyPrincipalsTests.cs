using System.Security.Claims;
using TalksTracker.Data.Accounts;
using TalksTracker.Web.Accounts;

namespace TalksTracker.Web.Tests;

public class ApiKeyPrincipalsTests
{
    private static ClaimsPrincipal Principal(string name) => new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], "ApiKey"));

    [Fact]
    public void A_principal_is_found_only_for_the_same_user_and_version_and_each_call_gets_a_copy()
    {
        var cache = new ApiKeyPrincipals();
        var holder = new ApiKeyHolder("u1", "hash1", "v1");
        cache.Keep(holder, Principal("ana"));

        var found = cache.Find(holder);
        Assert.Equal("ana", found?.Identity?.Name);
        Assert.NotSame(found, cache.Find(holder));
        Assert.Null(cache.Find(holder with { UserVersion = "v2" }));
        Assert.Null(cache.Find(holder with { UserId = "u2" }));
        Assert.Null(cache.Find(holder with { KeyHash = "hash2" }));
    }

    [Fact]
    public void Beyond_its_capacity_the_oldest_half_is_dropped()
    {
        var cache = new ApiKeyPrincipals();
        var principal = Principal("ana");
        for (var i = 0; i <= ApiKeyPrincipals.Capacity; i++)
        {
            cache.Keep(new ApiKeyHolder("u", $"hash{i}", "v"), principal);
        }

        Assert.Null(cache.Find(new ApiKeyHolder("u", "hash0", "v")));
        Assert.NotNull(cache.Find(new ApiKeyHolder("u", $"hash{ApiKeyPrincipals.Capacity}", "v")));
        Assert.NotNull(cache.Find(new ApiKeyHolder("u", $"hash{ApiKeyPrincipals.Capacity - 1}", "v")));
    }
}
