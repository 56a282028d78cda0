using TalksTracker.Data.Analysis;

namespace TalksTracker.Web.Api;

/// <summary>A claim's provenance: where it comes from and how much it can be trusted.</summary>
public static class ClaimsApi
{
    public static RouteGroupBuilder MapClaimsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/claims/{id:int}/provenance", async (int id, ProvenanceAnalysisService analysis, CancellationToken ct) =>
                ApiEndpoints.Found(await analysis.AssessClaimAsync(id, ct), "claim", id))
            .ProducesNotFound()
            .WithSummary("Where a claim comes from: report, span, source, relay chain, origin, corroborating and contradicting claims, and the confidence derivation.");

        return api;
    }
}
