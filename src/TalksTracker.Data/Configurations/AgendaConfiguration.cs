using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(a => a.Title).HasMaxLength(FieldLimits.AgendaItemTitle);
        builder.Property(a => a.Description).HasMaxLength(FieldLimits.AgendaItemDescription);
        builder.HasMany(a => a.StatusChanges).WithOne(s => s.AgendaItem).HasForeignKey(s => s.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Aliases).WithOne().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.TrackId, a.Category });
    }
}

internal sealed class AgendaItemAliasConfiguration : IEntityTypeConfiguration<AgendaItemAlias>
{
    public void Configure(EntityTypeBuilder<AgendaItemAlias> builder)
    {
        builder.Property(a => a.Alias).HasMaxLength(FieldLimits.AgendaItemAliasAlias).UseCollation("NOCASE");
        builder.HasIndex(a => new { a.AgendaItemId, a.Alias }).IsUnique();
    }
}

internal sealed class AgendaStatusChangeConfiguration : IEntityTypeConfiguration<AgendaStatusChange>
{
    public void Configure(EntityTypeBuilder<AgendaStatusChange> builder)
    {
        builder.Property(s => s.Note).HasMaxLength(FieldLimits.AgendaStatusChangeNote);
        builder.HasOne(s => s.Meeting).WithMany().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Evidence).WithOne().HasForeignKey(e => e.AgendaStatusChangeId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.AgendaItemId, s.AsOf });
        builder.HasIndex(s => s.MeetingId);
        builder.HasIndex(s => s.RecordedAt);
    }
}

internal sealed class AgendaStatusEvidenceConfiguration : IEntityTypeConfiguration<AgendaStatusEvidence>
{
    public void Configure(EntityTypeBuilder<AgendaStatusEvidence> builder)
    {
        builder.HasKey(e => new { e.AgendaStatusChangeId, e.ClaimId });
        builder.HasOne(e => e.Claim).WithMany().HasForeignKey(e => e.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.ClaimId);
    }
}
