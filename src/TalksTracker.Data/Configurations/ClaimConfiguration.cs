using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> builder)
    {
        builder.Property(c => c.Quote).HasMaxLength(FieldLimits.ClaimQuote);
        builder.Property(c => c.Cue).HasMaxLength(FieldLimits.ClaimCue);
        builder.Property(c => c.Hedge).HasMaxLength(FieldLimits.ClaimHedge);
        builder.HasOne(c => c.Source).WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.ViaSource).WithMany().HasForeignKey(c => c.ViaSourceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Meetings).WithOne(x => x.Claim).HasForeignKey(m => m.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.AgendaItems).WithOne(x => x.Claim).HasForeignKey(a => a.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Actors).WithOne(x => x.Claim).HasForeignKey(a => a.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.ReportId, c.Start });
        builder.HasIndex(c => c.SourceId);
        builder.HasIndex(c => c.ViaSourceId);
        builder.HasIndex(c => c.RecordedAt);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Claim_Span", "Start >= 0 AND \"End\" > Start");
            t.HasCheckConstraint("CK_Claim_Credibility", "Credibility BETWEEN 1 AND 6");
        });
    }
}

internal sealed class ClaimMeetingConfiguration : IEntityTypeConfiguration<ClaimMeeting>
{
    public void Configure(EntityTypeBuilder<ClaimMeeting> builder)
    {
        builder.HasKey(x => new { x.ClaimId, x.MeetingId });
        builder.HasOne(x => x.Meeting).WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.MeetingId, x.ClaimId });
    }
}

internal sealed class ClaimAgendaItemConfiguration : IEntityTypeConfiguration<ClaimAgendaItem>
{
    public void Configure(EntityTypeBuilder<ClaimAgendaItem> builder)
    {
        builder.HasKey(x => new { x.ClaimId, x.AgendaItemId });
        builder.HasOne(x => x.AgendaItem).WithMany().HasForeignKey(x => x.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.AgendaItemId, x.ClaimId });
    }
}

internal sealed class ClaimActorConfiguration : IEntityTypeConfiguration<ClaimActor>
{
    public void Configure(EntityTypeBuilder<ClaimActor> builder)
    {
        builder.HasKey(x => new { x.ClaimId, x.ActorId });
        builder.HasOne(x => x.Actor).WithMany().HasForeignKey(x => x.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(x => new { x.ActorId, x.ClaimId });
    }
}
