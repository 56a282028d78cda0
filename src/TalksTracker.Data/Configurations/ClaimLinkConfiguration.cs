using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class ClaimLinkConfiguration : IEntityTypeConfiguration<ClaimLink>
{
    public void Configure(EntityTypeBuilder<ClaimLink> builder)
    {
        builder.Property(l => l.ReviewedBy).HasMaxLength(FieldLimits.ClaimLinkReviewedBy);
        builder.HasOne<Claim>().WithMany().HasForeignKey(l => l.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Claim>().WithMany().HasForeignKey(l => l.OtherClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.ClaimId, l.OtherClaimId }).IsUnique();
        builder.HasIndex(l => l.OtherClaimId);
        builder.ToTable(t => t.HasCheckConstraint("CK_ClaimLink_Order", "ClaimId < OtherClaimId"));
    }
}

internal sealed class SourceGradeChangeConfiguration : IEntityTypeConfiguration<SourceGradeChange>
{
    public void Configure(EntityTypeBuilder<SourceGradeChange> builder)
    {
        builder.Property(c => c.Reason).HasMaxLength(FieldLimits.SourceGradeChangeReason);
        builder.Property(c => c.ChangedBy).HasMaxLength(FieldLimits.SourceGradeChangeChangedBy);
        builder.HasOne<Source>().WithMany().HasForeignKey(c => c.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.SourceId, c.ChangedAt });
    }
}
