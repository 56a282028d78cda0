namespace TalksTracker.Data.Export;

/// <summary>How much an export may ask of the server (setting <c>Export:MaxClaimsWithLinks</c>).</summary>
public sealed class ExportOptions
{
    public const string MaxClaimsWithLinksSettingName = "Export:MaxClaimsWithLinks";
    public const int DefaultMaxClaimsWithLinks = 50_000;

    /// <summary>
    /// The most claims a JSON or STIX export works out links and confidence for. Each claim's links are found among every
    /// claim about its meetings and agenda items, so the work grows with the square of a busy subject's claims and the
    /// busiest tracks do not finish (measured in docs/provenance.md, "How fast").
    /// Larger exports are refused with a message (the CSVs, which carry no links, have no limit).
    /// </summary>
    public int MaxClaimsWithLinks { get; set; } = DefaultMaxClaimsWithLinks;

    /// <summary>The options a host's settings give: unset means the default; anything but a whole number above zero is refused.</summary>
    public static ExportOptions FromSetting(string? value) => new()
    {
        MaxClaimsWithLinks = string.IsNullOrWhiteSpace(value) ? DefaultMaxClaimsWithLinks
            : int.TryParse(value.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var claims) && claims > 0 ? claims
            : throw new InvalidOperationException(
                $"{MaxClaimsWithLinksSettingName} '{value}' is not a number of claims above zero: leave it unset for {DefaultMaxClaimsWithLinks:N0}."),
    };
}
