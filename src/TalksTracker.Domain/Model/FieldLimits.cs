namespace TalksTracker.Domain;

/// <summary>
/// The longest each stored text may be, in characters: defined once here and used by the EF configuration (the column
/// widths), the services' checks and cuts, the API's schema and the forms' counters. Each constant is named entity then
/// property (<c>SourceName</c> is <see cref="Source"/>.<see cref="Source.Name"/>); a test walks the EF model and fails
/// when a column's width does not come from here.
/// </summary>
/// <remarks>
/// A change here changes the database schema: it needs a migration on both engines (SQLite ignores widths, PostgreSQL
/// enforces them), and a smaller value needs the existing rows checked first.
/// </remarks>
public static class FieldLimits
{
    // Shared widths: a field of the same kind has the same width wherever it is stored.

    /// <summary>
    /// Who did something (reviewed, retracted, withdrew, merged, changed): the user's sign-in name, the e-mail address.
    /// 256 is ASP.NET Core Identity's own width for user names and e-mail addresses, so every name it accepts fits.
    /// </summary>
    public const int UserName = 256;

    /// <summary>Why a record was changed, retracted or withdrawn: a few sentences for the audit, not an essay.</summary>
    public const int Reason = 2000;

    /// <summary>What a source or an actor is, in a paragraph.</summary>
    public const int ShortDescription = 2000;

    /// <summary>What a meeting, agenda item or track is about: several paragraphs, as an analyst writes them up.</summary>
    public const int LongDescription = 4000;

    /// <summary>A name that must read as one: an actor, alias, venue or track. Long formal names of bodies fit.</summary>
    public const int Name = 200;

    /// <summary>
    /// A source's name and a title (meeting, agenda item): report wording such as “a senior official familiar with the
    /// talks who spoke on condition of anonymity” is kept as written, so these are longer than <see cref="Name"/>.
    /// </summary>
    public const int LongName = 300;

    /// <summary>A note on a participant's part in a track or an agenda status change: a sentence or two.</summary>
    public const int Note = 1000;

    /// <summary>A SHA-256 hash as lower-case hex.</summary>
    public const int Sha256Hex = 64;

    /// <summary>An enum stored as its name (ActorKind, MeetingStatus, SourceKind…): room for the longest member name, with some to spare.</summary>
    public const int EnumName = 32;

    /// <summary>An enum with short member names stored as its name (Stance, AuditAction, LinkReview…).</summary>
    public const int ShortEnumName = 16;

    // Report

    /// <summary>A headline with its subtitle, as outlets publish them; also the limit a title entered at intake must keep.</summary>
    public const int ReportTitle = 500;

    /// <summary>The outlet's name: a publication or agency.</summary>
    public const int ReportOutlet = Name;

    /// <summary>The report's address: 2000 characters is the length browsers and servers reliably accept.</summary>
    public const int ReportUrl = 2000;

    /// <summary>A BCP 47 language tag ("en", "fr-CA", "zh-Hant-TW"): 16 leaves room for a region and a script.</summary>
    public const int ReportLanguage = 16;

    public const int ReportContentHash = Sha256Hex;
    public const int ReportWithdrawnBy = UserName;
    public const int ReportWithdrawalReason = Reason;

    // Source

    public const int SourceName = LongName;
    public const int SourceDescription = ShortDescription;

    // Actor

    public const int ActorName = Name;
    public const int ActorDescription = ShortDescription;
    public const int ActorAliasAlias = Name;

    // Venue

    public const int VenueName = Name;

    // Meeting

    public const int MeetingTitle = LongName;
    public const int MeetingSummary = LongDescription;

    /// <summary>The report's own words for an approximate date ("recent weeks", "late last year"): a phrase.</summary>
    public const int MeetingDateLabel = 100;

    /// <summary>A participant's level ("deputy foreign ministers", "technical teams led by…"), as the report words it.</summary>
    public const int MeetingParticipantLevel = LongName;

    // Agenda item

    public const int AgendaItemTitle = LongName;
    public const int AgendaItemDescription = LongDescription;
    public const int AgendaItemAliasAlias = AgendaItemTitle;
    public const int AgendaStatusChangeNote = Note;

    // Position

    /// <summary>A position's wording: the words of one sentence that state it, so a long sentence's length.</summary>
    public const int PositionWording = Note;

    public const int PositionAsOfLabel = MeetingDateLabel;

    // Track

    public const int TrackName = Name;
    public const int TrackDescription = LongDescription;
    public const int TrackParticipantNote = Note;

    // Claim

    /// <summary>The claim's quote, a copy of a span of the report: a long paragraph, far above one sentence.</summary>
    public const int ClaimQuote = 20_000;

    /// <summary>The reporting cue ("said", "according to", "told reporters"): a few words.</summary>
    public const int ClaimCue = 100;

    /// <summary>The hedges found, joined by commas ("reportedly, possibly").</summary>
    public const int ClaimHedge = 200;

    // Claim proposal (a claim found at intake, waiting for review)

    /// <summary>The source as the report names it; becomes a <see cref="SourceName"/>, so the same width.</summary>
    public const int ClaimProposalSourceMention = SourceName;

    public const int ClaimProposalViaMention = SourceName;
    public const int ClaimProposalCue = ClaimCue;
    public const int ClaimProposalHedge = ClaimHedge;

    /// <summary>Ids the editor chose, comma-separated (and "id:Status" pairs): room for hundreds of ids, far more than a claim links.</summary>
    public const int ClaimProposalIdList = 2000;

    public const int ClaimProposalMeetingIds = ClaimProposalIdList;
    public const int ClaimProposalAgendaItemIds = ClaimProposalIdList;
    public const int ClaimProposalActorIds = ClaimProposalIdList;
    public const int ClaimProposalStatusChanges = ClaimProposalIdList;

    /// <summary>At most this many positions on one proposal: a sentence states a few, never dozens.</summary>
    public const int ClaimProposalPositionCount = 12;

    /// <summary>The proposed positions as JSON: each a wording at its widest plus its ids and kind.</summary>
    public const int ClaimProposalPositions = ClaimProposalPositionCount * (PositionWording + 100);

    // Reviews, corrections and merges

    public const int ClaimLinkReviewedBy = UserName;
    public const int SourceGradeChangeReason = Reason;
    public const int SourceGradeChangeChangedBy = UserName;
    public const int RetractedClaimReason = Reason;
    public const int RetractedClaimRetractedBy = UserName;

    /// <summary>"actor" or "source".</summary>
    public const int MergedRecordKind = 20;

    /// <summary>The merged record's name: an actor's or a source's, whichever is longer.</summary>
    public const int MergedRecordFromName = SourceName;

    public const int MergedRecordMergedBy = UserName;

    // Audit trail

    public const int AuditEntryUser = UserName;

    /// <summary>The entity's type name, and its key as text (compound keys joined).</summary>
    public const int AuditEntryEntityType = 100;

    public const int AuditEntryEntityId = 100;

    // API keys

    /// <summary>The name the user gives a key, to tell keys apart ("nightly import").</summary>
    public const int ApiKeyName = 100;

    /// <summary>The first characters of a key, shown in lists.</summary>
    public const int ApiKeyPrefix = 16;

    public const int ApiKeyHash = Sha256Hex;

    // Watchlists and alerts

    /// <summary>An alert's subject ("meeting:12").</summary>
    public const int AlertSubject = 40;

    /// <summary>An independent origin key ("source:12", "outlet:…"), or the audit entry of a change.</summary>
    public const int AlertOrigin = 500;

    public const int AlertTitle = 500;

    /// <summary>An alert's summary: a quote is cut to fit.</summary>
    public const int AlertSummary = 2000;

    /// <summary>What the user saw when they followed: a record's name or the search.</summary>
    public const int FollowLabel = 500;

    /// <summary>A saved search's query string.</summary>
    public const int FollowQuery = 500;

    public const int WebhookEndpointUrl = 2000;

    /// <summary>The secret protected with data protection (a few hundred characters of Base64).</summary>
    public const int WebhookEndpointSecret = 2000;

    public const int WebhookEndpointPrefix = ApiKeyPrefix;

    public const int WebhookDeliveryLastError = 500;
}
