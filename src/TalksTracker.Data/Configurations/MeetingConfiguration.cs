using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Ignore(m => m.Date);
        builder.Property(m => m.Title).HasMaxLength(FieldLimits.MeetingTitle);
        builder.Property(m => m.Summary).HasMaxLength(FieldLimits.MeetingSummary);
        builder.Property(m => m.DateLabel).HasMaxLength(FieldLimits.MeetingDateLabel);
        builder.Property(m => m.DatePrecision);
        builder.Property(m => m.DateStart);
        builder.Property(m => m.DateEnd);
        builder.Property(m => m.SortDate);
        builder.HasOne(m => m.Venue).WithMany().HasForeignKey(m => m.VenueId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Participants).WithOne().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.Cascade);
        // The timeline sorts by date, within a track or a venue.
        builder.HasIndex(m => new { m.SortDate, m.Id });
        builder.HasIndex(m => new { m.TrackId, m.SortDate });
        builder.HasIndex(m => new { m.VenueId, m.SortDate });
        builder.HasIndex(m => m.RecordedAt);
    }
}

internal sealed class MeetingParticipantConfiguration : IEntityTypeConfiguration<MeetingParticipant>
{
    public void Configure(EntityTypeBuilder<MeetingParticipant> builder)
    {
        builder.Property(p => p.Level).HasMaxLength(FieldLimits.MeetingParticipantLevel);
        builder.HasOne(p => p.Actor).WithMany().HasForeignKey(p => p.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.MeetingId, p.ActorId }).IsUnique();
        builder.HasIndex(p => p.ActorId);
    }
}
