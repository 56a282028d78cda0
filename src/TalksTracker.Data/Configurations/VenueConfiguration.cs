using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class VenueConfiguration : IEntityTypeConfiguration<Venue>
{
    public void Configure(EntityTypeBuilder<Venue> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(FieldLimits.VenueName).UseCollation("NOCASE");
        builder.HasIndex(v => v.Name);
        builder.HasOne(v => v.Country).WithMany().HasForeignKey(v => v.CountryActorId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_Venue_Latitude", "Latitude IS NULL OR (Latitude >= -90 AND Latitude <= 90)");
            t.HasCheckConstraint("CK_Venue_Longitude", "Longitude IS NULL OR (Longitude >= -180 AND Longitude <= 180)");
        });
    }
}
