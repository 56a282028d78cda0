using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace TalksTracker.EndToEnd;

/// <summary>
/// #23: every page a user reaches passes axe-core's WCAG 2.1 A and AA rules, in light and dark colours.
/// axe checks what a machine can (names, roles, contrast, landmarks, labels); keyboard paths have their own tests.
/// </summary>
[Collection(BrowserCollection.Name)]
public class AccessibilityTests(BrowserFixture browser)
{
    internal static readonly AxeRunOptions Wcag21AA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    };

    [Theory]
    [InlineData("/")]
    [InlineData("/timeline")]
    [InlineData("/tracks")]
    [InlineData("/tracks/1/progress")]
    [InlineData("/meetings/1")]
    [InlineData("/reports")]
    [InlineData("/reports/1")]
    [InlineData("/sources")]
    [InlineData("/sources/1")]
    [InlineData("/actors")]
    [InlineData("/actors/1")]
    [InlineData("/venues")]
    [InlineData("/venues/1")]
    [InlineData("/agenda-items/1")]
    [InlineData("/search?q=Baku")]
    [InlineData("/reports/new")]
    [InlineData("/account/apikeys")]
    [InlineData("/admin/users")]
    [InlineData("/admin/audit")]
    public async Task A_page_passes_the_automatic_WCAG_checks(string path)
    {
        var page = await browser.OpenAsync(path);
        var results = await page.RunAxe(Wcag21AA);
        await page.CloseAsync();
        Assert.True(results.Violations.Length == 0, $"{path}:\n{Describe(results.Violations)}");
    }

    /// <summary>Each role sees other buttons and panels (editors' corrections, managers' exports): checked as each.</summary>
    [Theory]
    [InlineData("/", "analyst")]
    [InlineData("/meetings/1", "analyst")]
    [InlineData("/reports/1", "analyst")]
    [InlineData("/sources/1", "analyst")]
    [InlineData("/meetings/1", "editor")]
    [InlineData("/reports/1", "editor")]
    [InlineData("/reports/new", "editor")]
    [InlineData("/sources/1", "editor")]
    [InlineData("/tracks/1/progress", "manager")]
    [InlineData("/timeline", "manager")]
    public async Task A_page_passes_the_automatic_WCAG_checks_for_each_role(string path, string role)
    {
        var page = await browser.OpenAsync(path, role);
        var results = await page.RunAxe(Wcag21AA);
        await page.CloseAsync();
        Assert.True(results.Violations.Length == 0, $"{path} as {role}:\n{Describe(results.Violations)}");
    }

    /// <summary>Pages rendered without a circuit: signing in (nobody signed in yet, or after a session ended) and a missing page's status page.</summary>
    [Theory]
    [InlineData("/account/signin", false)]
    [InlineData("/account/signin?returnUrl=%2Fmeetings%2F1&ended=1", false)]
    [InlineData("/no-such-page", true)]
    public async Task A_static_page_passes_the_automatic_WCAG_checks(string path, bool signedIn)
    {
        var context = signedIn ? await browser.SignedInContextAsync("analyst") : await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(browser.BaseAddress, path).ToString());
        var results = await page.RunAxe(Wcag21AA);
        await page.CloseAsync();
        if (!signedIn)
        {
            await context.DisposeAsync();
        }

        Assert.True(results.Violations.Length == 0, $"{path}:\n{Describe(results.Violations)}");
    }

    /// <summary>Dark colours are checked on the pages with the most chips, grades and links.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/tracks/1/progress")]
    [InlineData("/meetings/1")]
    [InlineData("/reports/1")]
    [InlineData("/actors/1")]
    public async Task A_page_in_dark_colours_passes_the_automatic_WCAG_checks(string path)
    {
        var page = await browser.OpenAsync(path, prepare: p => p.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark }));
        await page.WaitForFunctionAsync("() => getComputedStyle(document.body).backgroundColor === 'rgb(18, 24, 32)'");
        // Chips fade to their dark colours after the body turns dark: checked mid-fade, once, a chip's contrast failed.
        await page.WaitForFunctionAsync("() => document.getAnimations().every(a => !(a instanceof CSSTransition) || a.playState !== 'running')");
        var results = await page.RunAxe(Wcag21AA);
        await page.CloseAsync();
        Assert.True(results.Violations.Length == 0, $"{path} (dark):\n{Describe(results.Violations)}");
    }

    internal static string Describe(IEnumerable<AxeResultItem> violations) => string.Join("\n", violations.Select(v =>
        $"{v.Id} ({v.Impact}): {v.Help}\n" + string.Join("\n", v.Nodes.Take(5).Select(n => $"   {string.Join(" ", n.Target)} — {n.Html}"))));
}
