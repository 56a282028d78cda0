using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class ClaimProposalConfiguration : IEntityTypeConfiguration<ClaimProposal>
{
    public void Configure(EntityTypeBuilder<ClaimProposal> builder)
    {
        builder.Property(p => p.SourceMention).HasMaxLength(FieldLimits.ClaimProposalSourceMention);
        builder.Property(p => p.ViaMention).HasMaxLength(FieldLimits.ClaimProposalViaMention);
        builder.Property(p => p.Cue).HasMaxLength(FieldLimits.ClaimProposalCue);
        builder.Property(p => p.Hedge).HasMaxLength(FieldLimits.ClaimProposalHedge);
        builder.Property(p => p.MeetingIds).HasMaxLength(FieldLimits.ClaimProposalMeetingIds);
        builder.Property(p => p.AgendaItemIds).HasMaxLength(FieldLimits.ClaimProposalAgendaItemIds);
        builder.Property(p => p.ActorIds).HasMaxLength(FieldLimits.ClaimProposalActorIds);
        builder.Property(p => p.StatusChanges).HasMaxLength(FieldLimits.ClaimProposalStatusChanges);
        builder.Property(p => p.Positions).HasMaxLength(FieldLimits.ClaimProposalPositions);
        builder.HasOne<Report>().WithMany().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Source>().WithMany().HasForeignKey(p => p.SourceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Source>().WithMany().HasForeignKey(p => p.ViaSourceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.ReportId, p.Start });
    }
}
