using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.User).HasMaxLength(FieldLimits.AuditEntryUser);
        builder.Property(a => a.EntityType).HasMaxLength(FieldLimits.AuditEntryEntityType);
        builder.Property(a => a.EntityId).HasMaxLength(FieldLimits.AuditEntryEntityId);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.User, a.At });
    }
}
