using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class TrackConfiguration : IEntityTypeConfiguration<Track>
{
    public void Configure(EntityTypeBuilder<Track> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(FieldLimits.TrackName);
        builder.Property(t => t.Description).HasMaxLength(FieldLimits.TrackDescription);
        builder.HasMany(t => t.Participants).WithOne().HasForeignKey(p => p.TrackId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Meetings).WithOne(m => m.Track).HasForeignKey(m => m.TrackId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.AgendaItems).WithOne(a => a.Track).HasForeignKey(a => a.TrackId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrackParticipantConfiguration : IEntityTypeConfiguration<TrackParticipant>
{
    public void Configure(EntityTypeBuilder<TrackParticipant> builder)
    {
        builder.Property(p => p.Note).HasMaxLength(FieldLimits.TrackParticipantNote);
        builder.HasOne(p => p.Actor).WithMany().HasForeignKey(p => p.ActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.TrackId, p.ActorId, p.Role }).IsUnique();
        builder.HasIndex(p => p.ActorId);
    }
}
