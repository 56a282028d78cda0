using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;
using TalksTracker.Data.Accounts;

namespace TalksTracker.Data.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.Property(k => k.Name).HasMaxLength(FieldLimits.ApiKeyName);
        builder.Property(k => k.Prefix).HasMaxLength(FieldLimits.ApiKeyPrefix);
        builder.Property(k => k.Hash).HasMaxLength(FieldLimits.ApiKeyHash);
        builder.HasIndex(k => k.Hash).IsUnique();
        builder.HasIndex(k => k.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
