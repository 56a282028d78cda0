using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using TalksTracker.Web.Components.Pages.Account;
using TalksTracker.Web.Components.Shared;

namespace TalksTracker.Web.Tests.Accounts;

/// <summary>
/// A circuit whose session ends (signed out elsewhere, idle, too old) is sent to sign in: the sign-in page says the session
/// ended, where a first visit without a session gets the plain form.
/// </summary>
public class SessionEndedTests : BunitContext
{
    public SessionEndedTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    [Fact]
    public void A_circuit_that_loses_its_session_goes_to_sign_in_saying_it_ended_and_where_it_was()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/meetings/1");

        Render<RedirectToSignIn>();

        Assert.EndsWith("/account/signin?returnUrl=%2Fmeetings%2F1&ended=1", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void A_first_response_without_a_session_goes_to_sign_in_without_saying_one_ended()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/meetings/1");

        Render<RedirectToSignIn>();

        Assert.EndsWith("/account/signin?returnUrl=%2Fmeetings%2F1", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void The_sign_in_page_says_the_session_ended()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/account/signin?returnUrl=%2Fmeetings%2F1&ended=1");

        var page = Render<SignInPage>();

        Assert.Contains("Your session ended", page.Find("[data-testid=signin-message]").TextContent, StringComparison.Ordinal);
        Assert.Equal("/meetings/1", page.Find("input[name=ReturnUrl]").GetAttribute("value"));
    }

    [Fact]
    public void A_wrong_password_after_an_ended_session_is_told_as_the_error_it_is()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/account/signin?ended=1&error=invalid");

        var page = Render<SignInPage>();

        Assert.Equal("The email or the password is wrong.", page.Find("[data-testid=signin-message]").TextContent.Trim());
    }

    [Theory]
    [InlineData("ended=1&error=invalid", "The email or the password is wrong.", "error")]
    [InlineData("signedout=1&ended=1", "You are signed out.", "success")]
    [InlineData("reset=1&ended=1", "Your new password is set: sign in with it.", "success")]
    [InlineData("ended=1", "Your session ended", "warning")]
    public void The_message_and_its_colour_come_from_the_same_flag(string query, string message, string severity)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("/account/signin?" + query);

        var alert = Render<SignInPage>().Find("[data-testid=signin-message]");

        Assert.StartsWith(message, alert.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains($"mud-alert-text-{severity}", alert.ClassName, StringComparison.Ordinal);
    }
}
