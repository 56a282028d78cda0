using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor.Services;
using Serilog;
using TalksTracker.Data;
using TalksTracker.Data.Seeding;
using TalksTracker.Data.Time;
using TalksTracker.Web.Accounts;
using TalksTracker.Web.Alerts;
using TalksTracker.Web.Api;
using TalksTracker.Web.Components;

namespace TalksTracker.Web.Extensions;

public static class HostingExtensions
{
    public const string ConnectionStringName = "TalksTracker";

    public static WebApplicationBuilder AddTalksTracker(this WebApplicationBuilder builder)
    {
        // Package static assets (MudBlazor, blazor.web.js) are served from build output in every
        // environment, not only Development.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Instance", InstanceName.From(services.GetRequiredService<IConfiguration>())));

        builder.Services.AddProductClock(services => services.GetRequiredService<IHostEnvironment>().EnvironmentName);
        var contentRoot = builder.Environment.ContentRootPath;
        builder.Services.AddTalksTrackerData(
            services => DatabaseProviders.FromConfiguration(services.GetRequiredService<IConfiguration>()),
            services =>
            {
                var configuration = services.GetRequiredService<IConfiguration>();
                var configured = configuration.GetConnectionString(ConnectionStringName)
                                 ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");
                return DatabaseProviders.FromConfiguration(configuration) == DatabaseProvider.Sqlite
                    ? DataServiceCollectionExtensions.ResolveSqliteConnectionString(configured, contentRoot)
                    : configured;
            });

        builder.Services.AddHostedService<ChangeFeedStarter>();
        builder.Services.AddSingleton<GenerationCache>();
        builder.Services.AddSingleton<RenderedFragments>();
        builder.Services.AddSingleton(StreamingOptions.From(builder.Configuration));

        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = ReliabilityLimits.MaxRequestBodyBytes);
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(o =>
            {
                o.DisconnectedCircuitRetentionPeriod = ReliabilityLimits.DisconnectedCircuitRetention;
                o.DisconnectedCircuitMaxRetained = ReliabilityLimits.DisconnectedCircuitMaxRetained;
            })
            .AddHubOptions(o => o.MaximumReceiveMessageSize = ReliabilityLimits.MaxHubMessageBytes);
        builder.Services.AddSingleton<CircuitCounter>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler>(s => s.GetRequiredService<CircuitCounter>());
        builder.Services.AddExceptionHandler<RequestProblemExceptionHandler>();
        builder.Services.AddMudServices();
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddTalksTrackerApi();
        builder.Services.AddSingleton<TalksTracker.Web.Timeline.TimelineFilterOptions>();
        builder.Services.AddActingUser();
        builder.Services.AddScoped<CurrentUser>();
        builder.Services.AddAlerts(builder.Configuration);
        builder.Services.AddReverseProxySupport(builder.Configuration);
        builder.Services.AddHsts(o =>
        {
            o.MaxAge = SecurityHeaders.HstsMaxAge;
            o.IncludeSubDomains = true;
        });
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.AddTalksTrackerAccounts();
        return builder;
    }

    /// <summary>Settings read by services made on first use, checked now: a wrong one stops the start with its name.</summary>
    public static WebApplication CheckSettings(this WebApplication app)
    {
        _ = app.Services.GetRequiredService<TalksTracker.Data.Export.ExportOptions>();
        app.Logger.LogInformation("Data-protection keys are encrypted with the key from {KeyOrigin}", app.Services.GetRequiredService<TalksTracker.Web.Accounts.KeyEncryptionKey>().Origin);
        if (app.Services.GetRequiredService<ClockChoice>().Note is { } clockNote)
        {
            // A clock set by a setting is worth a warning: in Production it was ignored, elsewhere every date is shifted.
            app.Logger.LogWarning("{ClockNote}", clockNote);
        }

        return app;
    }

    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var seedOnFirstStart = app.Configuration.GetValue("Seed:OnFirstStart", true);
        var seedFolder = app.Configuration["Seed:Folder"] ?? Seeder.DefaultFolder;
        await app.Services.GetRequiredService<DatabaseInitializer>()
            .InitializeAsync(seedOnFirstStart ? seedFolder : null, app.Lifetime.ApplicationStopping);
        await app.BootstrapAccountsAsync();
    }

    /// <summary>A browser navigating to a page: an HTML GET outside the API, the framework's and the circuit's paths.</summary>
    private static bool IsPageRequest(HttpContext context) =>
        HttpMethods.IsGet(context.Request.Method)
        && !TalksTracker.Web.Accounts.AccountsServiceExtensions.IsApi(context.Request)
        && !context.Request.Path.StartsWithSegments("/_blazor") && !context.Request.Path.StartsWithSegments("/_framework")
        && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

    public static WebApplication UseTalksTracker(this WebApplication app)
    {
        // First: everything after it (HTTPS, cookies, rate limits, logs, the audit) sees the real client and scheme.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        // In every environment, so an unreadable request (400/413) or a busy database (503) is a problem, not a 500 (RequestProblemExceptionHandler).
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        // API callers get problem details; a browser asking for a page gets the status page in the layout instead.
        // The browser branch runs inside the other, so it answers first and the problem writer then leaves it be.
        app.UseStatusCodePages();
        app.UseWhen(IsPageRequest, branch => branch.UseStatusCodePagesWithReExecute("/status/{0}"));
        // Routing after the status pages (not implicitly first), so a re-executed request is routed to its new path.
        app.UseRouting();
        app.UseSerilogRequestLogging();
        app.UseAuthentication();
        app.UseActingUser();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.UseKeptPages();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapOpenApi();
        app.MapAccountEndpoints();
        app.MapTalksTrackerApi();
        app.MapAlertEndpoints();
        // Our own policy already forbids framing (frame-ancestors 'none'); Blazor would add a second, looser one.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        return app;
    }
}
