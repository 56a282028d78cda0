using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class PositionConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.Ignore(p => p.AsOf);
        builder.Property(p => p.Wording).HasMaxLength(FieldLimits.PositionWording);
        builder.Property(p => p.AsOfLabel).HasMaxLength(FieldLimits.PositionAsOfLabel);
        builder.Property(p => p.AsOfPrecision);
        builder.Property(p => p.AsOfStart);
        builder.Property(p => p.AsOfEnd);
        builder.Property(p => p.AsOfSort);

        // An item's positions go with it only through CatalogCorrections, which refuses while any exist (Dependents).
        builder.HasOne(p => p.AgendaItem).WithMany().HasForeignKey(p => p.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.PartyActor).WithMany().HasForeignKey(p => p.PartyActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Evidence).WithOne().HasForeignKey(e => e.PositionId).OnDelete(DeleteBehavior.Cascade);
        // Each party's line on an item in date order: the board seeks the few positions the gap rules need through it.
        builder.HasIndex(p => new { p.AgendaItemId, p.PartyActorId, p.AsOfSort, p.Id });
        builder.HasIndex(p => p.PartyActorId);
        builder.HasIndex(p => p.RecordedAt);
        // The digest's positions recorded since a date on a track's items: without it the track's every position is read.
        builder.HasIndex(p => new { p.AgendaItemId, p.RecordedAt });
    }
}

internal sealed class PositionEvidenceConfiguration : IEntityTypeConfiguration<PositionEvidence>
{
    public void Configure(EntityTypeBuilder<PositionEvidence> builder)
    {
        builder.HasKey(e => new { e.PositionId, e.ClaimId });

        // Retracting a claim deletes its rows: a position resting on it alone then rests on none and stops counting.
        builder.HasOne(e => e.Claim).WithMany().HasForeignKey(e => e.ClaimId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.ClaimId);
    }
}
