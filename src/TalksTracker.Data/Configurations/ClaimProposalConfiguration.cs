using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class ClaimProposalConfiguration : IEntityTypeConfiguration<ClaimProposal>
{
    public void Configure(EntityTypeBuilder<ClaimProposal> builder)
    {
        builder.Property(p => p.SourceMention).HasMaxLength(300);
        builder.Property(p => p.ViaMention).HasMaxLength(300);
        builder.Property(p => p.Cue).HasMaxLength(100);
        builder.Property(p => p.Hedge).HasMaxLength(200);
        builder.Property(p => p.MeetingIds).HasMaxLength(2000);
        builder.Property(p => p.AgendaItemIds).HasMaxLength(2000);
        builder.Property(p => p.ActorIds).HasMaxLength(2000);
        builder.Property(p => p.StatusChanges).HasMaxLength(2000);
        builder.HasOne<Report>().WithMany().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Source>().WithMany().HasForeignKey(p => p.SourceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Source>().WithMany().HasForeignKey(p => p.ViaSourceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.ReportId, p.Start });
    }
}
