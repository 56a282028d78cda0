using System.Linq.Expressions;
using TalksTracker.Domain;
using TalksTracker.Domain.Grading;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Data.Claims;

/// <summary>A claim as pages show it: what it says, where it sits in which report, and who said it.</summary>
public sealed record ClaimView(
    int Id,
    int ReportId,
    string ReportTitle,
    string? Outlet,
    DateOnly? PublishedOn,
    int Start,
    int End,
    string Quote,
    Stance Stance,
    int Credibility,
    string? Cue,
    string? Hedge,
    SourceRef? Source,
    SourceRef? Via)
{
    public Grade Grade => Grade.Of(Source?.Reliability, Credibility);

    public ClaimOriginFacts OriginFacts => new(Id, ReportId, Source?.Id, Via?.Id, Outlet);

    /// <summary>The report reader, scrolled to this claim with its span selected.</summary>
    public string ReaderLink => $"/reports/{ReportId}?claim={Id}#claim-{Id}";

    internal static readonly Expression<Func<Claim, ClaimView>> Projection = c => new ClaimView(
        c.Id,
        c.ReportId,
        c.Report!.Title,
        c.Report.Outlet,
        c.Report.PublishedOn,
        c.Start,
        c.End,
        c.Quote,
        c.Stance,
        c.Credibility,
        c.Cue,
        c.Hedge,
        c.Source == null ? null : new SourceRef(c.Source.Id, c.Source.Name, c.Source.Kind, c.Source.Reliability),
        c.ViaSource == null ? null : new SourceRef(c.ViaSource.Id, c.ViaSource.Name, c.ViaSource.Kind, c.ViaSource.Reliability));
}
