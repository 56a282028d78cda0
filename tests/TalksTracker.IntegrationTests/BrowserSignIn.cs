using System.Text.RegularExpressions;

namespace TalksTracker.IntegrationTests;

/// <summary>Signs in as a browser does: fetch the sign-in page for its antiforgery token, then post the form.</summary>
internal static partial class BrowserSignIn
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password, string? returnUrl = null)
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await client.GetStringAsync("/account/signin", ct);
        var form = new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = Antiforgery(page),
        };
        if (returnUrl is not null)
        {
            form["ReturnUrl"] = returnUrl;
        }

        return await client.PostAsync("/account/signin", new FormUrlEncodedContent(form), ct);
    }

    /// <summary>The antiforgery token of a page's form.</summary>
    public static string Antiforgery(string page) => AntiforgeryField().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
