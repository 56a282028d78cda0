using Microsoft.EntityFrameworkCore;
using TalksTracker.Domain;

namespace TalksTracker.Data;

public class TalksTrackerDbContext(DbContextOptions<TalksTrackerDbContext> options) : DbContext(options)
{
    public DbSet<Actor> Actors => Set<Actor>();
    public DbSet<ActorAlias> ActorAliases => Set<ActorAlias>();
    public DbSet<Track> Tracks => Set<Track>();
    public DbSet<TrackParticipant> TrackParticipants => Set<TrackParticipant>();
    public DbSet<Venue> Venues => Set<Venue>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<MeetingParticipant> MeetingParticipants => Set<MeetingParticipant>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<AgendaStatusChange> AgendaStatusChanges => Set<AgendaStatusChange>();
    public DbSet<AgendaStatusEvidence> AgendaStatusEvidence => Set<AgendaStatusEvidence>();
    public DbSet<Report> Reports => Set<Report>();
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<ClaimMeeting> ClaimMeetings => Set<ClaimMeeting>();
    public DbSet<ClaimAgendaItem> ClaimAgendaItems => Set<ClaimAgendaItem>();
    public DbSet<ClaimActor> ClaimActors => Set<ClaimActor>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name so the database reads plainly and survives reordering;
        // Reliability stays numeric because pages filter on "B or better".
        configurationBuilder.Properties<ActorKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<TrackRole>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Acknowledgement>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<MeetingFormat>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<MeetingStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<DatePrecision>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AgendaCategory>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<AgendaStatus>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<SourceKind>().HaveConversion<string>().HaveMaxLength(32);
        configurationBuilder.Properties<Stance>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ClaimReview>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<Reliability>().HaveConversion<int>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(TalksTrackerDbContext).Assembly);

        foreach (var entity in modelBuilder.Model.GetEntityTypes()
                     .Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            modelBuilder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }
    }
}
