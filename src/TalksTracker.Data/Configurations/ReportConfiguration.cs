using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(FieldLimits.ReportTitle);
        builder.Property(r => r.Outlet).HasMaxLength(FieldLimits.ReportOutlet);
        builder.Property(r => r.Url).HasMaxLength(FieldLimits.ReportUrl);
        builder.Property(r => r.Language).HasMaxLength(FieldLimits.ReportLanguage);
        builder.Property(r => r.ContentHash).HasMaxLength(FieldLimits.ReportContentHash);
        builder.HasIndex(r => r.ContentHash).IsUnique();
        builder.HasIndex(r => r.PublishedOn);
        builder.HasIndex(r => r.TakenInAt);
        builder.Property(r => r.WithdrawnBy).HasMaxLength(FieldLimits.ReportWithdrawnBy);
        builder.Property(r => r.WithdrawalReason).HasMaxLength(FieldLimits.ReportWithdrawalReason);
        // Reports are never deleted while claims rest on them.
        builder.HasMany(r => r.Claims).WithOne(c => c.Report).HasForeignKey(c => c.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}
