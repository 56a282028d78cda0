using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Data.Derived;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class MeetingClaimFactsConfiguration : IEntityTypeConfiguration<MeetingClaimFacts>
{
    public void Configure(EntityTypeBuilder<MeetingClaimFacts> builder)
    {
        builder.HasKey(f => f.MeetingId);
        builder.Property(f => f.MeetingId).ValueGeneratedNever();
        builder.HasOne<Meeting>().WithOne().HasForeignKey<MeetingClaimFacts>(f => f.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.BestReliability);
    }
}

internal sealed class TrackClaimFactsConfiguration : IEntityTypeConfiguration<TrackClaimFacts>
{
    public void Configure(EntityTypeBuilder<TrackClaimFacts> builder)
    {
        builder.HasKey(f => f.TrackId);
        builder.Property(f => f.TrackId).ValueGeneratedNever();
        builder.HasOne<Track>().WithOne().HasForeignKey<TrackClaimFacts>(f => f.TrackId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingMentionConfiguration : IEntityTypeConfiguration<MeetingMention>
{
    public void Configure(EntityTypeBuilder<MeetingMention> builder)
    {
        builder.HasKey(m => new { m.MeetingId, m.ActorId });
        builder.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Actor>().WithMany().HasForeignKey(m => m.ActorId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ActorId, m.MeetingId });
    }
}

internal sealed class MeetingClaimAgendaItemConfiguration : IEntityTypeConfiguration<MeetingClaimAgendaItem>
{
    public void Configure(EntityTypeBuilder<MeetingClaimAgendaItem> builder)
    {
        builder.HasKey(m => new { m.MeetingId, m.AgendaItemId });
        builder.HasOne<Meeting>().WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.AgendaItem).WithMany().HasForeignKey(m => m.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.AgendaItemId, m.MeetingId });
    }
}

internal sealed class AgendaItemDenialConfiguration : IEntityTypeConfiguration<AgendaItemDenial>
{
    public void Configure(EntityTypeBuilder<AgendaItemDenial> builder)
    {
        builder.HasKey(d => new { d.AgendaItemId, d.ClaimId });
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Claim>().WithMany().HasForeignKey(d => d.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(d => new { d.AgendaItemId, d.Date });
        builder.HasIndex(d => d.ClaimId);
    }
}
