using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using TalksTracker.Data.Accounts;
using TalksTracker.Domain;

namespace TalksTracker.Data;

/// <summary>
/// The one database: the domain records, their audit trail, and the accounts (Identity), API keys
/// and data-protection keys, so sign-ins survive restarts and are shared by several instances.
/// </summary>
public class TalksTrackerDbContext(DbContextOptions<TalksTrackerDbContext> options)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    private readonly TimeProvider? _clock = Time.ProductClock.ClockOf(options);
    private readonly Persistence.ICurrentActor? _actor = Persistence.CurrentActorOptions.ActorOf(options);

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<ActorAlias> ActorAliases => Set<ActorAlias>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<TrackParticipant> TrackParticipants => Set<TrackParticipant>();
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingParticipant> MeetingParticipants => Set<MeetingParticipant>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<AgendaItemAlias> AgendaItemAliases => Set<AgendaItemAlias>();
    public DbSet<AgendaStatusChange> AgendaStatusChanges => Set<AgendaStatusChange>();
    public DbSet<AgendaStatusEvidence> AgendaStatusEvidence => Set<AgendaStatusEvidence>();
    public DbSet<Position> Positions => Set<Position>();
    public DbSet<PositionEvidence> PositionEvidence => Set<PositionEvidence>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<ClaimMeeting> ClaimMeetings => Set<ClaimMeeting>();
    public DbSet<ClaimAgendaItem> ClaimAgendaItems => Set<ClaimAgendaItem>();
    public DbSet<ClaimActor> ClaimActors => Set<ClaimActor>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ClaimProposal> ClaimProposals => Set<ClaimProposal>();
    public DbSet<ClaimLink> ClaimLinks => Set<ClaimLink>();
    public DbSet<SourceGradeChange> SourceGradeChanges => Set<SourceGradeChange>();
    public DbSet<RetractedClaim> RetractedClaims => Set<RetractedClaim>();
    public DbSet<MergedRecord> MergedRecords => Set<MergedRecord>();
    public DbSet<Alerts.Follow> Follows => Set<Alerts.Follow>();
    public DbSet<Alerts.Alert> Alerts => Set<Alerts.Alert>();
    public DbSet<Alerts.Notification> Notifications => Set<Alerts.Notification>();
    public DbSet<Alerts.AlertCursor> AlertCursors => Set<Alerts.AlertCursor>();
    public DbSet<Alerts.DigestSetting> DigestSettings => Set<Alerts.DigestSetting>();
    public DbSet<Alerts.WebhookEndpoint> WebhookEndpoints => Set<Alerts.WebhookEndpoint>();
    public DbSet<Alerts.WebhookDelivery> WebhookDeliveries => Set<Alerts.WebhookDelivery>();
    public DbSet<Derived.MeetingClaimFacts> MeetingClaimFacts => Set<Derived.MeetingClaimFacts>();
    public DbSet<Derived.TrackClaimFacts> TrackClaimFacts => Set<Derived.TrackClaimFacts>();
    public DbSet<Derived.MeetingMention> MeetingMentions => Set<Derived.MeetingMention>();
    public DbSet<Derived.MeetingClaimAgendaItem> MeetingClaimAgendaItems => Set<Derived.MeetingClaimAgendaItem>();
    public DbSet<Derived.AgendaItemDenial> AgendaItemDenials => Set<Derived.AgendaItemDenial>();

    /// <summary>Who the changes saved through this context are recorded against in the audit trail (<see cref="Persistence.CurrentActor"/>).</summary>
    public string AuditUser => _actor?.Name ?? Persistence.CurrentActor.System;

    /// <summary>Set only by the copy from one database to another, which moves the audit trail itself rather than adding to it.</summary>
    internal bool CopyingDatabase { get; set; }

    /// <summary>Set when a save wrote audit entries, until its transaction commits and wakes the change feed.</summary>
    internal bool WroteAuditEntries { get; set; }

    /// <summary>The synchronous twin of <see cref="SaveChangesAsync(bool, CancellationToken)"/>, for framework code that saves synchronously (data-protection keys).</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        Persistence.SavePipeline.Save(this, () => base.SaveChanges(acceptAllChangesOnSuccess));

    /// <summary>When changes are saved: the product's clock (contexts made only to migrate or copy have none and record no times).</summary>
    internal DateTime Now() => (_clock ?? throw new InvalidOperationException(
        "This context was made without the product's clock (UseProductClock), so it cannot record when its changes were saved.")).GetUtcNow().UtcDateTime;

    /// <summary>
    /// Saves the changes, their audit entries and the figures derived from them together, all or none
    /// (<see cref="Persistence.SavePipeline"/>).
    /// </summary>
    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        Persistence.SavePipeline.SaveAsync(this, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database reads plainly and survives reordering;
        // Reliability stays numeric because pages filter on "B or better".
        configurationBuilder.Properties<ActorKind>().HaveConversion<string>().HaveMaxLength(FieldLimits.EnumName);
        configurationBuilder.Properties<TrackRole>().HaveConversion<string>().HaveMaxLength(FieldLimits.EnumName);
        configurationBuilder.Properties<ParticipantRole>().HaveConversion<string>().HaveMaxLength(FieldLimits.EnumName);
        configurationBuilder.Properties<Acknowledgement>().HaveConversion<string>().HaveMaxLength(FieldLimits.EnumName);
        configurationBuilder.Properties<MeetingFormat>().HaveConversion<string>().HaveMaxLength(FieldLimits.EnumName);
        configurationBuilder.Properties<MeetingStatus>().HaveConversion<string>().HaveMaxLength(FieldLimits.EnumName);
        configurationBuilder.Properties<DatePrecision>().HaveConversion<string>().HaveMaxLength(FieldLimits.EnumName);
        configurationBuilder.Properties<AgendaCategory>().HaveConversion<string>().HaveMaxLength(FieldLimits.EnumName);
        configurationBuilder.Properties<AgendaStatus>().HaveConversion<string>().HaveMaxLength(FieldLimits.EnumName);
        configurationBuilder.Properties<SourceKind>().HaveConversion<string>().HaveMaxLength(FieldLimits.EnumName);
        configurationBuilder.Properties<Stance>().HaveConversion<string>().HaveMaxLength(FieldLimits.ShortEnumName);
        configurationBuilder.Properties<ProposalDecision>().HaveConversion<string>().HaveMaxLength(FieldLimits.ShortEnumName);
        configurationBuilder.Properties<AuditAction>().HaveConversion<string>().HaveMaxLength(FieldLimits.ShortEnumName);
        configurationBuilder.Properties<Domain.Provenance.ClaimLinkKind>().HaveConversion<string>().HaveMaxLength(FieldLimits.ShortEnumName);
        configurationBuilder.Properties<LinkReview>().HaveConversion<string>().HaveMaxLength(FieldLimits.ShortEnumName);
        configurationBuilder.Properties<Domain.Positions.PositionKind>().HaveConversion<string>().HaveMaxLength(FieldLimits.EnumName);
        configurationBuilder.Properties<Reliability>().HaveConversion<int>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TalksTrackerDbContext).Assembly);

        foreach (var entity in modelBuilder.Model.GetEntityTypes()
                     .Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            modelBuilder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }

        if (Database.IsNpgsql())
        {
            PostgresModel.Adapt(modelBuilder);
        }
    }
}
