using MudBlazor;
using TalksTracker.Data.Meetings;
using TalksTracker.Domain;

namespace TalksTracker.Web.Components.Shared;

/// <summary>The words users read for the domain's values.</summary>
public static class Labels
{
    public static string Of(SourceKind kind) => kind switch
    {
        SourceKind.NamedOfficial => "named official",
        SourceKind.AnonymousOfficial => "anonymous official",
        SourceKind.MediaOutlet => "media outlet",
        SourceKind.Analyst => "analyst",
        SourceKind.GovernmentStatement => "government statement",
        SourceKind.Document => "document",
        SourceKind.Spokesperson => "spokesperson",
        SourceKind.Institution => "institution",
        SourceKind.Party => "party",
        _ => "other",
    };

    public static string Of(ActorKind kind) => kind switch
    {
        ActorKind.State => "state",
        ActorKind.StateBody => "state body",
        ActorKind.NonStateArmedGroup => "non-state armed group",
        ActorKind.InternationalOrganisation => "international organisation",
        ActorKind.MediaOutlet => "media outlet",
        ActorKind.Person => "person",
        _ => "other",
    };

    public static string Of(AgendaCategory category) => category switch
    {
        AgendaCategory.Deployments => "deployments",
        AgendaCategory.Militias => "militias / non-state armed groups",
        AgendaCategory.Guarantees => "guarantees",
        AgendaCategory.EscalationPrevention => "escalation prevention",
        AgendaCategory.ForeignMilitaryPresence => "foreign military presence",
        _ => "other",
    };

    public static string Of(AgendaStatus status) => status switch
    {
        AgendaStatus.Raised => "raised",
        AgendaStatus.Proposed => "proposed",
        AgendaStatus.Discussed => "discussed",
        AgendaStatus.Progress => "progress",
        AgendaStatus.AgreedInPrinciple => "agreed in principle",
        AgendaStatus.Agreed => "agreed",
        AgendaStatus.Implemented => "implemented",
        AgendaStatus.Stalled => "stalled",
        AgendaStatus.GapRemains => "gap remains",
        AgendaStatus.Dropped => "dropped",
        _ => status.ToString(),
    };

    public static string Of(MeetingFormat format) => format switch
    {
        MeetingFormat.Direct => "direct",
        MeetingFormat.Indirect => "indirect",
        MeetingFormat.Shuttle => "shuttle",
        _ => "format unknown",
    };

    public static string Of(MeetingStatus status) => status switch
    {
        MeetingStatus.Confirmed => "confirmed",
        MeetingStatus.Denied => "denied",
        MeetingStatus.Planned => "planned",
        MeetingStatus.Postponed => "postponed",
        MeetingStatus.Cancelled => "cancelled",
        _ => "reported",
    };

    /// <summary>The colour of a meeting's status chip: denied and cancelled red, confirmed green, planned blue, postponed amber.</summary>
    public static Color ColorOf(MeetingStatus status) => status switch
    {
        MeetingStatus.Denied or MeetingStatus.Cancelled => Color.Error,
        MeetingStatus.Confirmed => Color.Success,
        MeetingStatus.Planned => Color.Info,
        MeetingStatus.Postponed => Color.Warning,
        _ => Color.Default,
    };

    public static string Of(ParticipantRole role) => role switch
    {
        ParticipantRole.Party => "party",
        ParticipantRole.Mediator => "mediator",
        ParticipantRole.Host => "host",
        ParticipantRole.Observer => "observer",
        ParticipantRole.Guarantor => "guarantor",
        _ => role.ToString(),
    };

    /// <summary>A meeting's participants by role, as a card line reads them: "parties: Syria, Israel · mediator: Russia".</summary>
    public static string Roles(IEnumerable<MeetingParticipantView> participants) =>
        string.Join(" · ", participants.GroupBy(p => p.Role).OrderBy(g => g.Key)
            .Select(g => $"{(g.Count() == 1 ? Of(g.Key) : g.Key == ParticipantRole.Party ? "parties" : $"{Of(g.Key)}s")}: {string.Join(", ", g.Select(p => p.Actor.Name))}"));

    public static string Of(TrackRole role) => role switch
    {
        TrackRole.Party => "party",
        TrackRole.Mediator => "mediator",
        TrackRole.Approver => "approver",
        TrackRole.Observer => "observer",
        TrackRole.Host => "host",
        _ => role.ToString(),
    };

    public static string Of(Acknowledgement acknowledgement) => acknowledgement switch
    {
        Acknowledgement.Acknowledged => "acknowledged",
        Acknowledgement.Unacknowledged => "unacknowledged",
        Acknowledgement.Denied => "denies the talks",
        _ => "position unknown",
    };

    public static string Of(Stance stance) => stance switch
    {
        Stance.Denies => "denies",
        Stance.Hedged => "hedged",
        _ => "asserts",
    };

    public static string Date(DateOnly? date) => date?.ToString("d MMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "date unknown";
}
