namespace TalksTracker.Domain;

public enum ProposalDecision
{
    Pending,
    Accepted,
    Rejected,
}

/// <summary>
/// A claim the extraction proposed (or an editor split, merged or edited) while a report is under
/// review. Saved as the editor works, so a review survives a dropped connection or a closed tab;
/// completing the review turns the accepted proposals into claims in one transaction.
/// </summary>
public class ClaimProposal : IVersioned
{
    public int Id { get; set; }
    public int ReportId { get; set; }
    public int Start { get; set; }
    public int End { get; set; }
    /// <summary>The source as the text names it ("a senior Israeli security source"), or null when unattributed.</summary>
    public string? SourceMention { get; set; }
    /// <summary>The known source the editor (or name matching) chose for the mention.</summary>
    public int? SourceId { get; set; }
    public string? ViaMention { get; set; }
    public int? ViaSourceId { get; set; }
    public string? Cue { get; set; }
    public string? Hedge { get; set; }
    public Stance Stance { get; set; }
    public int Credibility { get; set; } = 6;
    public ProposalDecision Decision { get; set; }
    /// <summary>Links the editor chose, as comma-separated ids.</summary>
    public string MeetingIds { get; set; } = "";
    public string AgendaItemIds { get; set; } = "";
    public string ActorIds { get; set; } = "";
    /// <summary>Agenda status changes this claim supports, as "agendaItemId:Status" pairs separated by commas.</summary>
    public string StatusChanges { get; set; } = "";
    /// <summary>
    /// Positions the claim states, as found at intake and kept or changed by the editor: a JSON list of party actor id,
    /// kind, agenda item id and wording. JSON rather than "id:kind" pairs, because the wording is free text.
    /// </summary>
    public string Positions { get; set; } = "";
    public Guid Version { get; set; } = Guid.NewGuid();
}
