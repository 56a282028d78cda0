using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using TalksTracker.Data;
using TalksTracker.Data.Alerts;
using TalksTracker.Domain;
using TalksTracker.Testing;

namespace TalksTracker.EndToEnd;

/// <summary>
/// Replays #27's forged circuit events: browser events written by hand (Blazor's "blazorpack" messages) and sent
/// down a circuit's socket, bypassing the page's own controls. An attacker can name any event handler id, but a
/// circuit only runs handlers of what it rendered for its user; so the test forges, down an analyst's circuit, every
/// event every element of its page listens to, and checks nothing is written. The same forging, aimed at the grade
/// form an editor's page renders, does change the grade: the control that shows the forged messages reach handlers.
/// </summary>
public abstract class ForgedCircuitEventTests(BrowserFixture browser)
{
    // Keeps the page's circuit socket, and lists the event handlers Blazor's event delegator holds for elements
    // (its per-element `_blazorEvents_1.handlers`): those are the ids the server will run.
    private const string Instrument = """
        (() => {
          const send = WebSocket.prototype.send;
          WebSocket.prototype.send = function (data) { window.__circuitSocket = this; return send.call(this, data); };
          const of = el => Object.values((el && el._blazorEvents_1 && el._blazorEvents_1.handlers) || {})
            .map(h => ({ id: h.eventHandlerId, name: h.eventName }));
          window.__handlersOf = selector => of(document.querySelector(selector));
          window.__allHandlers = () => [...document.querySelectorAll('*')].flatMap(of);
        })();
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly string[] ForgedValues = ["Forged by an analyst who may not edit anything", "A"];

    private int _callId = 90_000;

    [Fact]
    public async Task Events_forged_down_an_analysts_circuit_write_nothing_while_the_same_forgery_edits_for_an_editor()
    {
        var (sourceId, original) = await SourceToGradeAsync();
        var target = original == Reliability.A ? Reliability.B : Reliability.A;

        // Control: on an editor's page, forged events fill the grade form and press its button.
        var editor = await OpenInstrumentedAsync($"/sources/{sourceId}", "editor");
        await ForgeAsync(editor, await HandlerAsync(editor, "input[data-field=grade-reason]", "change"), "change", "Forged down the circuit, not typed");
        await ForgeAsync(editor, await HandlerAsync(editor, ".mud-input-control.mud-select:has([data-field=new-grade])", "mousedown"), "mousedown");
        var item = editor.Locator(".mud-popover-open .mud-list-item", new() { HasText = $"{target} — " });
        await Assertions.Expect(item).ToBeVisibleAsync();
        await ForgeAsync(editor, await HandlerAsync(item, "click"), "click");
        await ForgeAsync(editor, await HandlerAsync(editor, "[data-action=change-grade]", "click"), "click");
        await WaitForGradeAsync(sourceId, target);
        await SetGradeAsync(sourceId, original);

        // The analyst's source page and the track's board are reading pages, rendered statically for them (#26): no
        // circuit to forge down, and none of the source page's grade form.
        var changesBefore = await GradeChangesAsync(sourceId);
        var auditBefore = await AnalystAuditEntriesAsync();
        var reading = await browser.OpenAsync("/account/denied", "analyst");
        await reading.AddInitScriptAsync(Instrument);
        foreach (var (path, shown) in new[] { ($"/sources/{sourceId}", "[data-testid=track-record]"), ($"/tracks/{await TrackOfAsync()}/progress", "tr.board-row") })
        {
            await reading.GotoAsync(new Uri(browser.BaseAddress, path).ToString());
            await Assertions.Expect(reading.Locator(shown).First).ToBeVisibleAsync();
            await Assertions.Expect(reading.Locator("[data-render=static]")).ToHaveCountAsync(1);
            await Assertions.Expect(reading.Locator("[data-action=change-grade], [data-action=edit-track]")).ToHaveCountAsync(0);
            Assert.True(await reading.EvaluateAsync<bool>("() => window.__circuitSocket === undefined && window.__allHandlers().length === 0"),
                $"an analyst's {path} holds a circuit");
        }

        // A page that still gives analysts a circuit (their notifications and follows, with the layout's own controls):
        // every event every element listens to, forged twice over (a round may open menus or lists with handlers of
        // their own). Tried on the source page with the grade form rendered for analysts, before it was static: the
        // sweep filled its reason and pressed its button (it cannot pick another grade in the list, so that saved nothing).
        const string swept = "/account/notifications";
        var analyst = await OpenInstrumentedAsync(swept, "analyst", ready: null);
        await Assertions.Expect(analyst.Locator("h1")).ToHaveTextAsync("Notifications and follows");
        var forged = 0;
        for (var round = 0; round < 2; round++)
        {
            var handlers = await analyst.EvaluateAsync<Handler[]>("() => window.__allHandlers()");
            // In page order, then backwards: a form is filled before its button, whichever comes first on the page;
            // values alternate between a sentence (a reason, a name) and a grade letter (a choice typed into a list).
            foreach (var handler in round == 0 ? handlers : handlers.Reverse())
            {
                if (analyst.Url.EndsWith(swept, StringComparison.Ordinal))
                {
                    await ForgeAsync(analyst, handler.Id, handler.Name, ForgedValues[round], pause: 20);
                    forged++;
                }
            }
        }

        Assert.True(forged >= 10, $"only {forged} events forged: the page's handlers were not found");
        // Nothing to wait for when nothing happens: the control's change landed well within this.
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.Equal(original, await GradeAsync(sourceId));
        Assert.Equal(changesBefore, await GradeChangesAsync(sourceId));
        Assert.Equal(auditBefore, await AnalystAuditEntriesAsync());
    }

    private sealed class Handler
    {
        public int Id { get; set; }

        public string Name { get; set; } = "";
    }

    /// <param name="ready">What shows the page is read (a source page's track record unless told otherwise).</param>
    private async Task<IPage> OpenInstrumentedAsync(string path, string role, string? ready = "track-record")
    {
        var page = await browser.OpenAsync("/account/denied", role);
        await page.AddInitScriptAsync(Instrument);
        await page.GotoAsync(new Uri(browser.BaseAddress, path).ToString());
        await BrowserFixture.WaitInteractiveAsync(page);
        if (ready is not null)
        {
            await Assertions.Expect(page.GetByTestId(ready)).ToContainTextAsync("Of its last");
        }

        return page;
    }

    private async Task<int> TrackOfAsync()
    {
        await using var db = await ContextAsync();
        return await db.Tracks.AsNoTracking().OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(Ct);
    }

    private static async Task<int> HandlerAsync(IPage page, string selector, string eventName) =>
        (await page.EvaluateAsync<Handler[]>("s => window.__handlersOf(s)", selector)).Single(h => h.Name == eventName).Id;

    private static async Task<int> HandlerAsync(ILocator element, string eventName) =>
        (await element.EvaluateAsync<Handler[]>("el => Object.values((el._blazorEvents_1 || { handlers: {} }).handlers).map(h => ({ id: h.eventHandlerId, name: h.eventName }))"))
        .Single(h => h.Name == eventName).Id;

    /// <summary>Sends one event for handler <paramref name="id"/> straight down the page's circuit socket.</summary>
    private async Task ForgeAsync(IPage page, int id, string eventName, string value = "forged", int pause = 250)
    {
        var descriptor = new { eventHandlerId = id, eventName, eventFieldInfo = (object?)null };
        object args = eventName switch
        {
            "change" or "input" => new { value },
            "keydown" or "keyup" or "keypress" => new { key = "Enter", code = "Enter", type = eventName },
            "click" or "mousedown" or "mouseup" or "dblclick" or "contextmenu" => new { detail = 1, button = 0, buttons = 0, type = eventName },
            _ => new { type = eventName },
        };
        var frame = BlazorPack.DispatchEvent((++_callId).ToString(System.Globalization.CultureInfo.InvariantCulture), JsonSerializer.Serialize(new[] { descriptor, args }));
        await page.EvaluateAsync("bytes => window.__circuitSocket.send(new Uint8Array(bytes))", frame.Select(b => (int)b).ToArray());
        // Spaced as a person's actions are: an event aimed at what the previous one opens needs that render first.
        await Task.Delay(pause, Ct);
    }

    private async Task<(int Id, Reliability Grade)> SourceToGradeAsync()
    {
        await using var db = await ContextAsync();
        var source = await db.Sources.AsNoTracking().OrderBy(s => s.Id).FirstAsync(Ct);
        return (source.Id, source.Reliability);
    }

    private async Task WaitForGradeAsync(int sourceId, Reliability expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await GradeAsync(sourceId) != expected)
        {
            Assert.True(DateTime.UtcNow < deadline, $"the forged events did not change the grade to {expected} on the editor's page");
            await Task.Delay(100, Ct);
        }
    }

    private async Task<Reliability> GradeAsync(int sourceId)
    {
        await using var db = await ContextAsync();
        return await db.Sources.Where(s => s.Id == sourceId).Select(s => s.Reliability).SingleAsync(Ct);
    }

    private async Task<int> GradeChangesAsync(int sourceId)
    {
        await using var db = await ContextAsync();
        return await db.SourceGradeChanges.CountAsync(c => c.SourceId == sourceId, Ct);
    }

    // An analyst's own watchlist is the analyst's to change (the sweep presses Follow like any button): what must not
    // change is anything else, the records every reader shares.
    private static readonly string[] AnalystsOwn = ["SignIn", nameof(Follow), nameof(DigestSetting), nameof(WebhookEndpoint)];

    private async Task<int> AnalystAuditEntriesAsync()
    {
        var analyst = TalksTrackerAppFactory.DemoEmail("analyst");
        await using var db = await ContextAsync();
        return await db.AuditEntries.CountAsync(a => a.User == analyst && !AnalystsOwn.Contains(a.EntityType), Ct);
    }

    private async Task SetGradeAsync(int sourceId, Reliability grade)
    {
        await using var db = await ContextAsync();
        var source = await db.Sources.SingleAsync(s => s.Id == sourceId, Ct);
        source.Reliability = grade;
        await db.SaveChangesAsync(Ct);
    }

    private Task<TalksTrackerDbContext> ContextAsync() =>
        browser.App.Services.GetRequiredService<IDbContextFactory<TalksTrackerDbContext>>().CreateDbContextAsync(Ct);
}

/// <summary>
/// The one message the tests forge, in SignalR's MessagePack hub protocol as Blazor names it ("blazorpack"): an
/// invocation of <c>BeginInvokeDotNetFromJS(callId, null, "DispatchEventAsync", 1, argsJson)</c> — how a browser
/// event reaches the renderer (object reference 1 is the renderer's interop object) — with its varint length prefix.
/// </summary>
internal static class BlazorPack
{
    public static byte[] DispatchEvent(string callId, string argsJson)
    {
        var body = new List<byte> { 0x95, 0x01, 0x80, 0xC0 }; // [Invocation, no headers, no invocation id, ...
        String(body, "BeginInvokeDotNetFromJS");
        body.Add(0x95);
        String(body, callId);
        body.Add(0xC0); // no assembly: an instance method
        String(body, "DispatchEventAsync");
        body.Add(0x01);
        String(body, argsJson);

        var framed = new List<byte>();
        for (var length = (uint)body.Count; ; length >>= 7)
        {
            framed.Add((byte)(length >= 0x80 ? (length & 0x7F) | 0x80 : length));
            if (length < 0x80)
            {
                break;
            }
        }

        framed.AddRange(body);
        return [.. framed];
    }

    private static void String(List<byte> to, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        switch (bytes.Length)
        {
            case < 32:
                to.Add((byte)(0xA0 | bytes.Length));
                break;
            case < 256:
                to.Add(0xD9);
                to.Add((byte)bytes.Length);
                break;
            default:
                to.Add(0xDA);
                to.Add((byte)(bytes.Length >> 8));
                to.Add((byte)bytes.Length);
                break;
        }

        to.AddRange(bytes);
    }
}

[Collection(ForgedEventsCollection.Name)]
public sealed class ForgedCircuitEventSqliteTests(BrowserFixture browser) : ForgedCircuitEventTests(browser);

[Collection(ForgedEventsOnPostgresCollection.Name)]
public sealed class ForgedCircuitEventPostgresTests(PostgresBrowserFixture browser) : ForgedCircuitEventTests(browser.OrSkip());

[CollectionDefinition(Name)]
public sealed class ForgedEventsCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "forged circuit events";
}

[CollectionDefinition(Name)]
public sealed class ForgedEventsOnPostgresCollection : ICollectionFixture<PostgresBrowserFixture>
{
    public const string Name = "forged circuit events on PostgreSQL";
}
