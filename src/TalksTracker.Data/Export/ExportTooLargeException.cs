namespace TalksTracker.Data.Export;

/// <summary>A JSON or STIX export refused because it would work out links for more claims than <see cref="ExportOptions.MaxClaimsWithLinks"/>.</summary>
public sealed class ExportTooLargeException(int claims, int limit, int? trackId)
    : InvalidOperationException($"{(trackId is { } t ? $"Track {t}" : "All tracks together")} {(trackId is null ? "have" : "has")} {claims:N0} claims; "
                                + $"JSON and STIX exports work out every claim's links and confidence, for up to {limit:N0} claims. "
                                + $"Export the claims as CSV (without links){(trackId is null ? ", or one track at a time" : "")}, or see one claim's links in its provenance.")
{
    public int Claims { get; } = claims;
    public int Limit { get; } = limit;
}
