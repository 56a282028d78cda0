using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(500);
        builder.Property(r => r.Outlet).HasMaxLength(200);
        builder.Property(r => r.Url).HasMaxLength(2000);
        builder.Property(r => r.Language).HasMaxLength(16);
        builder.Property(r => r.ContentHash).HasMaxLength(64);
        builder.HasIndex(r => r.ContentHash).IsUnique();
        builder.HasIndex(r => r.PublishedOn);
        builder.HasIndex(r => r.TakenInAt);
        builder.Property(r => r.WithdrawnBy).HasMaxLength(256);
        builder.Property(r => r.WithdrawalReason).HasMaxLength(2000);
        // Reports are never deleted while claims rest on them.
        builder.HasMany(r => r.Claims).WithOne(c => c.Report).HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}
