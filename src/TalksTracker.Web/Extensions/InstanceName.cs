namespace TalksTracker.Web.Extensions;

/// <summary>
/// Which web instance this is, when several serve the same database behind a load balancer:
/// <c>Instance:Name</c> (environment <c>Instance__Name</c>), else the machine name and the port it
/// listens on. Every log event carries it as the <c>Instance</c> property, and /health reports it.
/// </summary>
public static class InstanceName
{
    public const string SettingName = "Instance:Name";

    public static string From(IConfiguration configuration)
    {
        if (configuration[SettingName] is { Length: > 0 } configured)
        {
            return configured.Trim();
        }

        var urls = configuration["urls"] ?? configuration["Urls"] ?? configuration["ASPNETCORE_URLS"] ?? configuration["HTTP_PORTS"];
        var port = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => Uri.TryCreate(u.Replace("*", "localhost", StringComparison.Ordinal).Replace("+", "localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                ? uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : u)
            .FirstOrDefault();
        return port is null ? Environment.MachineName : $"{Environment.MachineName}:{port}";
    }
}
