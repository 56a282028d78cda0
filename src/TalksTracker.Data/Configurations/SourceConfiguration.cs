using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(FieldLimits.SourceName).UseCollation("NOCASE");
        builder.Property(s => s.Description).HasMaxLength(FieldLimits.SourceDescription);
        builder.HasIndex(s => s.Name);
        builder.HasIndex(s => s.Reliability);
        builder.HasIndex(s => s.RecordedAt);
        builder.HasOne(s => s.Affiliation).WithMany().HasForeignKey(s => s.AffiliationActorId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Source_Reliability", "Reliability BETWEEN 1 AND 6"));
    }
}
