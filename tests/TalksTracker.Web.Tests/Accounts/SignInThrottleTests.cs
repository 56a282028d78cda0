using TalksTracker.Testing;
using TalksTracker.Web.Accounts;

namespace TalksTracker.Web.Tests.Accounts;

public sealed class SignInThrottleTests
{
    [Fact]
    public void Failures_hold_one_address_for_one_email_until_a_quiet_window_has_passed()
    {
        var clock = TestClock.NewFake();
        var throttle = new SignInThrottle(clock);
        for (var i = 0; i < SignInThrottle.MaxFailures - 1; i++)
        {
            throttle.Failed("10.0.0.1", "Editor@Demo.local");
        }

        Assert.False(throttle.IsHeld("10.0.0.1", "editor@demo.local"));
        throttle.Failed("10.0.0.1", " editor@demo.local ");
        Assert.True(throttle.IsHeld("10.0.0.1", "editor@demo.local"));

        // Another address, or another e-mail from the same address, is not held.
        Assert.False(throttle.IsHeld("10.0.0.2", "editor@demo.local"));
        Assert.False(throttle.IsHeld("10.0.0.1", "analyst@demo.local"));

        clock.Advance(SignInThrottle.Window + TimeSpan.FromSeconds(1));
        Assert.False(throttle.IsHeld("10.0.0.1", "editor@demo.local"));

        // After a quiet window the count starts again: one more failure does not hold.
        throttle.Failed("10.0.0.1", "editor@demo.local");
        Assert.False(throttle.IsHeld("10.0.0.1", "editor@demo.local"));
    }

    [Fact]
    public void A_success_clears_the_count()
    {
        var throttle = new SignInThrottle(TestClock.NewFake());
        for (var i = 0; i < SignInThrottle.MaxFailures - 1; i++)
        {
            throttle.Failed("10.0.0.1", "editor@demo.local");
        }

        throttle.Succeeded("10.0.0.1", "editor@demo.local");
        throttle.Failed("10.0.0.1", "editor@demo.local");

        Assert.False(throttle.IsHeld("10.0.0.1", "editor@demo.local"));
    }
}
