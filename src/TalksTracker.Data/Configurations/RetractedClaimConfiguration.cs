using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class RetractedClaimConfiguration : IEntityTypeConfiguration<RetractedClaim>
{
    public void Configure(EntityTypeBuilder<RetractedClaim> builder)
    {
        // The claim's id, kept so a restored claim has its old address and its audit trail continues.
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Reason).HasMaxLength(FieldLimits.RetractedClaimReason);
        builder.Property(r => r.RetractedBy).HasMaxLength(FieldLimits.RetractedClaimRetractedBy);
        builder.HasOne<Report>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ReportId);
    }
}

internal sealed class MergedRecordConfiguration : IEntityTypeConfiguration<MergedRecord>
{
    public void Configure(EntityTypeBuilder<MergedRecord> builder)
    {
        builder.Property(m => m.Kind).HasMaxLength(FieldLimits.MergedRecordKind);
        builder.Property(m => m.FromName).HasMaxLength(FieldLimits.MergedRecordFromName);
        builder.Property(m => m.MergedBy).HasMaxLength(FieldLimits.MergedRecordMergedBy);
        builder.HasIndex(m => new { m.Kind, m.FromId }).IsUnique();
        builder.HasIndex(m => new { m.Kind, m.IntoId });
    }
}
