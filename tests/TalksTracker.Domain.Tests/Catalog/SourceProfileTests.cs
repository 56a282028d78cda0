using TalksTracker.Domain.Catalog;
using Xunit;

namespace TalksTracker.Domain.Tests.Catalog;

public class SourceProfileTests
{
    [Theory]
    [InlineData("a senior Israeli security source", SourceKind.AnonymousOfficial)]
    [InlineData("two Egyptian security sources", SourceKind.AnonymousOfficial)]
    [InlineData("Turkish Foreign Minister Hakan Fidan", SourceKind.NamedOfficial)]
    [InlineData("Kremlin spokesman Dmitry Peskov", SourceKind.Spokesperson)]
    [InlineData("a spokeswoman for the State Department", SourceKind.Spokesperson)]
    [InlineData("The spokesman of the Turkish foreign ministry", SourceKind.Spokesperson)]
    [InlineData("Israeli media", SourceKind.MediaOutlet)]
    [InlineData("the state news agency SANA", SourceKind.MediaOutlet)]
    [InlineData("analysts", SourceKind.Analyst)]
    [InlineData("Iran's foreign ministry", SourceKind.GovernmentStatement)]
    [InlineData("the International Atomic Energy Agency", SourceKind.Institution)]
    [InlineData("The European Union", SourceKind.Institution)]
    [InlineData("the UN mission in South Sudan", SourceKind.Institution)]
    [InlineData("the armed group", SourceKind.Party)]
    [InlineData("the rebel movement", SourceKind.Party)]
    public void The_kind_is_read_from_the_words(string mention, SourceKind expected)
    {
        Assert.Equal(expected, SourceProfile.Of(mention).Kind);
    }

    [Theory]
    [InlineData("a senior Israeli security source", "Israel")]
    [InlineData("Turkish Foreign Minister Hakan Fidan", "Turkey")]
    [InlineData("two South Korean officials", "South Korea")]
    [InlineData("Iran's foreign ministry", "Iran")]
    [InlineData("the United Arab Emirates' foreign ministry", "United Arab Emirates")]
    [InlineData("the foreign minister of Qatar", "Qatar")]
    [InlineData("Kremlin spokesman Dmitry Peskov", "Russia")]
    [InlineData("a Saudi official", "Saudi Arabia")]
    [InlineData("a senior Hamas official", "Hamas")]
    [InlineData("M23 spokesman Bosco Mahoro", "M23")]
    [InlineData("a Kurdistan Regional Government official", "Kurdistan Regional Government")]
    public void Whom_a_source_speaks_for_is_read_from_a_demonym_a_possessive_of_or_the_name_before_its_office(string mention, string expected)
    {
        Assert.Equal(expected, SourceProfile.Of(mention).AffiliationNames[0]);
    }

    [Theory]
    [InlineData("Foreign Minister Sergei Lavrov")]
    [InlineData("A spokesman")]
    public void An_office_s_own_title_names_no_group(string mention)
    {
        Assert.Empty(SourceProfile.Of(mention).AffiliationNames);
    }

    [Theory]
    [InlineData("analysts")]
    [InlineData("a person familiar with the matter")]
    [InlineData("")]
    public void A_source_that_names_no_state_has_no_affiliation(string mention)
    {
        Assert.Empty(SourceProfile.Of(mention).AffiliationNames);
    }
}
