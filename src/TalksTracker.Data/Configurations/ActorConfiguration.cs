using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TalksTracker.Domain;

namespace TalksTracker.Data.Configurations;

internal sealed class ActorConfiguration : IEntityTypeConfiguration<Actor>
{
    public void Configure(EntityTypeBuilder<Actor> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(FieldLimits.ActorName).UseCollation("NOCASE");
        builder.Property(a => a.Description).HasMaxLength(FieldLimits.ActorDescription);
        builder.HasIndex(a => a.Name);
        builder.HasOne(a => a.ParentActor).WithMany().HasForeignKey(a => a.ParentActorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Aliases).WithOne().HasForeignKey(a => a.ActorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActorAliasConfiguration : IEntityTypeConfiguration<ActorAlias>
{
    public void Configure(EntityTypeBuilder<ActorAlias> builder)
    {
        builder.Property(a => a.Alias).HasMaxLength(FieldLimits.ActorAliasAlias).UseCollation("NOCASE");
        builder.HasIndex(a => a.Alias);
        builder.HasIndex(a => new { a.ActorId, a.Alias }).IsUnique();
    }
}
