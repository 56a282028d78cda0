using TalksTracker.Data.Changes;
using TalksTracker.Domain;

namespace TalksTracker.Data.Tests.Changes;

public sealed class LiveScopeTests
{
    private static readonly LiveScope Dossier = new() { Meetings = [7], AgendaItems = [3], Claims = [100] };

    private static LiveChange Classify(params ChangedRecord[] records) =>
        Dossier.Classify(new ChangeBatch(records.Max(r => r.Version), records));

    [Fact]
    public void A_claim_newly_linked_to_the_meeting_is_held_as_new()
    {
        var link = ChangedRecord.From(1, nameof(ClaimMeeting), "ClaimId=200,MeetingId=7", AuditAction.Created,
            """{"ClaimId":{"after":200},"MeetingId":{"after":7}}""");

        var change = Classify(link);
        Assert.Equal([200], change.NewClaims);
        Assert.False(change.OtherChanges);
        Assert.True(change.ClaimsTouched);
    }

    [Fact]
    public void A_status_change_of_a_shown_agenda_item_is_applied_in_place()
    {
        var status = ChangedRecord.From(2, nameof(AgendaStatusChange), "55", AuditAction.Created,
            """{"Id":{"after":55},"AgendaItemId":{"after":3},"Status":{"after":"Progress"}}""");

        Assert.Equal((0, true, false), (Classify(status).NewClaims.Count, Classify(status).OtherChanges, Classify(status).ClaimsTouched));
    }

    [Fact]
    public void An_edit_of_a_shown_claim_is_applied_in_place_and_a_meeting_moved_away_still_concerns_it()
    {
        var edit = ChangedRecord.From(3, nameof(Claim), "100", AuditAction.Updated, """{"Stance":{"before":"Asserts","after":"Hedged"}}""");
        var moved = ChangedRecord.From(4, nameof(ClaimMeeting), "ClaimId=300,MeetingId=8", AuditAction.Updated,
            """{"MeetingId":{"before":7,"after":8}}""");

        Assert.True(Classify(edit).OtherChanges);
        Assert.True(Classify(moved).OtherChanges);
    }

    [Fact]
    public void A_save_of_the_meeting_alone_is_told_apart_from_one_touching_more()
    {
        var status = ChangedRecord.From(7, nameof(Meeting), "7", AuditAction.Updated, """{"Status":{"before":"Reported","after":"Confirmed"}}""");
        var agenda = ChangedRecord.From(8, nameof(AgendaStatusChange), "56", AuditAction.Created,
            """{"Id":{"after":56},"AgendaItemId":{"after":3},"MeetingId":{"after":7}}""");
        var claimEdit = ChangedRecord.From(9, nameof(Claim), "100", AuditAction.Updated, """{"Stance":{"before":"Asserts","after":"Hedged"}}""");
        var deleted = ChangedRecord.From(10, nameof(Meeting), "7", AuditAction.Deleted, "{}");

        Assert.True(Classify(status).OnlyEdits(nameof(Meeting), 7));
        Assert.Equal([status], Classify(status).InPlace);
        Assert.False(Classify(status, agenda).OnlyEdits(nameof(Meeting), 7));
        Assert.False(Classify(status, claimEdit).OnlyEdits(nameof(Meeting), 7));
        Assert.False(Classify(deleted).OnlyEdits(nameof(Meeting), 7));
        Assert.False(Classify(status).OnlyEdits(nameof(Meeting), 8));
    }

    [Fact]
    public void A_change_to_records_the_page_does_not_show_is_ignored()
    {
        var elsewhere = ChangedRecord.From(5, nameof(ClaimActor), "ClaimId=400,ActorId=9", AuditAction.Created,
            """{"ClaimId":{"after":400},"ActorId":{"after":9}}""");
        var unreadable = ChangedRecord.From(6, nameof(Venue), "12", AuditAction.Updated, "not json");

        Assert.False(Classify(elsewhere, unreadable).ConcernsPage);
        Assert.Equal([new RecordRef(nameof(Venue), 12)], unreadable.Touches);
    }
}
