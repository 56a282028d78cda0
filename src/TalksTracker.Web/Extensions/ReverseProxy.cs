using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace TalksTracker.Web.Extensions;

/// <summary>
/// Behind a reverse proxy (nginx, deploy.md) the app sees the proxy's address and plain HTTP. The proxy's
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed from the addresses in <c>ReverseProxy:KnownProxies</c>
/// and networks in <c>ReverseProxy:KnownNetworks</c> (comma-separated) only — from anyone else a forged header would
/// choose the client address that rate limits and the audit record. With them, limits count per real client, and over
/// TLS at the proxy cookies are Secure and HSTS is sent. Nothing is trusted by default, not even loopback.
/// </summary>
public static class ReverseProxy
{
    public const string KnownProxiesSetting = "ReverseProxy:KnownProxies";
    public const string KnownNetworksSetting = "ReverseProxy:KnownNetworks";

    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Parse(configuration[KnownProxiesSetting], KnownProxiesSetting, IPAddress.Parse);
        var networks = Parse(configuration[KnownNetworksSetting], KnownNetworksSetting, System.Net.IPNetwork.Parse);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // With both lists empty the middleware would believe anyone: without a configured proxy it reads nothing.
            o.ForwardedHeaders = proxies.Count + networks.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here only what is configured.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the older list still holds loopback by default and is still consulted
            o.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(proxy);
            }

            foreach (var network in networks)
            {
                o.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    private static List<T> Parse<T>(string? value, string setting, Func<string, T> parse)
    {
        var items = new List<T>();
        foreach (var part in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                items.Add(parse(part));
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{setting}: “{part}” is not an IP address{(setting == KnownNetworksSetting ? " range such as 10.0.0.0/8" : "")}.");
            }
        }

        return items;
    }
}
