using TalksTracker.Domain.Alerts;
using TalksTracker.Domain.Provenance;

namespace TalksTracker.Domain.Tests.Alerts;

public class AlertFoldingTests
{
    private const int SeniorOfficial = 1;
    private const int Analyst = 2;
    private const int IsraeliMedia = 3;
    private static readonly string Meeting = AlertSubject.Of(AlertSubject.Meeting, 1);

    // Israeli media relays the senior official and shares its affiliation: on its own it stands for the official.
    private static readonly Dictionary<int, int> Dependent = new() { [IsraeliMedia] = SeniorOfficial };

    /// <summary>
    /// Ten reports on one meeting: the official (report 1) and the analyst (report 2) are the two origins; reports 3–8
    /// relay them (through Israeli media, or Israeli media alone); report 9 quotes the official again and report 10 the
    /// analyst, saying the meeting is confirmed — which an editor records as a status change.
    /// </summary>
    public static (List<NewClaim> Claims, List<SubjectChange> Changes) TenReports()
    {
        var claims = new List<NewClaim>
        {
            Claim(1, SeniorOfficial, null),
            Claim(2, Analyst, null),
            Claim(3, SeniorOfficial, IsraeliMedia),
            Claim(4, SeniorOfficial, IsraeliMedia),
            Claim(5, IsraeliMedia, null),
            Claim(6, Analyst, IsraeliMedia),
            Claim(7, Analyst, IsraeliMedia),
            Claim(8, Analyst, IsraeliMedia),
            Claim(9, SeniorOfficial, null),
            Claim(10, Analyst, null),
        };
        return (claims, [new SubjectChange(Meeting, AlertKind.StatusChange, "Reported → Confirmed")]);

        static NewClaim Claim(int report, int source, int? via) =>
            new(new ClaimOriginFacts(report * 10, report, source, via, "Outlet " + report), Stance.Asserts, [Meeting]);
    }

    [Fact]
    public void Ten_reports_six_of_them_relays_of_two_origins_give_two_alerts_and_the_status_change()
    {
        var (claims, changes) = TenReports();

        var plan = AlertFolding.Plan(claims, [], Dependent, changes, _ => false);

        Assert.Equal(3, plan.NewAlerts);
        var fired = plan.Claims.Where(d => d.Fires).ToList();
        Assert.Equal(["source:1", "source:2"], fired.Select(d => d.Key.Origin));
        Assert.Equal([1, 2], fired.Select(d => d.FirstReportId));
        Assert.Equal([4, 4], fired.Select(d => d.Relays));
    }

    [Fact]
    public void Without_the_sources_dependence_Israeli_media_alone_is_a_third_origin()
    {
        var (claims, changes) = TenReports();

        Assert.Equal(4, AlertFolding.Plan(claims, [], dependent: null, changes, _ => false).NewAlerts);
    }

    [Fact]
    public void Reports_arriving_one_pass_at_a_time_alert_the_same_and_fold_the_rest()
    {
        var (claims, _) = TenReports();
        var sent = new HashSet<AlertKey>();
        var relays = new Dictionary<AlertKey, int>();

        foreach (var claim in claims)
        {
            foreach (var decision in AlertFolding.Fold([claim], [], Dependent, sent.Contains))
            {
                if (decision.Fires)
                {
                    sent.Add(decision.Key);
                }

                relays[decision.Key] = relays.GetValueOrDefault(decision.Key) + decision.Relays;
            }
        }

        Assert.Equal(2, sent.Count);
        Assert.All(relays.Values, r => Assert.Equal(4, r));
    }

    [Fact]
    public void A_denial_by_a_known_origin_is_news_but_its_relay_is_not()
    {
        var denial = new NewClaim(new ClaimOriginFacts(110, 11, SeniorOfficial, null, null), Stance.Denies, [Meeting]);
        var relayed = new NewClaim(new ClaimOriginFacts(120, 12, SeniorOfficial, IsraeliMedia, null), Stance.Denies, [Meeting]);
        var asserted = new AlertKey(Meeting, AlertKind.NewOrigin, "source:1");

        var decisions = AlertFolding.Fold([denial, relayed], [], Dependent, key => key == asserted);

        var only = Assert.Single(decisions);
        Assert.True(only.Fires);
        Assert.Equal(AlertKind.Denial, only.Key.Kind);
        Assert.Equal(1, only.Relays);
    }

    [Fact]
    public void The_outlets_own_voice_in_a_report_citing_a_source_is_not_an_origin()
    {
        var cited = new ClaimOriginFacts(130, 13, Analyst, null, "Outlet");
        var ownVoice = new NewClaim(new ClaimOriginFacts(131, 13, null, null, "Outlet"), Stance.Asserts, [Meeting]);

        Assert.Empty(AlertFolding.Fold([ownVoice], [cited], Dependent, _ => false));
    }

    [Fact]
    public void A_claim_about_two_subjects_alerts_on_each()
    {
        var agenda = AlertSubject.Of(AlertSubject.AgendaItem, 4);
        var claim = new NewClaim(new ClaimOriginFacts(140, 14, Analyst, null, null), Stance.Asserts, [Meeting, agenda, Meeting]);

        Assert.Equal([Meeting, agenda], AlertFolding.Fold([claim], [], null, _ => false).Select(d => d.Key.Subject));
    }
}
