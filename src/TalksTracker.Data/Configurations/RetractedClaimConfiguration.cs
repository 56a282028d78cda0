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
        builder.Property(r => r.Reason).HasMaxLength(2000);
        builder.Property(r => r.RetractedBy).HasMaxLength(256);
        builder.HasOne<Report>().WithMany().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => r.ReportId);
    }
}

internal sealed class MergedRecordConfiguration : IEntityTypeConfiguration<MergedRecord>
{
    public void Configure(EntityTypeBuilder<MergedRecord> builder)
    {
        builder.Property(m => m.Kind).HasMaxLength(20);
        builder.Property(m => m.FromName).HasMaxLength(300);
        builder.Property(m => m.MergedBy).HasMaxLength(256);
        builder.HasIndex(m => new { m.Kind, m.FromId }).IsUnique();
        builder.HasIndex(m => new { m.Kind, m.IntoId });
    }
}
