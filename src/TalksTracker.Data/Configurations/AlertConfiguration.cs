using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Data.Accounts;
using TalksTracker.Data.Alerts;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class FollowConfiguration : IEntityTypeConfiguration<Follow>
{
    public void Configure(EntityTypeBuilder<Follow> builder)
    {
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(FieldLimits.EnumName);
        builder.Property(f => f.Query).HasMaxLength(FieldLimits.FollowQuery);
        builder.Property(f => f.Label).HasMaxLength(FieldLimits.FollowLabel);
        builder.HasIndex(f => new { f.UserId, f.Kind, f.SubjectId, f.Query }).IsUnique();
        builder.HasIndex(f => new { f.Kind, f.SubjectId });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertEntityConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(FieldLimits.EnumName);
        builder.Property(a => a.Subject).HasMaxLength(FieldLimits.AlertSubject);
        builder.Property(a => a.Origin).HasMaxLength(FieldLimits.AlertOrigin);
        builder.Property(a => a.Title).HasMaxLength(FieldLimits.AlertTitle);
        builder.Property(a => a.Summary).HasMaxLength(FieldLimits.AlertSummary);
        // One alert per subject, kind and origin: relays fold into it (changes carry their audit entry as origin).
        builder.HasIndex(a => new { a.Subject, a.Kind, a.Origin }).IsUnique();
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        // A follower hears of an alert once, however many of their follows it touches and however many instances run.
        builder.HasIndex(n => new { n.UserId, n.AlertId }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.ReadAt });
        builder.HasOne(n => n.Alert).WithMany().HasForeignKey(n => n.AlertId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertCursorConfiguration : IEntityTypeConfiguration<AlertCursor>
{
    public void Configure(EntityTypeBuilder<AlertCursor> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Version).IsConcurrencyToken();
    }
}

internal sealed class DigestSettingConfiguration : IEntityTypeConfiguration<DigestSetting>
{
    public void Configure(EntityTypeBuilder<DigestSetting> builder)
    {
        builder.HasKey(d => d.UserId);
        builder.Property(d => d.Frequency).HasConversion<string>().HasMaxLength(FieldLimits.ShortEnumName);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<DigestSetting>(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.Property(w => w.Url).HasMaxLength(FieldLimits.WebhookEndpointUrl);
        builder.Property(w => w.Secret).HasMaxLength(FieldLimits.WebhookEndpointSecret);
        builder.Property(w => w.Prefix).HasMaxLength(FieldLimits.WebhookEndpointPrefix);
        builder.HasIndex(w => w.UserId);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(w => w.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.Property(d => d.LastError).HasMaxLength(FieldLimits.WebhookDeliveryLastError);
        builder.HasIndex(d => new { d.EndpointId, d.NotificationId }).IsUnique();
        builder.HasIndex(d => new { d.DeliveredAt, d.FailedAt, d.NextAttemptAt });
        builder.HasOne(d => d.Endpoint).WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Notification).WithMany().HasForeignKey(d => d.NotificationId).OnDelete(DeleteBehavior.Cascade);
    }
}
